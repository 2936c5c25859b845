import type { RunSpec } from '../ml/experiments/presets';
import type { RunEnd, TrainerState } from './trainer-state';

/** Where one queued run is ('interrupted': it was training when the tab was reloaded). */
export type QueueItemStatus =
  'waiting' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

/** A queued run. */
export interface QueueItem {
  /** Stable within the queue, for React keys and edits. */
  key: number;
  spec: RunSpec;
  status: QueueItemStatus;
  /** The run record it trains into, once known. */
  runId: string | null;
  /** How it ended, once it has. */
  end: RunEnd['reason'] | null;
  /** What the worker said when it refused the run. */
  message: string | null;
}

/** The queue: its runs, and whether it is working through them ('stopping': after this run). */
export interface QueueState {
  items: QueueItem[];
  phase: 'idle' | 'running' | 'stopping';
  nextKey: number;
}

/** An empty, idle queue. */
export const EMPTY_QUEUE: QueueState = { items: [], phase: 'idle', nextKey: 1 };

/** What can happen to the queue: the user's edits and controls, and what its runs did. */
export type QueueAction =
  /** Replace the waiting runs with these (a preset, or a link); refused while running. */
  | { type: 'fill'; specs: RunSpec[] }
  | { type: 'add'; spec: RunSpec }
  | { type: 'edit'; key: number; spec: RunSpec }
  | { type: 'remove'; key: number }
  /** Forget the runs that are done, failed or cancelled. */
  | { type: 'clear' }
  | { type: 'start' }
  /** Stop: the running run is being stopped, and the waiting ones will not start. */
  | { type: 'stop' }
  /** The run of `key` was asked of the worker. */
  | { type: 'launched'; key: number }
  | { type: 'run-id'; key: number; runId: string }
  /** The running run ended (stopped, completed, diverged, or its worker died). */
  | { type: 'ended'; reason: RunEnd['reason'] }
  /** The worker refused the running run, or a step of it failed. */
  | { type: 'failed'; message: string };

const waiting = (spec: RunSpec, key: number): QueueItem => ({
  key,
  spec,
  status: 'waiting',
  runId: null,
  end: null,
  message: null,
});

/** The running item, if any. */
export const runningItem = (state: QueueState) =>
  state.items.find((i) => i.status === 'running') ?? null;

/** What the trainer held when the running item was asked of the worker. */
export type LaunchMark = Pick<TrainerState, 'finishedRuns' | 'error'>;

/**
 * What became of the running item, from the trainer now and at its launch: failed (a new error,
 * once the worker is not training, or a failed step, which ends the run at once), ended, or
 * nothing yet. A refused request leaves a run going, so it is no failure while training.
 */
export function runOutcome(
  launch: LaunchMark,
  now: Pick<TrainerState, 'finishedRuns' | 'error' | 'lastRun' | 'phase'>,
): Extract<QueueAction, { type: 'failed' | 'ended' }> | null {
  const { error } = now;
  if (
    error &&
    error !== launch.error &&
    (now.phase !== 'training' || error.keptSteps !== undefined)
  )
    return { type: 'failed', message: error.message };
  if (now.finishedRuns > launch.finishedRuns)
    return { type: 'ended', reason: now.lastRun?.reason ?? 'stopped' };
  return null;
}

/** The item to start now: the first waiting one, when the queue runs and nothing is running. */
export function nextToLaunch(state: QueueState): QueueItem | null {
  if (state.phase !== 'running' || runningItem(state)) return null;
  return state.items.find((i) => i.status === 'waiting') ?? null;
}

/** After a run ended or failed: on to the next, or idle when none is left or a stop was asked. */
function settle(state: QueueState, items: QueueItem[]): QueueState {
  if (state.phase === 'stopping') {
    const cancelled = items.map((i) =>
      i.status === 'waiting' ? { ...i, status: 'cancelled' as const } : i,
    );
    return { ...state, items: cancelled, phase: 'idle' };
  }
  const more = items.some((i) => i.status === 'waiting');
  return { ...state, items, phase: more ? state.phase : 'idle' };
}

/** Folds one action into the queue. */
export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  const update = (key: number, change: (i: QueueItem) => QueueItem) =>
    state.items.map((i) => (i.key === key ? change(i) : i));
  switch (action.type) {
    case 'fill': {
      if (state.phase !== 'idle') return state;
      const kept = state.items.filter((i) => i.status !== 'waiting');
      const added = action.specs.map((s, n) => waiting(s, state.nextKey + n));
      return { ...state, items: [...kept, ...added], nextKey: state.nextKey + added.length };
    }
    case 'add':
      return {
        ...state,
        items: [...state.items, waiting(action.spec, state.nextKey)],
        nextKey: state.nextKey + 1,
      };
    case 'edit':
      return {
        ...state,
        items: update(action.key, (i) =>
          i.status === 'waiting' ? { ...i, spec: action.spec } : i,
        ),
      };
    case 'remove':
      return {
        ...state,
        items: state.items.filter((i) => i.key !== action.key || i.status === 'running'),
      };
    case 'clear':
      return {
        ...state,
        items: state.items.filter((i) => i.status === 'waiting' || i.status === 'running'),
      };
    case 'start':
      return state.phase === 'idle' && state.items.some((i) => i.status === 'waiting')
        ? { ...state, phase: 'running' }
        : state;
    case 'stop':
      if (state.phase === 'idle') return state;
      return runningItem(state)
        ? { ...state, phase: 'stopping' }
        : settle({ ...state, phase: 'stopping' }, state.items);
    case 'launched':
      return {
        ...state,
        items: update(action.key, (i) =>
          i.status === 'waiting' ? { ...i, status: 'running' } : i,
        ),
      };
    case 'run-id':
      return { ...state, items: update(action.key, (i) => ({ ...i, runId: action.runId })) };
    case 'ended': {
      const run = runningItem(state);
      if (!run) return state;
      return settle(
        state,
        update(run.key, (i) => ({ ...i, status: 'done', end: action.reason })),
      );
    }
    case 'failed': {
      const run = runningItem(state);
      if (!run) return state;
      return settle(
        state,
        update(run.key, (i) => ({ ...i, status: 'failed', message: action.message })),
      );
    }
  }
}
