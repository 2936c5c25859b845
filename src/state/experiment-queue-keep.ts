// The queue is kept in this tab's sessionStorage, so a reload (or a crash of the page) does not
// lose the runs the user set up. It is the tab's own: another tab has its own queue, as it has
// its own run.
import { validateDraft, type ConfigDraft } from '../ml/config-query';
import type { TrainConfig } from '../ml/config';
import { MAX_STEP_LIMIT, type RunSpec } from '../ml/experiments/presets';
import {
  EMPTY_QUEUE,
  type QueueItem,
  type QueueItemStatus,
  type QueueState,
} from './experiment-queue-state';

/** The sessionStorage key of the kept queue. */
export const QUEUE_KEY = 'digit-lab.experiment-queue';

/** The most queued runs kept; a queue this long is already hours of training. */
export const MAX_KEPT_ITEMS = 100;

const STATUSES: readonly QueueItemStatus[] = [
  'waiting',
  'running',
  'done',
  'failed',
  'cancelled',
  'interrupted',
];
const ENDS: readonly string[] = ['completed', 'stopped', 'diverged', 'interrupted'];

/** The queue as text to keep. */
export function keptQueue(state: QueueState): string {
  return JSON.stringify({ version: 1, items: state.items, nextKey: state.nextKey });
}

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function specOf(v: unknown): RunSpec | null {
  const spec = record(v);
  const config = record(spec?.config);
  if (!spec || !config) return null;
  const fields: (keyof TrainConfig)[] = [
    'epochs',
    'batchSize',
    'learningRate',
    'optimizer',
    'activation',
    'init',
    'seed',
  ];
  if (!fields.every((f) => typeof config[f] === 'string' || typeof config[f] === 'number'))
    return null;
  const draft = Object.fromEntries(fields.map((f) => [f, String(config[f])])) as ConfigDraft;
  const checked = validateDraft(draft);
  if (!checked.ok) return null;
  const max = spec.maxSteps;
  if (max === null) return { config: checked.config, maxSteps: null };
  return Number.isInteger(max) && (max as number) >= 1 && (max as number) <= MAX_STEP_LIMIT
    ? { config: checked.config, maxSteps: max as number }
    : null;
}

function itemOf(v: unknown): QueueItem | null {
  const item = record(v);
  const spec = specOf(item?.spec);
  if (!item || !spec || !Number.isSafeInteger(item.key)) return null;
  const status = STATUSES.find((s) => s === item.status);
  if (!status) return null;
  const runId = typeof item.runId === 'string' ? item.runId : null;
  const end = ENDS.find((e) => e === item.end) ?? null;
  const message = typeof item.message === 'string' ? item.message.slice(0, 500) : null;
  return {
    key: item.key as number,
    spec,
    // The run that trained when the tab went away did not finish here; its autosave holds it.
    status: status === 'running' ? 'interrupted' : status,
    runId,
    end: end as QueueItem['end'],
    message,
  };
}

/**
 * The queue kept by `keptQueue`, idle (a reload never starts training by itself). Whatever cannot
 * be read — absent, another version, edited by hand — gives the empty queue; a run that cannot be
 * read is left out and the rest kept.
 */
export function restoredQueue(text: string | null): QueueState {
  if (text === null) return EMPTY_QUEUE;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return EMPTY_QUEUE;
  }
  const kept = record(parsed);
  if (kept?.version !== 1 || !Array.isArray(kept.items)) return EMPTY_QUEUE;
  const items: QueueItem[] = [];
  for (const v of kept.items.slice(0, MAX_KEPT_ITEMS)) {
    const item = itemOf(v);
    if (item && !items.some((i) => i.key === item.key)) items.push(item);
  }
  const top = items.reduce((m, i) => Math.max(m, i.key), 0);
  const nextKey = Number.isSafeInteger(kept.nextKey) ? (kept.nextKey as number) : 1;
  return { items, phase: 'idle', nextKey: Math.max(nextKey, top + 1) };
}

/** True when the restored queue has a run a reload cut short. */
export const wasInterrupted = (state: QueueState) =>
  state.items.some((i) => i.status === 'interrupted');
