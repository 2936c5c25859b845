import type { TrainProgress } from '../../worker/protocol';
import { useI18n } from '../../i18n/use-i18n';
import { liveFigures, type RunStatus } from './progress-status';

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const ENDED: Partial<Record<RunStatus, 'paused' | 'stopped' | 'finished'>> = {
  paused: 'paused',
  stopped: 'stopped',
  finished: 'finished',
};

/**
 * Epoch k/N, step i/steps, a progress bar, and while training images per second and the time
 * left; paused, stopped or finished it says so instead. Nothing before the first step.
 */
export function ProgressView({ progress, status }: { progress: TrainProgress; status: RunStatus }) {
  const { t, num } = useI18n();
  if (progress.stepsDone === 0) return null;
  const total = progress.epochs * progress.stepsPerEpoch;
  const done = Math.min(total, progress.epoch * progress.stepsPerEpoch + progress.stepInEpoch);
  const live = liveFigures(status, progress);
  const ended = ENDED[status];
  return (
    <div className="progress-view" data-testid="train-progress">
      <div className="progress-line">
        <span data-testid="progress-epoch">
          {t('train.epochOf', { k: num(progress.epoch + 1), n: num(progress.epochs) })}
        </span>
        <span data-testid="progress-step">
          {t('train.stepOf', { i: num(progress.stepInEpoch), n: num(progress.stepsPerEpoch) })}
        </span>
        <span data-testid="progress-total">
          {t('train.stepsDone', { n: num(progress.stepsDone) })}
        </span>
        {ended && <span data-testid="progress-state">{t(`train.phase.${ended}`)}</span>}
        {live.imagesPerSecond !== null && (
          <span data-testid="progress-rate">
            {t('train.imagesPerSecond', { n: num(live.imagesPerSecond, 1) })}
          </span>
        )}
        {live.etaSeconds !== null && (
          <span data-testid="progress-eta">{t('train.eta', { time: clock(live.etaSeconds) })}</span>
        )}
      </div>
      <progress max={total} value={done} aria-label={t('train.progress')} />
    </div>
  );
}
