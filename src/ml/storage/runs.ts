import type { ModelState } from '../model-state';
import type { WeightSnapshot } from '../weights';
import { database, runWeightsKey, STORES } from './db';
import { transact } from './idb';
import { recordOf, type ModelRecord, type SaveExtras } from './saved-models';

/** How many runs are kept; older ones are deleted as new ones are written. */
export const KEPT_RUNS = 5;

/** How a run's model came about: trained from scratch, continued from another model, or uploaded. */
export type RunOrigin = 'train' | 'continue' | 'upload';

/** Where a run stood when it was last written. */
export type RunStatus = 'training' | 'stopped' | 'completed' | 'diverged' | 'interrupted' | 'idle';

/** Who a run belongs to and where it came from; fixed when it starts. */
export interface RunIdentity {
  /** Unique, e.g. `1717171717171-k3j2`. */
  id: string;
  /** When the run started, ms since the epoch. */
  startedAt: number;
  origin: RunOrigin;
  /** The run it continued, when known. */
  parentId: string | null;
}

/** A run as stored: identity, status and the model's record (weights are kept apart). */
export interface RunMeta extends ModelRecord, RunIdentity {
  status: RunStatus;
}

/** A run read back with its weights. */
export interface StoredRun {
  meta: RunMeta;
  weights: WeightSnapshot;
}

/** A fresh run identity. */
export function newRunIdentity(
  origin: RunOrigin,
  parentId: string | null = null,
  now = Date.now(),
): RunIdentity {
  const id = `${now}-${Math.random().toString(36).slice(2, 8)}`;
  return { id, startedAt: now, origin, parentId };
}

/** Writes (or rewrites) a run and its weights in one transaction. */
export async function writeRun(
  identity: RunIdentity,
  status: RunStatus,
  state: ModelState,
  extras: SaveExtras,
): Promise<RunMeta> {
  const meta: RunMeta = { ...identity, status, ...recordOf(state, extras) };
  await transact(await database(), [STORES.runs, STORES.weights], 'readwrite', (tx) => {
    tx.objectStore(STORES.weights).put(state.weights, runWeightsKey(meta.id));
    tx.objectStore(STORES.runs).put(meta);
    return () => undefined;
  });
  return meta;
}

/** Every stored run, newest write first. */
export async function listRuns(): Promise<RunMeta[]> {
  const runs = await transact(await database(), [STORES.runs], 'readonly', (tx) => {
    const req = tx.objectStore(STORES.runs).getAll();
    return () => req.result as RunMeta[];
  });
  return runs.sort((a, b) => b.savedAt - a.savedAt);
}

/** A run and its weights, or null when it is gone. */
export async function loadRun(id: string): Promise<StoredRun | null> {
  return transact(await database(), [STORES.runs, STORES.weights], 'readonly', (tx) => {
    const meta = tx.objectStore(STORES.runs).get(id);
    const weights = tx.objectStore(STORES.weights).get(runWeightsKey(id));
    return () =>
      meta.result && weights.result
        ? { meta: meta.result as RunMeta, weights: weights.result as WeightSnapshot }
        : null;
  });
}

/** Deletes runs and their weights. */
export async function deleteRuns(ids: string[]): Promise<void> {
  if (!ids.length) return;
  await transact(await database(), [STORES.runs, STORES.weights], 'readwrite', (tx) => {
    for (const id of ids) {
      tx.objectStore(STORES.runs).delete(id);
      tx.objectStore(STORES.weights).delete(runWeightsKey(id));
    }
    return () => undefined;
  });
}

/** The runs to delete so that the `keep` newest remain, never one in `spare` (held by some tab). */
export function runsToPrune(runs: RunMeta[], keep: number, spare: ReadonlySet<string>): string[] {
  const newestFirst = [...runs].sort((a, b) => b.savedAt - a.savedAt);
  let kept = 0;
  const out: string[] = [];
  for (const r of newestFirst) {
    if (spare.has(r.id) || kept < keep) kept++;
    else out.push(r.id);
  }
  return out;
}
