// A few operations over raw IndexedDB do not earn a dependency: promise wrappers that work the
// same in the page and in workers, with every failure turned into a StorageError.
import { asStorageError, StorageError } from './storage-error';

/** Opens (creating or upgrading) a database; `upgrade` creates what `oldVersion` lacks. */
export function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined')
        throw new StorageError('blocked', 'this browser has no IndexedDB storage');
      req = indexedDB.open(name, version);
    } catch (err) {
      reject(asStorageError(err, true));
      return;
    }
    req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () =>
      reject(asStorageError(req.error ?? new Error(`could not open ${name}`), true));
    req.onblocked = () =>
      reject(new StorageError('failed', `${name} is held open by another tab of an older version`));
  });
}

/**
 * `openDatabase` once per page (or worker): the returned function gives the same open database to
 * every caller. A failed open is retried on the next call, and when a newer version in another tab
 * asks us to let go, the database is closed and opened again on the next call.
 */
export function sharedDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number) => void,
): () => Promise<IDBDatabase> {
  let opened: Promise<IDBDatabase> | null = null;
  return () => {
    opened ??= openDatabase(name, version, upgrade).then(
      (db) => {
        db.onversionchange = () => {
          db.close();
          opened = null;
        };
        return db;
      },
      (err: unknown) => {
        opened = null;
        throw err;
      },
    );
    return opened;
  };
}

/**
 * Runs `work` in one transaction over `stores` and resolves with its result once the transaction
 * has committed: a write is only reported done when it is on disk (a quota error aborts the
 * transaction after its requests succeeded, so request success alone proves nothing).
 */
export function transact<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => () => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    let result: () => T;
    try {
      tx = db.transaction(stores, mode);
      result = work(tx);
    } catch (err) {
      reject(asStorageError(err));
      return;
    }
    tx.oncomplete = () => resolve(result());
    tx.onerror = () => reject(asStorageError(tx.error ?? new Error('storage request failed')));
    tx.onabort = () => reject(asStorageError(tx.error ?? new Error('storage request aborted')));
  });
}

/** Runs one request in a transaction and resolves with its result once the transaction commits. */
export function request<T>(
  db: IDBDatabase,
  store: string,
  mode: IDBTransactionMode,
  make: (s: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return transact(db, [store], mode, (tx) => {
    const req = make(tx.objectStore(store));
    return () => req.result as T;
  });
}
