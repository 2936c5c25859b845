import { useEffect, useState } from 'react';
import { GrayCanvas } from '../../components/gray-canvas';
import { useMnist } from '../../state/mnist';
import { usePanelState } from '../../state/panel-state';
import { useTrainer } from '../../state/trainer';
import { useI18n } from '../../i18n/use-i18n';
import { squareImage } from '../../ml/image';
import { imageAt } from '../../ml/mnist/dataset';
import type { TaskProps } from './task-props';

/** The digit the data task asks for. */
const WANTED = 5;

/** Look up test images by index with their labels; done once a 5 is on screen. */
export function DataTask({ onDone }: TaskProps) {
  const { t } = useI18n();
  const { state } = useMnist();
  const [index, setIndex] = useState(0);
  const label = state.status === 'ready' ? state.data.test.labels[index] : null;
  useEffect(() => {
    if (label === WANTED) onDone();
  }, [label, onDone]);
  if (state.status !== 'ready') return <p role="status">{t('network.dataLoading')}</p>;
  const split = state.data.test;
  return (
    <div className="guide-widget guide-pair">
      <label>
        {t('network.pick')}{' '}
        <input
          type="number"
          min={0}
          max={split.count - 1}
          value={index}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (Number.isFinite(v)) setIndex(Math.min(Math.max(v, 0), split.count - 1));
          }}
        />
      </label>
      <figure>
        <GrayCanvas
          image={squareImage(imageAt(split, index))}
          range={[0, 255]}
          size={84}
          label={t('guide.data.image', { index, label: label ?? '?' })}
        />
        <figcaption data-testid="guide-data-label">
          {t('guide.data.label', { label: label ?? '?' })}
        </figcaption>
      </figure>
    </div>
  );
}

/** The best test accuracy training has measured so far (0–1), or null before any. */
function bestAccuracy(points: { accuracy: number }[], evaluation: number | null): number | null {
  const all = [...points.map((p) => p.accuracy), ...(evaluation === null ? [] : [evaluation])];
  return all.length ? Math.max(...all) : null;
}

/** How training is going; done once a measured test accuracy passes 95%. */
export function TrainingTask({ onDone }: TaskProps) {
  const { t, num } = useI18n();
  const { history } = useTrainer();
  const { evaluation } = usePanelState();
  const best = bestAccuracy(history.accuracy, evaluation?.accuracy ?? null);
  useEffect(() => {
    if (best !== null && best > 0.95) onDone();
  }, [best, onDone]);
  return (
    <div className="guide-widget">
      <p data-testid="guide-train-status">
        {best === null
          ? t('guide.train.none')
          : t('guide.train.best', { p: `${num(best * 100, 1)}%`, steps: num(history.stepsDone) })}
      </p>
      <a href="#/train">{t('guide.train.go')}</a>
    </div>
  );
}

/** The last full evaluation; done once the model has been tested on all 10,000 images. */
export function TestingTask({ onDone }: TaskProps) {
  const { t, num } = useI18n();
  const { evaluation } = usePanelState();
  useEffect(() => {
    if (evaluation) onDone();
  }, [evaluation, onDone]);
  return (
    <div className="guide-widget">
      <p data-testid="guide-test-status">
        {evaluation
          ? t('guide.test.result', { p: `${num(evaluation.accuracy * 100, 2)}%` })
          : t('guide.test.none')}
      </p>
      <a href="#/evaluate">{t('guide.test.go')}</a>
    </div>
  );
}
