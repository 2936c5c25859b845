import * as tf from '@tensorflow/tfjs';
import { useEffect, useRef, useState } from 'react';
import type { BackendSetup } from '../ml/backend';
import { useBackend } from '../state/backend';
import { useMnist } from '../state/mnist';
import { useTrainer } from '../state/trainer';
import { useI18n } from '../i18n/use-i18n';
import { BackendChooser } from './backend-chooser';
import { WorkerSpeed } from './worker-speed';
import { OfflineStatus } from './offline-status';

function BackendName({ setup }: { setup: BackendSetup | null }) {
  const { t } = useI18n();
  if (!setup) return <strong>…</strong>;
  return (
    <strong title={setup.reason}>
      {setup.backend}
      {setup.threads !== undefined && ` (${t('status.threadCount', { n: setup.threads })})`}
    </strong>
  );
}

function Why({ setup }: { setup: BackendSetup }) {
  const { t } = useI18n();
  if (setup.outcome === 'auto' && setup.autoCause)
    return <>{t(`status.cause.${setup.autoCause}`)}</>;
  if (setup.outcome === 'requested') return <>{t('status.cause.requested')}</>;
  return <>{setup.reason}</>;
}

/**
 * Backends (page and worker), live tensor counts, the backend choice, offline state and dataset
 * load time; the worker's speed, the renderer and why behind a disclosure.
 */
export function StatusBar() {
  const { t, num } = useI18n();
  const { state } = useMnist();
  const trainer = useTrainer();
  const page = useBackend();
  const [tensors, setTensors] = useState(0);
  const bar = useRef<HTMLElement>(null);
  // The bar sticks to the bottom and covers what is under it: focus moves and scrolls into view
  // keep clear of it through scroll-padding (app.css), which needs its height.
  useEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--status-bar-height', `${el.offsetHeight}px`),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--status-bar-height');
    };
  }, []);
  useEffect(() => {
    const timer = setInterval(() => {
      try {
        setTensors(tf.memory().numTensors);
      } catch {
        // tfjs refuses every call while a backend starts (the switch after a lost WebGL context).
      }
    }, 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <footer ref={bar} className="status-bar" role="contentinfo" aria-label={t('status.label')}>
      <span data-testid="status-backend">
        {t('status.backend')}: <BackendName setup={page} /> · {t('status.tensors')}: {num(tensors)}
      </span>
      <span data-testid="status-worker">
        {t('status.worker')}: <BackendName setup={trainer.backend} /> · {t('status.tensors')}:{' '}
        {num(trainer.numTensors)}
      </span>
      {/* The long lines fold away, so the bar stays about two lines tall over the panels. */}
      <details className="status-details" data-testid="status-details">
        <summary>{t('status.details')}</summary>
        <div>
          <WorkerSpeed setup={trainer.backend} />
          <span data-testid="status-renderer">
            {t('status.renderer')}:{' '}
            <span className="renderer" title={page.renderer ?? undefined}>
              {page.renderer ?? t('status.noWebgl')}
            </span>
            {page.renderer && (
              <em className={page.softwareRenderer ? 'badge warn' : 'badge'}>
                {page.softwareRenderer ? t('status.software') : t('status.hardware')}
              </em>
            )}
          </span>
          <span data-testid="status-reason" title={page.reason}>
            {t('status.why')}: <Why setup={page} />
          </span>
        </div>
      </details>
      <BackendChooser />
      <OfflineStatus />
      {state.status === 'ready' && (
        <span data-testid="status-data">
          {t(state.origin.source === 'cache' ? 'offline.dataCached' : 'data.ready', {
            bytes: num(state.stats.compressedBytes / 1e6, 1),
            ms: num(Math.round(state.stats.ms)),
          })}
        </span>
      )}
    </footer>
  );
}
