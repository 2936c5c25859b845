/** What every "try this" widget gets: whether its task is done, and how to say it now is. */
export interface TaskProps {
  done: boolean;
  onDone: () => void;
}
