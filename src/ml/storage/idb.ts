// Four operations on one object store do not earn a dependency: a dozen lines of promise
// wrapping over raw IndexedDB, which works the same in the page and in workers.

/** Opens (creating on first use) a database with one object store keyed by `keyPath`. */
export function openStore(db: string, store: string, keyPath: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser has no IndexedDB storage'));
      return;
    }
    const req = indexedDB.open(db, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(store, { keyPath });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`could not open ${db}`));
    req.onblocked = () => reject(new Error(`${db} is blocked by another tab`));
  });
}

/** Runs one request in a transaction and resolves with its result once the transaction commits. */
export function request<T>(
  db: IDBDatabase,
  store: string,
  mode: IDBTransactionMode,
  make: (s: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = make(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result as T);
    tx.onerror = () => reject(tx.error ?? req.error ?? new Error('storage request failed'));
    tx.onabort = () => reject(tx.error ?? new Error('storage request aborted'));
  });
}
