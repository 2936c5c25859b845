import { sharedDatabase } from './idb';

// One database, three stores:
// - 'saved-models': metadata of the models a user saved by name (keyPath 'name');
// - 'runs': one record per run a tab trained or brought in (keyPath 'id', indexed by 'savedAt'),
//   rewritten as the run goes on; the newest KEPT_RUNS are kept, so a replaced model stays
//   recoverable, and a run table can list them;
// - 'weights': each model's weights as plain arrays, keyed 'saved/<name>' or 'run/<id>'. A record
//   and its weights are written in one transaction, so neither is ever on disk without the other.
// Version 1 had only 'saved-models' and kept weights in TensorFlow.js's own IndexedDB store; those
// are still read (see saved-models.ts).

/** Store names. */
export const STORES = { saved: 'saved-models', runs: 'runs', weights: 'weights' } as const;

const DB_NAME = 'digit-lab';
const DB_VERSION = 2;

/** The app's database, opened once and upgraded on first use; a failed open is retried next time. */
export const database = sharedDatabase(DB_NAME, DB_VERSION, (db, oldVersion) => {
  if (oldVersion < 1) db.createObjectStore(STORES.saved, { keyPath: 'name' });
  if (oldVersion < 2) {
    db.createObjectStore(STORES.weights);
    db.createObjectStore(STORES.runs, { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
  }
});

/** Key of a saved model's weights in the weights store. */
export const savedWeightsKey = (name: string) => `saved/${name}`;
/** Key of a run's weights in the weights store. */
export const runWeightsKey = (id: string) => `run/${id}`;
