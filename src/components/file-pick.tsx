import './file-pick.css';
import { useRef, type ReactNode } from 'react';

/**
 * A visible button in the UI's language that opens a visually hidden file input: the browser's
 * own picker would say "Choose File" in the browser's language whatever the UI speaks. The input
 * keeps `label` as its accessible name; it is out of the tab order, the button being the control.
 */
export function FilePick(props: {
  /** The input's accessible name. */
  label: string;
  /** The button's text. */
  button: ReactNode;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  /** Visible text before the button (not repeated in the button). */
  children?: ReactNode;
}) {
  const { label, button, accept, multiple, disabled, onFiles, children } = props;
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className="file-pick">
      {children}
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {button}
      </button>
      <input
        ref={input}
        className="file-pick-input"
        type="file"
        tabIndex={-1}
        aria-label={label}
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // picking the same file again should still fire
          if (files.length) onFiles(files);
        }}
      />
    </span>
  );
}
