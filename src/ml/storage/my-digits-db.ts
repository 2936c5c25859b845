import { MY_DIGITS_LIMIT, type MyDigit } from '../my-digits/set';
import { request, sharedDatabase, transact } from './idb';
import { StorageError } from './storage-error';

// A database of its own rather than a store in 'digit-lab': adding a store there needs a version
// bump that every tab and every other change to that database must agree on; this one stands apart.
const DB_NAME = 'digit-lab-my-digits';
const DB_VERSION = 1;
const STORE = 'digits';

const database = sharedDatabase(DB_NAME, DB_VERSION, (db, oldVersion) => {
  if (oldVersion < 1) db.createObjectStore(STORE, { keyPath: 'id' });
});

/** Every personal image, oldest first. */
export async function listMyDigits(): Promise<MyDigit[]> {
  const all = await request<MyDigit[]>(await database(), STORE, 'readonly', (s) => s.getAll());
  return all.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
}

/**
 * Adds images in one transaction, all or none; refuses (a StorageError 'full') when they would take
 * the set past MY_DIGITS_LIMIT.
 */
export async function addMyDigits(digits: readonly MyDigit[]): Promise<void> {
  const db = await database();
  const held = await request<number>(db, STORE, 'readonly', (s) => s.count());
  if (held + digits.length > MY_DIGITS_LIMIT) {
    throw new StorageError('full', `the personal set holds at most ${MY_DIGITS_LIMIT} images`);
  }
  await transact(db, [STORE], 'readwrite', (tx) => {
    const store = tx.objectStore(STORE);
    for (const d of digits) store.put(d);
    return () => undefined;
  });
}

/** Gives the image `id` a new label; nothing happens if it is gone. */
export async function relabelMyDigit(id: string, label: number): Promise<void> {
  await transact(await database(), [STORE], 'readwrite', (tx) => {
    const store = tx.objectStore(STORE);
    const req = store.get(id);
    req.onsuccess = () => {
      const found = req.result as MyDigit | undefined;
      if (found) store.put({ ...found, label });
    };
    return () => undefined;
  });
}

/** Deletes the images `ids`. */
export async function deleteMyDigits(ids: readonly string[]): Promise<void> {
  await transact(await database(), [STORE], 'readwrite', (tx) => {
    const store = tx.objectStore(STORE);
    for (const id of ids) store.delete(id);
    return () => undefined;
  });
}
