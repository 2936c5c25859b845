import { useCallback, useEffect, useRef, useState } from 'react';
import { historyUpTo, type TrainingHistory } from '../ml/history';
import { runStats } from '../ml/experiments/run-stats';
import {
  deleteRuns,
  dropRunWeights,
  KEPT_RUN_RECORDS,
  KEPT_RUNS,
  listRuns,
  runsToPrune,
  weightsToDrop,
  writeRun,
  type RunIdentity,
  type RunStatus,
} from '../ml/storage/runs';
import { asStorageError, type StorageError } from '../ml/storage/storage-error';
import type { WeightSnapshot } from '../ml/weights';
import { useModel } from './model';
import { heldRuns } from './run-locks';
import type { RunEnd } from './trainer-state';

/** Autosave also writes every this many ms of training, so a reload mid-epoch loses little. */
export const AUTOSAVE_EVERY_MS = 60_000;

/** Outcome of the latest autosave. */
export interface AutosaveState {
  /** When the tab's run was last written, ms since the epoch, or null. */
  savedAt: number | null;
  /** The weights of that write: the current model is safe on disk while it still has these. */
  savedWeights: WeightSnapshot | null;
  /** Why the last write failed, or null once one succeeds. */
  error: StorageError | null;
}

/** What autosave remembers between two looks at the model. */
export interface AutosaveMemory {
  epochs: number;
  finishedRuns: number;
  slotId: string | null;
  /** Steps of the last write to this slot, and when it was made (or the slot began). */
  savedSteps: number;
  savedAt: number;
}

/** What autosave looks at each time the model or the trainer changes. */
export interface AutosaveFacts {
  epochs: number;
  steps: number;
  trained: boolean;
  finishedRuns: number;
  running: boolean;
  slot: RunIdentity | null;
  now: number;
}

/** Why a write is due now: an epoch ended, a run ended, training went on a while, or an upload. */
export type AutosaveReason = 'epoch' | 'end' | 'periodic' | 'upload';

/** Whether (and why) the tab's run should be written now; null when not. */
export function autosaveReason(
  memory: AutosaveMemory,
  facts: AutosaveFacts,
  everyMs = AUTOSAVE_EVERY_MS,
): AutosaveReason | null {
  const { slot } = facts;
  if (!slot || !facts.trained) return null;
  if (slot.id !== memory.slotId) return slot.origin === 'upload' ? 'upload' : null;
  if (facts.finishedRuns !== memory.finishedRuns) return 'end';
  if (facts.epochs > memory.epochs) return 'epoch';
  const due = facts.now - memory.savedAt >= everyMs && facts.steps > memory.savedSteps;
  return facts.running && due ? 'periodic' : null;
}

/** The memory after looking at `facts` (and writing, when `wrote`). */
export function remember(
  memory: AutosaveMemory,
  facts: AutosaveFacts,
  wrote: boolean,
): AutosaveMemory {
  const newSlot = facts.slot?.id !== memory.slotId;
  return {
    epochs: facts.epochs,
    finishedRuns: facts.finishedRuns,
    slotId: facts.slot?.id ?? null,
    savedSteps: wrote ? facts.steps : newSlot ? 0 : memory.savedSteps,
    savedAt: wrote ? facts.now : newSlot ? facts.now : memory.savedAt,
  };
}

/** The status a write records; a run's end is known before its phase leaves 'training'. */
export function statusOf(
  reason: AutosaveReason,
  running: boolean,
  lastRun: RunEnd | null,
): RunStatus {
  if (reason === 'upload') return 'idle';
  if (reason === 'end') return lastRun?.reason ?? 'stopped';
  return running ? 'training' : 'idle';
}

/**
 * Writes the tab's run record (`slot`) at each epoch end, when a run ends (stopped, completed,
 * diverged, or cut short by a dead worker), every AUTOSAVE_EVERY_MS of training, and right after an
 * upload; then lets go of the weights of the oldest runs beyond KEPT_RUNS that no tab holds
 * (their records stay for the run table) and deletes records beyond KEPT_RUN_RECORDS. Writes are queued, never
 * overlapping, each with the facts of its moment, so a write can never land in a later run's record.
 */
export function useAutosave(options: {
  history: TrainingHistory | null;
  testAccuracy: number | null;
  finishedRuns: number;
  running: boolean;
  lastRun: RunEnd | null;
  slot: RunIdentity | null;
  enabled: boolean;
  /** The training worker's backend, recorded with each run. */
  backend: { backend: string; threads?: number } | null;
}): AutosaveState {
  const { current } = useModel();
  const [state, setState] = useState<AutosaveState>({
    savedAt: null,
    savedWeights: null,
    error: null,
  });
  const queue = useRef<Promise<void>>(Promise.resolve());
  const { history, testAccuracy, finishedRuns, running, lastRun, slot, enabled, backend } = options;

  const save = useCallback(
    (identity: RunIdentity, status: RunStatus, extras: Parameters<typeof writeRun>[3]) => {
      const model = current;
      const stats = runStats(extras.history, backend);
      queue.current = queue.current.then(async () => {
        let savedAt: number;
        try {
          savedAt = (await writeRun(identity, status, model, extras, stats)).savedAt;
        } catch (err) {
          setState((s) => ({ ...s, error: asStorageError(err) }));
          return;
        }
        // Reported after the pruning, so the lists refreshed on it show what storage now holds.
        try {
          const spare = await heldRuns();
          spare.add(identity.id);
          const runs = await listRuns();
          await dropRunWeights(weightsToDrop(runs, KEPT_RUNS, spare));
          await deleteRuns(runsToPrune(runs, KEPT_RUN_RECORDS, spare));
        } catch {
          // Old runs stay a little longer; the write itself succeeded.
        }
        setState({ savedAt, savedWeights: model.weights, error: null });
      });
    },
    [current, backend],
  );

  const memory = useRef<AutosaveMemory>({
    epochs: current.epochs,
    finishedRuns,
    slotId: slot?.id ?? null,
    savedSteps: 0,
    savedAt: Date.now(),
  });
  useEffect(() => {
    const facts: AutosaveFacts = {
      epochs: current.epochs,
      steps: current.steps,
      trained: current.trained,
      finishedRuns,
      running,
      slot,
      now: Date.now(),
    };
    const reason = enabled ? autosaveReason(memory.current, facts) : null;
    memory.current = remember(memory.current, facts, reason !== null);
    if (!reason || !slot) return;
    // The history is cut to the steps these weights have seen (metrics run ahead of weights).
    const saved = history ? historyUpTo(history, current.steps) : null;
    save(slot, statusOf(reason, running, lastRun), {
      testAccuracy,
      trainConfig: saved?.config ?? null,
      history: saved,
    });
  }, [current, finishedRuns, running, slot, enabled, history, testAccuracy, lastRun, save]);

  return state;
}
