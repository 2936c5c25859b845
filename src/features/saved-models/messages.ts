import type { Translate } from '../../i18n/i18n-context';
import { errorText } from '../../i18n/error-text';
import { ModelFileError } from '../../ml/model-file-error';
import { SavedModelError } from '../../ml/storage/saved-models';
import { StorageError } from '../../ml/storage/storage-error';

/** A user-facing message for a failed saved-model or upload action. */
export function errorMessage(t: Translate, err: unknown): string {
  if (err instanceof SavedModelError)
    return t(`models.err.${err.problem}`, { name: err.modelName });
  if (err instanceof ModelFileError) {
    const { code, params } = err.problem;
    return t('models.uploadRejected', { reason: t(`models.file.${code}`, params) });
  }
  // A storage failure names its cause on its own; anything else says what did not work.
  if (err instanceof StorageError) return errorText(t, err);
  return t('models.failed', { message: errorText(t, err) });
}
