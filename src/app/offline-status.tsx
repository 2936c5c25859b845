import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/use-i18n';
import { useMnist } from '../state/mnist';
import { useOffline } from '../state/offline';

/**
 * Status-bar lines: the offline copy (its details, and how the page is isolated, in its tooltip),
 * and where the page is not isolated, why WASM has one thread.
 */
export function OfflineStatus() {
  const { t } = useI18n();
  const { state } = useMnist();
  const { boot, shellKept, persistence } = useOffline();
  const mnistKept = state.status === 'ready' && state.origin.kept;
  let offline: string;
  let detail: string | undefined;
  if (import.meta.env.DEV) offline = t('offline.dev');
  else if (boot.workerError) offline = t('offline.failed', { message: boot.workerError });
  else if (!boot.registration) offline = t('offline.unavailable');
  else if (shellKept && mnistKept) {
    offline = t('offline.ready');
    detail = t('offline.readyLong');
  } else offline = t('offline.preparing');
  const kept =
    persistence === 'persistent'
      ? { text: t('offline.persistent'), detail: t('offline.persistentLong') }
      : persistence === 'best-effort'
        ? { text: t('offline.bestEffort'), detail: t('offline.bestEffortLong') }
        : null;
  const isolation = boot.isolatedBy ? t(`isolation.${boot.isolatedBy}`) : undefined;
  const title = [detail, kept?.detail, isolation].filter(Boolean).join(' ') || undefined;
  return (
    <>
      {boot.notIsolated && (
        <span data-testid="status-isolation">
          {t(`isolation.${boot.notIsolated}` as MessageKey)}
        </span>
      )}
      <span data-testid="status-offline" title={title}>
        {t('offline.label')}: {offline}
        {kept && ` · ${kept.text}`}
      </span>
    </>
  );
}
