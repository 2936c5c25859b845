import './app-notices.css';
import { useBackend } from '../state/backend';
import { useSavedModels } from '../state/saved-models';
import { useTrainer } from '../state/trainer';
import { useI18n } from '../i18n/use-i18n';

/**
 * What went wrong app-wide, on every panel: site data blocked (nothing will be saved), a training
 * worker that died and was restarted, a lost WebGL context and the switch away from it.
 */
export function AppNotices() {
  const { t, num } = useI18n();
  const { storageBlocked } = useSavedModels();
  const { workerLost } = useTrainer();
  const { contextLost } = useBackend();
  if (!storageBlocked && !workerLost && !contextLost) return null;
  return (
    <div className="app-notices">
      {storageBlocked && (
        <p role="alert" className="error" data-testid="notice-storage">
          {t('notice.storageBlocked')}
        </p>
      )}
      {workerLost && (
        <p role="alert" className="error" data-testid="notice-worker">
          {workerLost.keptSteps > 0
            ? t('notice.workerLost', { steps: num(workerLost.keptSteps) })
            : t('notice.workerLostNone')}
        </p>
      )}
      {contextLost && (
        <p role="alert" className="error" data-testid="notice-context">
          {contextLost.switched
            ? t('notice.contextLost')
            : t('notice.contextLostFailed', { message: contextLost.message })}
        </p>
      )}
    </div>
  );
}
