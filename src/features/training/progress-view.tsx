import type { TrainProgress } from '../../worker/protocol';
import { useI18n } from '../../i18n/use-i18n';

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** Epoch k/N, step i/steps, a progress bar, images per second and the time left. */
export function ProgressView({ progress }: { progress: TrainProgress }) {
  const { t, num } = useI18n();
  const total = progress.epochs * progress.stepsPerEpoch;
  const done = Math.min(total, progress.epoch * progress.stepsPerEpoch + progress.stepInEpoch);
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
        <span>
          {progress.imagesPerSecond === null
            ? '…'
            : t('train.imagesPerSecond', { n: num(progress.imagesPerSecond, 1) })}
        </span>
        <span>
          {progress.etaSeconds === null ? '' : t('train.eta', { time: clock(progress.etaSeconds) })}
        </span>
      </div>
      <progress max={total} value={done} aria-label={t('train.progress')} />
    </div>
  );
}
