import { StorageError } from '../ml/storage/storage-error';
import type { Translate } from './i18n-context';

/**
 * An error in the user's language when it is a storage failure (full, blocked), else its own
 * words; never empty (Chrome's QuotaExceededError has an empty message).
 */
export function errorText(t: Translate, err: unknown): string {
  if (err instanceof StorageError) {
    return err.problem === 'failed'
      ? t('storage.failed', { detail: err.detail })
      : t(`storage.${err.problem}`);
  }
  if (err instanceof Error) return err.message || err.name;
  return String(err) || 'Error';
}
