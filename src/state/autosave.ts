import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainingHistory } from '../ml/history';
import { autosave } from '../ml/storage/saved-models';
import { useModel } from './model';

/** Outcome of the latest autosave. */
export interface AutosaveState {
  /** When the slot was last written, ms since the epoch, or null. */
  savedAt: number | null;
  error: string | null;
}

/**
 * Writes the autosave slot whenever `useModel().current.epochs` increases and whenever
 * `finishedRuns` changes (a run stopped, completed or diverged). Writes are queued, never overlapping.
 */
export function useAutosave(options: {
  history: TrainingHistory | null;
  testAccuracy: number | null;
  finishedRuns: number;
  enabled: boolean;
}): AutosaveState {
  const { current } = useModel();
  const [state, setState] = useState<AutosaveState>({ savedAt: null, error: null });
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Read at write time, so a queued write saves the newest facts.
  const latest = useRef({ current, ...options });
  useEffect(() => {
    latest.current = { current, ...options };
  });

  const save = useCallback(() => {
    queue.current = queue.current.then(async () => {
      const { current: model, history, testAccuracy } = latest.current;
      try {
        const meta = await autosave(model, history, testAccuracy);
        setState({ savedAt: meta.savedAt, error: null });
      } catch (err) {
        setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err) }));
      }
    });
  }, []);

  const { enabled, finishedRuns } = options;
  const seenEpochs = useRef(current.epochs);
  useEffect(() => {
    const grew = current.epochs > seenEpochs.current;
    seenEpochs.current = current.epochs;
    if (enabled && grew) save();
  }, [current.epochs, enabled, save]);
  const seenRuns = useRef(finishedRuns);
  useEffect(() => {
    const ended = finishedRuns !== seenRuns.current;
    seenRuns.current = finishedRuns;
    if (enabled && ended) save();
  }, [finishedRuns, enabled, save]);

  return state;
}
