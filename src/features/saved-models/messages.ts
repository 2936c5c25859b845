import type { Translate } from '../../i18n/i18n-context';
import { ModelFileError } from '../../ml/model-file-error';
import { SavedModelError } from '../../ml/storage/saved-models';

/** A user-facing message for a failed saved-model or upload action. */
export function errorMessage(t: Translate, err: unknown): string {
  if (err instanceof SavedModelError)
    return t(`models.err.${err.problem}`, { name: err.modelName });
  if (err instanceof ModelFileError) {
    const { code, params } = err.problem;
    return t('models.uploadRejected', { reason: t(`models.file.${code}`, params) });
  }
  return t('models.failed', { message: err instanceof Error ? err.message : String(err) });
}
