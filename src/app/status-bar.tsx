import * as tf from '@tensorflow/tfjs';
import { useEffect, useState } from 'react';
import { backendReport, type BackendReport } from '../ml/backend';
import { useMnist } from '../hooks/use-mnist';
import { useTrainer } from '../hooks/use-trainer';
import { useI18n } from '../i18n/use-i18n';

/** Backend, renderer, live tensor counts (page and training worker) and dataset load time. */
export function StatusBar() {
  const { t, num } = useI18n();
  const { state } = useMnist();
  const trainer = useTrainer();
  const [report, setReport] = useState<BackendReport | null>(null);
  const [tensors, setTensors] = useState(0);
  useEffect(() => {
    let live = true;
    void tf.ready().then(() => {
      if (live) setReport(backendReport());
    });
    const timer = setInterval(() => setTensors(tf.memory().numTensors), 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <footer className="status-bar" role="contentinfo" aria-label={t('status.label')}>
      <span data-testid="status-backend">
        {t('status.backend')}: <strong>{report?.backend ?? '…'}</strong>
      </span>
      <span data-testid="status-renderer">
        {t('status.renderer')}: {report ? (report.renderer ?? t('status.noWebgl')) : '…'}
        {report?.renderer && (
          <em className={report.softwareRenderer ? 'badge warn' : 'badge'}>
            {report.softwareRenderer ? t('status.software') : t('status.hardware')}
          </em>
        )}
      </span>
      <span data-testid="status-tensors">
        {t('status.tensors')}: {num(tensors)}
      </span>
      <span data-testid="status-worker">
        {t('status.worker')}: <strong>{trainer.backend?.backend ?? '…'}</strong> ·{' '}
        {t('status.tensors')}: {num(trainer.numTensors)}
      </span>
      {state.status === 'ready' && (
        <span data-testid="status-data">
          {t('data.ready', {
            bytes: num(state.stats.compressedBytes / 1e6, 1),
            ms: num(Math.round(state.stats.ms)),
          })}
        </span>
      )}
    </footer>
  );
}
