import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainingHistory } from '../ml/history';
import { autosave } from '../ml/storage/saved-models';
import { useModel } from './use-model';

/** Outcome of the latest autosave. */
export interface AutosaveState {
  /** When the slot was last written, ms since the epoch, or null. */
  savedAt: number | null;
  error: string | null;
}

/**
 * Writes the autosave slot whenever `useModel().current.epochs` increases and whenever
 * `stopCount` changes (the run was stopped). Writes are queued, never overlapping.
 */
export function useAutosave(options: {
  history: TrainingHistory | null;
  testAccuracy: number | null;
  stopCount: number;
  enabled: boolean;
}): AutosaveState & { saveNow: () => Promise<void> } {
  const { current } = useModel();
  const [state, setState] = useState<AutosaveState>({ savedAt: null, error: null });
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Read at write time, so a queued write saves the newest facts.
  const latest = useRef({ current, ...options });
  useEffect(() => {
    latest.current = { current, ...options };
  });

  const saveNow = useCallback(() => {
    queue.current = queue.current.then(async () => {
      const { current: model, history, testAccuracy } = latest.current;
      try {
        const meta = await autosave(model, history, testAccuracy);
        setState({ savedAt: meta.savedAt, error: null });
      } catch (err) {
        setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err) }));
      }
    });
    return queue.current;
  }, []);

  const { enabled, stopCount } = options;
  const seenEpochs = useRef(current.epochs);
  useEffect(() => {
    const grew = current.epochs > seenEpochs.current;
    seenEpochs.current = current.epochs;
    if (enabled && grew) void saveNow();
  }, [current.epochs, enabled, saveNow]);
  const seenStops = useRef(stopCount);
  useEffect(() => {
    const stopped = stopCount !== seenStops.current;
    seenStops.current = stopCount;
    if (enabled && stopped) void saveNow();
  }, [stopCount, enabled, saveNow]);

  return { ...state, saveNow };
}
