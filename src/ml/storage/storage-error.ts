// Storage failures in words the UI can translate. Chrome's QuotaExceededError has an empty
// message, so the cause is read from the error's name, never from its message alone.

/** Why something could not be stored: the disk quota is used up, storage is blocked, or else. */
export type StorageProblem = 'full' | 'blocked' | 'failed';

/** A failed read or write of the browser's storage, with its cause. */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    /** The browser's own words (name and message), for 'failed'; never empty. */
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'StorageError';
  }
}

const named = (err: unknown): { name: string; message: string } =>
  err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException)
    ? { name: err.name, message: err.message }
    : { name: 'Error', message: String(err) };

/**
 * The cause of a storage failure. `opening` is true for errors while opening the database, where a
 * browser that blocks site data fails (SecurityError, or UnknownError in Chrome).
 */
export function asStorageError(err: unknown, opening = false): StorageError {
  if (err instanceof StorageError) return err;
  const { name, message } = named(err);
  const detail = message ? `${name}: ${message}` : name;
  if (name === 'QuotaExceededError' || /quota/i.test(message))
    return new StorageError('full', detail);
  if (name === 'SecurityError' || (opening && name !== 'VersionError'))
    return new StorageError('blocked', detail);
  return new StorageError('failed', detail);
}
