import './offline-notices.css';
import { useMnist } from '../state/mnist';
import { useOffline } from '../state/offline';
import { useI18n } from '../i18n/use-i18n';

function MnistDownloadBar() {
  const { t, num } = useI18n();
  const { state } = useMnist();
  if (state.status !== 'loading' || !state.download) return null;
  const { loaded, total } = state.download;
  const mb = (bytes: number) => num(bytes / 1e6, 1);
  const text =
    total === null
      ? t('offline.downloadUnsized', { loaded: mb(loaded) })
      : t('offline.download', {
          loaded: mb(loaded),
          total: mb(total),
          percent: num(Math.min(100, Math.floor((100 * loaded) / total))),
        });
  return (
    <div className="mnist-download" data-testid="mnist-download">
      <span id="mnist-download-text">{text}</span>
      <progress
        aria-labelledby="mnist-download-text"
        max={total ?? undefined}
        value={total === null ? undefined : loaded}
      />
    </div>
  );
}

/** The MNIST download's progress, "update available — reload", and an offline copy refused. */
export function OfflineNotices() {
  const { t } = useI18n();
  const { state } = useMnist();
  const { boot, updateReady, reload } = useOffline();
  const notKept = boot.registration !== null && state.status === 'ready' && !state.origin.kept;
  return (
    <>
      {updateReady && (
        <div className="offline-update" role="status" data-testid="update-ready">
          <span>{t('offline.update')}</span>
          <button type="button" onClick={reload}>
            {t('offline.reload')}
          </button>
        </div>
      )}
      <MnistDownloadBar />
      {notKept && (
        <p className="offline-warning" role="alert">
          {t('offline.notKept')}
        </p>
      )}
    </>
  );
}
