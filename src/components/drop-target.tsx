import { useState, type DragEvent, type ReactNode } from 'react';

/** Drag-and-drop handlers for any element, and whether files are being dragged over it. */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault(); // without this the browser opens the file instead of dropping it
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      if (e.dataTransfer.files.length) onFiles(Array.from(e.dataTransfer.files));
    },
  };
  return { over, handlers };
}

/** A region that takes dropped files and is marked `over` while something is dragged onto it. */
export function DropTarget(props: {
  className: string;
  onFiles: (files: File[]) => void;
  children: ReactNode;
}) {
  const { className, onFiles, children } = props;
  const { over, handlers } = useFileDrop(onFiles);
  return (
    <div className={over ? `${className} over` : className} {...handlers}>
      {children}
    </div>
  );
}
