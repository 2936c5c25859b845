import { useState, type ReactNode } from 'react';

/** A region that takes dropped files and is marked `over` while something is dragged onto it. */
export function DropTarget(props: {
  className: string;
  onFiles: (files: File[]) => void;
  children: ReactNode;
}) {
  const { className, onFiles, children } = props;
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? `${className} over` : className}
      onDragOver={(e) => {
        e.preventDefault(); // without this the browser opens the file instead of dropping it
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (e.dataTransfer.files.length) onFiles(Array.from(e.dataTransfer.files));
      }}
    >
      {children}
    </div>
  );
}
