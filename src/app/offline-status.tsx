import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/use-i18n';
import { useMnist } from '../state/mnist';
import { useOffline } from '../state/offline';

function isolationKey(isolatedBy: 'server' | 'worker' | null, reason: string | null): MessageKey {
  if (isolatedBy) return `isolation.${isolatedBy}`;
  return `isolation.${reason ?? 'no-worker'}` as MessageKey;
}

/** Status-bar lines: how the page is isolated (or why WASM has one thread), and the offline copy. */
export function OfflineStatus() {
  const { t } = useI18n();
  const { state } = useMnist();
  const { boot, shellKept, persistence } = useOffline();
  const mnistKept = state.status === 'ready' && state.origin.kept;
  let offline: string;
  if (import.meta.env.DEV) offline = t('offline.dev');
  else if (boot.workerError) offline = t('offline.failed', { message: boot.workerError });
  else if (!boot.registration) offline = t('offline.unavailable');
  else if (shellKept && mnistKept) offline = t('offline.ready');
  else offline = t('offline.preparing');
  const kept =
    persistence === 'persistent'
      ? t('offline.persistent')
      : persistence === 'best-effort'
        ? t('offline.bestEffort')
        : null;
  return (
    <>
      <span data-testid="status-isolation">
        {t('isolation.label')}: {t(isolationKey(boot.isolatedBy, boot.notIsolated))}
      </span>
      <span data-testid="status-offline">
        {t('offline.label')}: {offline}
        {kept && ` · ${kept}`}
      </span>
    </>
  );
}
