import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../config';
import type { TrainingHistory } from '../history';
import type { ModelConfig } from '../model';
import { modelFromState, type ModelState } from '../model-state';
import { readWeights, type WeightSnapshot } from '../weights';
import { openStore, request } from './idb';

/** The slot written at each epoch end and on Stop, and restored when the app starts. */
export const AUTOSAVE_NAME = 'autosave';
/** Longest name a saved model may have. */
export const MAX_NAME_LENGTH = 60;

const META_DB = 'digit-lab';
const META_STORE = 'saved-models';
// Weights live in TensorFlow.js's own IndexedDB store under this prefix, so stock tools see them.
const modelUrl = (name: string) => `indexeddb://digit-lab/${encodeURIComponent(name)}`;

/** What the list shows about a saved model, plus what is needed to resume its run. */
export interface SavedModelMeta {
  name: string;
  /** When it was saved, ms since the epoch. */
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

let metaDb: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  metaDb ??= openStore(META_DB, META_STORE, 'name').catch((err: unknown) => {
    metaDb = null;
    throw err;
  });
  return metaDb;
}

/** Checks a name a user typed; returns it trimmed. */
export function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new SavedModelError('emptyName', name);
  if (trimmed.length > MAX_NAME_LENGTH) throw new SavedModelError('longName', trimmed);
  if (trimmed === AUTOSAVE_NAME) throw new SavedModelError('reservedName', trimmed);
  return trimmed;
}

async function readMeta(name: string): Promise<SavedModelMeta | undefined> {
  return request<SavedModelMeta | undefined>(await db(), META_STORE, 'readonly', (s) =>
    s.get(name),
  );
}

/** Every saved model whose weights are present, newest first (the autosave slot included). */
export async function listSavedModels(): Promise<SavedModelMeta[]> {
  const [metas, models] = await Promise.all([
    request<SavedModelMeta[]>(await db(), META_STORE, 'readonly', (s) => s.getAll()),
    tf.io.listModels(),
  ]);
  return metas.filter((m) => modelUrl(m.name) in models).sort((a, b) => b.savedAt - a.savedAt);
}

/** Extra facts stored beside the weights. */
export interface SaveExtras {
  testAccuracy: number | null;
  trainConfig: TrainConfig | null;
  history: TrainingHistory | null;
}

/** Writes `state` under `name` (replacing what was there): weights first, then metadata. */
export async function writeSavedModel(
  name: string,
  state: ModelState,
  extras: SaveExtras,
): Promise<SavedModelMeta> {
  const model = modelFromState(state, extras.trainConfig);
  try {
    await model.save(modelUrl(name));
  } finally {
    model.dispose();
  }
  const meta: SavedModelMeta = {
    name,
    savedAt: Date.now(),
    trained: state.trained,
    steps: state.steps,
    epochs: state.epochs,
    testAccuracy: extras.testAccuracy,
    modelConfig: state.config,
    trainConfig: extras.trainConfig,
    history: extras.history,
  };
  await request(await db(), META_STORE, 'readwrite', (s) => s.put(meta));
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

/** Writes the autosave slot: the current model and the run's history. */
export function autosave(
  current: ModelState,
  history: TrainingHistory | null,
  testAccuracy: number | null = null,
): Promise<SavedModelMeta> {
  return writeSavedModel(AUTOSAVE_NAME, current, {
    testAccuracy,
    trainConfig: history?.config ?? null,
    history,
  });
}

/** Reads a saved model back; throws SavedModelError 'notFound' when it is gone. */
export async function loadSavedModel(name: string): Promise<SavedModel> {
  const meta = await readMeta(name);
  const models = await tf.io.listModels();
  if (!meta || !(modelUrl(name) in models)) throw new SavedModelError('notFound', name);
  const model = await tf.loadLayersModel(modelUrl(name));
  try {
    return { meta, weights: readWeights(model) };
  } finally {
    model.dispose();
  }
}

/** Renames a saved model; refuses a name already taken. */
export async function renameSavedModel(from: string, to: string): Promise<SavedModelMeta> {
  const name = checkName(to);
  const meta = await readMeta(from);
  if (!meta) throw new SavedModelError('notFound', from);
  if (name === from) return meta;
  if (await readMeta(name)) throw new SavedModelError('exists', name);
  await tf.io.copyModel(modelUrl(from), modelUrl(name));
  const renamed = { ...meta, name };
  await request(await db(), META_STORE, 'readwrite', (s) => s.put(renamed));
  await deleteSavedModel(from);
  return renamed;
}

/** Deletes a saved model (metadata first, so a half-finished delete never lists a model without weights). */
export async function deleteSavedModel(name: string): Promise<void> {
  await request(await db(), META_STORE, 'readwrite', (s) => s.delete(name));
  const models = await tf.io.listModels();
  if (modelUrl(name) in models) await tf.io.removeModel(modelUrl(name));
}
