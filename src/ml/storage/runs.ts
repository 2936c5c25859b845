import { compactHistory } from '../experiments/compact-history';
import type { RunStats } from '../experiments/run-stats';
import type { ModelState } from '../model-state';
import type { WeightSnapshot } from '../weights';
import { database, runWeightsKey, STORES } from './db';
import { transact } from './idb';
import { recordOf, SavedModelError, type ModelRecord, type SaveExtras } from './saved-models';

/** How many runs keep their weights; older runs keep only their record (settings and curves). */
export const KEPT_RUNS = 5;
/** How many run records are kept in all; older ones are deleted as new ones are written. */
export const KEPT_RUN_RECORDS = 100;
/** Longest name a user may give a run. */
export const MAX_RUN_LABEL = 60;

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
  /** How the run went (backend, speed, final accuracy); absent in records of older versions. */
  stats?: RunStats;
  /** A name the user gave the run, if any. */
  label?: string;
  /** Key of its weights in the weights store, or null once they were let go (older versions: absent, kept). */
  weightsKey?: string | null;
}

/** True while a run's weights are stored, so it can be loaded. */
export const hasWeights = (meta: RunMeta) => meta.weightsKey !== null;

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

/**
 * Writes (or rewrites) a run and its weights in one transaction; its history's loss points are
 * downsampled past MAX_STORED_LOSS_POINTS, and a name the user gave it is kept.
 */
export async function writeRun(
  identity: RunIdentity,
  status: RunStatus,
  state: ModelState,
  extras: SaveExtras,
  stats: RunStats | null = null,
): Promise<RunMeta> {
  const history = extras.history && compactHistory(extras.history);
  const meta: RunMeta = {
    ...identity,
    status,
    ...recordOf(state, { ...extras, history }),
    ...(stats ? { stats } : {}),
    weightsKey: runWeightsKey(identity.id),
  };
  return transact(await database(), [STORES.runs, STORES.weights], 'readwrite', (tx) => {
    const runs = tx.objectStore(STORES.runs);
    let written = meta;
    tx.objectStore(STORES.weights).put(state.weights, runWeightsKey(meta.id));
    const before = runs.get(meta.id);
    before.onsuccess = () => {
      const label = (before.result as RunMeta | undefined)?.label;
      written = label ? { ...meta, label } : meta;
      runs.put(written);
    };
    return () => written;
  });
}

/** Names a run (an empty name removes the name); throws when it is gone or the name is too long. */
export async function renameRun(id: string, label: string): Promise<RunMeta> {
  const name = label.trim();
  if (name.length > MAX_RUN_LABEL) throw new SavedModelError('longName', name);
  const done = await transact(await database(), [STORES.runs], 'readwrite', (tx) => {
    const runs = tx.objectStore(STORES.runs);
    const req = runs.get(id);
    let renamed: RunMeta | null = null;
    req.onsuccess = () => {
      const meta = req.result as RunMeta | undefined;
      if (!meta) return;
      const rest: RunMeta = { ...meta };
      delete rest.label;
      renamed = name ? { ...rest, label: name } : rest;
      runs.put(renamed);
    };
    return () => renamed;
  });
  if (!done) throw new SavedModelError('notFound', id);
  return done;
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

/**
 * Lets the weights of `ids` go, keeping their records (settings, stats and curves) for the run
 * table; their records then say the weights are gone.
 */
export async function dropRunWeights(ids: string[]): Promise<void> {
  if (!ids.length) return;
  await transact(await database(), [STORES.runs, STORES.weights], 'readwrite', (tx) => {
    const runs = tx.objectStore(STORES.runs);
    for (const id of ids) {
      tx.objectStore(STORES.weights).delete(runWeightsKey(id));
      const req = runs.get(id);
      req.onsuccess = () => {
        const meta = req.result as RunMeta | undefined;
        if (meta) runs.put({ ...meta, weightsKey: null });
      };
    }
    return () => undefined;
  });
}

/** The runs whose weights to let go so that the `keep` newest with weights keep theirs (never `spare`). */
export function weightsToDrop(runs: RunMeta[], keep: number, spare: ReadonlySet<string>): string[] {
  return runsToPrune(runs.filter(hasWeights), keep, spare);
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
