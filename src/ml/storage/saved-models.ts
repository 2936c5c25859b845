import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../config';
import type { TrainingHistory } from '../history';
import type { ModelConfig } from '../model';
import type { ModelState } from '../model-state';
import { readWeights, type WeightSnapshot } from '../weights';
import { database, savedWeightsKey, STORES } from './db';
import { transact } from './idb';

/** The single autosave slot of earlier versions; still listed and restored if no run is saved. */
export const AUTOSAVE_NAME = 'autosave';
/** Longest name a saved model may have. */
export const MAX_NAME_LENGTH = 60;

// Version 1 kept weights in TensorFlow.js's IndexedDB store under this prefix; still read.
const legacyUrl = (name: string) => `indexeddb://digit-lab/${encodeURIComponent(name)}`;

/** What is stored beside a model's weights: how it was trained and how good it is. */
export interface ModelRecord {
  /** When it was (last) saved, ms since the epoch. */
  savedAt: number;
  trained: boolean;
  steps: number;
  epochs: number;
  /** Accuracy on the 10,000 test images in [0, 1], or null if never measured. */
  testAccuracy: number | null;
  modelConfig: ModelConfig;
  trainConfig: TrainConfig | null;
  history: TrainingHistory | null;
}

/** What the list shows about a saved model, plus what is needed to resume its run. */
export interface SavedModelMeta extends ModelRecord {
  name: string;
}

/** A saved model read back: its metadata and weights. */
export interface SavedModel {
  meta: SavedModelMeta;
  weights: WeightSnapshot;
}

/** Why a storage action was refused; the UI translates the code. */
export type SavedModelProblem = 'emptyName' | 'longName' | 'reservedName' | 'exists' | 'notFound';

/** A refused storage action (a name problem or a missing model). */
export class SavedModelError extends Error {
  constructor(
    readonly problem: SavedModelProblem,
    readonly modelName: string,
  ) {
    super(`${problem}: ${modelName}`);
    this.name = 'SavedModelError';
  }
}

/** Checks a name a user typed; returns it trimmed. */
export function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new SavedModelError('emptyName', name);
  if (trimmed.length > MAX_NAME_LENGTH) throw new SavedModelError('longName', trimmed);
  if (trimmed === AUTOSAVE_NAME) throw new SavedModelError('reservedName', trimmed);
  return trimmed;
}

/** Extra facts stored beside the weights. */
export interface SaveExtras {
  testAccuracy: number | null;
  trainConfig: TrainConfig | null;
  history: TrainingHistory | null;
}

/** The record stored for `state` now. */
export function recordOf(state: ModelState, extras: SaveExtras): ModelRecord {
  return {
    savedAt: Date.now(),
    trained: state.trained,
    steps: state.steps,
    epochs: state.epochs,
    testAccuracy: extras.testAccuracy,
    modelConfig: state.config,
    trainConfig: extras.trainConfig,
    history: extras.history,
  };
}

async function readMeta(name: string): Promise<SavedModelMeta | undefined> {
  return transact(await database(), [STORES.saved], 'readonly', (tx) => {
    const req = tx.objectStore(STORES.saved).get(name);
    return () => req.result as SavedModelMeta | undefined;
  });
}

async function legacyModels(): Promise<Record<string, unknown>> {
  try {
    return await tf.io.listModels();
  } catch {
    return {};
  }
}

/** Every saved model whose weights are present, newest first (an old autosave slot included). */
export async function listSavedModels(): Promise<SavedModelMeta[]> {
  const [metas, keys] = await transact(
    await database(),
    [STORES.saved, STORES.weights],
    'readonly',
    (tx) => {
      const m = tx.objectStore(STORES.saved).getAll();
      const k = tx.objectStore(STORES.weights).getAllKeys();
      return () => [m.result as SavedModelMeta[], new Set(k.result as string[])] as const;
    },
  );
  const missing = metas.filter((m) => !keys.has(savedWeightsKey(m.name)));
  const legacy = missing.length ? await legacyModels() : {};
  return metas
    .filter((m) => keys.has(savedWeightsKey(m.name)) || legacyUrl(m.name) in legacy)
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** Writes `state` under `name` (replacing what was there): metadata and weights in one transaction. */
export async function writeSavedModel(
  name: string,
  state: ModelState,
  extras: SaveExtras,
): Promise<SavedModelMeta> {
  const meta: SavedModelMeta = { name, ...recordOf(state, extras) };
  await transact(await database(), [STORES.saved, STORES.weights], 'readwrite', (tx) => {
    tx.objectStore(STORES.weights).put(state.weights, savedWeightsKey(name));
    tx.objectStore(STORES.saved).put(meta);
    return () => undefined;
  });
  return meta;
}

/** Saves `state` under a new user-chosen name; refuses a name already taken. */
export async function saveModelAs(
  name: string,
  state: ModelState,
  extras: SaveExtras,
): Promise<SavedModelMeta> {
  const checked = checkName(name);
  if (await readMeta(checked)) throw new SavedModelError('exists', checked);
  return writeSavedModel(checked, state, extras);
}

async function readWeightsOf(name: string): Promise<WeightSnapshot | null> {
  const stored = await transact(await database(), [STORES.weights], 'readonly', (tx) => {
    const req = tx.objectStore(STORES.weights).get(savedWeightsKey(name));
    return () => req.result as WeightSnapshot | undefined;
  });
  if (stored) return stored;
  if (!(legacyUrl(name) in (await legacyModels()))) return null;
  const model = await tf.loadLayersModel(legacyUrl(name));
  try {
    return readWeights(model);
  } finally {
    model.dispose();
  }
}

/** Reads a saved model back; throws SavedModelError 'notFound' when it is gone. */
export async function loadSavedModel(name: string): Promise<SavedModel> {
  const meta = await readMeta(name);
  const weights = meta ? await readWeightsOf(name) : null;
  if (!meta || !weights) throw new SavedModelError('notFound', name);
  return { meta, weights };
}

/** Renames a saved model; refuses a name already taken. */
export async function renameSavedModel(from: string, to: string): Promise<SavedModelMeta> {
  const name = checkName(to);
  const meta = await readMeta(from);
  if (!meta) throw new SavedModelError('notFound', from);
  if (name === from) return meta;
  if (await readMeta(name)) throw new SavedModelError('exists', name);
  const weights = await readWeightsOf(from);
  if (!weights) throw new SavedModelError('notFound', from);
  const renamed = { ...meta, name };
  await transact(await database(), [STORES.saved, STORES.weights], 'readwrite', (tx) => {
    const [saved, store] = [tx.objectStore(STORES.saved), tx.objectStore(STORES.weights)];
    store.put(weights, savedWeightsKey(name));
    saved.put(renamed);
    store.delete(savedWeightsKey(from));
    saved.delete(from);
    return () => undefined;
  });
  await removeLegacy(from);
  return renamed;
}

/** Deletes a saved model, metadata and weights together. */
export async function deleteSavedModel(name: string): Promise<void> {
  await transact(await database(), [STORES.saved, STORES.weights], 'readwrite', (tx) => {
    tx.objectStore(STORES.saved).delete(name);
    tx.objectStore(STORES.weights).delete(savedWeightsKey(name));
    return () => undefined;
  });
  await removeLegacy(name);
}

async function removeLegacy(name: string): Promise<void> {
  if (legacyUrl(name) in (await legacyModels())) await tf.io.removeModel(legacyUrl(name));
}
