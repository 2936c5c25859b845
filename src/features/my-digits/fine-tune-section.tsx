import { useEffect, useRef, useState } from 'react';
import { UntrainedNotice } from '../../components/untrained-notice';
import { DEFAULT_AUGMENT } from '../../ml/augment';
import { stepsPerEpoch } from '../../ml/batches';
import { MAX_PERSONAL_SHARE } from '../../ml/mix';
import { fineTuneConfig } from '../../ml/my-digits/fine-tune-config';
import type { MnistSplit } from '../../ml/mnist/dataset';
import { evaluatePersonal } from '../../ml/my-digits/report';
import { evaluateAccuracy, TEST_SUBSET_SIZE } from '../../ml/train';
import { useMnist } from '../../state/mnist';
import { useModel } from '../../state/model';
import { useTrainer } from '../../state/trainer';
import { useI18n } from '../../i18n/use-i18n';

/** Most steps one fine-tune may ask for (about six epochs' worth of batches of 50 on MNIST). */
const MAX_STEPS = 5000;
/** MNIST's training images, for the epoch length before the worker has reported one. */
const MNIST_TRAIN_IMAGES = 60_000;

/** Accuracy on the personal set, and on MNIST's first test images when MNIST is loaded. */
interface Scores {
  personal: number;
  mnist: number | null;
}

/** One fine-tune, from the scores before it to the scores after it. */
interface Job {
  phase: 'training' | 'measuring' | 'done' | 'failed';
  steps: number;
  startSteps: number;
  startRuns: number;
  startError: unknown;
  before: Scores;
  after: Scores | null;
}

const whole = (text: string, min: number, max: number) => {
  const v = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(v) && v >= min && v <= max ? v : null;
};

/**
 * Fine-tunes the current model in the training worker on MNIST with a share of each batch drawn
 * from the personal set (optionally augmented), and shows the personal-set accuracy before and
 * after. It goes on from the current weights, never replacing them with fresh ones, in a run
 * record of its own, so the model it started from stays in Saved models.
 */
export function FineTuneSection({ split }: { split: MnistSplit }) {
  const { t, num } = useI18n();
  const trainer = useTrainer();
  const { inference, current } = useModel();
  const { state: mnist } = useMnist();
  const [stepsText, setStepsText] = useState('100');
  const [shareText, setShareText] = useState('25');
  const [augment, setAugment] = useState(true);
  const [tried, setTried] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const steps = whole(stepsText, 1, MAX_STEPS);
  const maxShare = Math.round(MAX_PERSONAL_SHARE * 100);
  const share = whole(shareText, 1, maxShare);
  const ready = trainer.phase === 'idle' || trainer.phase === 'finished';
  const running = job?.phase === 'training' || job?.phase === 'measuring';

  const scores = async (): Promise<Scores> => {
    const personal = (await evaluatePersonal(inference, split)).accuracy;
    const test = mnist.status === 'ready' ? mnist.data.test : null;
    return {
      personal,
      mnist: test ? await evaluateAccuracy(inference, test, TEST_SUBSET_SIZE) : null,
    };
  };
  const measure = useRef(scores);
  measure.current = scores;

  const start = async () => {
    setTried(true);
    if (steps === null || share === null || split.count === 0 || !ready) return;
    const before = await scores();
    const base = trainer.history.config;
    const config = fineTuneConfig(
      base,
      {
        epochsDone: trainer.history.epochsDone,
        stepInEpoch: trainer.progress?.stepInEpoch ?? 0,
        stepsPerEpoch:
          trainer.progress?.stepsPerEpoch ?? stepsPerEpoch(MNIST_TRAIN_IMAGES, base.batchSize),
      },
      steps,
    );
    setJob({
      phase: 'training',
      steps,
      startSteps: trainer.history.stepsDone,
      startRuns: trainer.finishedRuns,
      startError: trainer.error,
      before,
      after: null,
    });
    trainer.fineTune(config, steps, {
      augment: augment ? DEFAULT_AUGMENT : null,
      personal: split,
      share: share / 100,
    });
  };

  // The run's last weights reach the model before its end is reported, so "after" measures them.
  useEffect(() => {
    if (job?.phase !== 'training') return;
    if (trainer.finishedRuns > job.startRuns) {
      setJob({ ...job, phase: 'measuring' });
      void measure.current().then(
        (after) => setJob((j) => j && { ...j, phase: 'done', after }),
        () => setJob((j) => j && { ...j, phase: 'failed' }),
      );
    } else if (trainer.error && trainer.error !== job.startError) {
      setJob({ ...job, phase: 'failed' });
    }
  }, [job, trainer.finishedRuns, trainer.error]);

  const pct = (v: number | null) => (v === null ? '—' : `${num(v * 100, 1)}%`);
  const done = job ? Math.max(0, trainer.history.stepsDone - job.startSteps) : 0;
  return (
    <section aria-labelledby="my-tune-heading">
      <h3 id="my-tune-heading">{t('my.tune')}</h3>
      <p>{t('my.tuneIntro')}</p>
      <UntrainedNotice />
      <div className="my-tune-form">
        <label>
          {t('my.steps')}{' '}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_STEPS}
            value={stepsText}
            disabled={running}
            aria-invalid={tried && steps === null}
            onChange={(e) => setStepsText(e.target.value)}
          />
        </label>
        <label>
          {t('my.share')}{' '}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={maxShare}
            value={shareText}
            disabled={running}
            aria-invalid={tried && share === null}
            onChange={(e) => setShareText(e.target.value)}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={augment}
            disabled={running}
            onChange={(e) => setAugment(e.target.checked)}
          />{' '}
          {t('my.augment')}
        </label>
      </div>
      {tried && (steps === null || share === null) && (
        <p role="alert" className="error">
          {t('my.tuneBad', { max: num(MAX_STEPS), maxShare: num(maxShare) })}
        </p>
      )}
      <div className="controls">
        <button
          type="button"
          className="primary"
          disabled={!ready || running || split.count === 0}
          onClick={() => void start()}
        >
          {t('my.tuneButton')}
        </button>
        <button type="button" disabled={job?.phase !== 'training'} onClick={trainer.stop}>
          {t('my.tuneStop')}
        </button>
      </div>
      {split.count === 0 && <p className="hint">{t('my.needDigits')}</p>}
      {!ready && !running && <p className="hint">{t('my.tuneBusy')}</p>}
      {job && (
        <div data-testid="my-tune-result">
          {job.phase === 'training' && (
            <p role="status">
              {t('my.tuneProgress', { i: num(Math.min(done, job.steps)), n: num(job.steps) })}{' '}
              <a href="#/train">{t('my.tuneCurves')}</a>
            </p>
          )}
          {job.phase === 'measuring' && <p role="status">{t('my.tuneMeasuring')}</p>}
          {job.phase === 'failed' && (
            <p role="alert" className="error">
              {t('my.tuneFailed', { message: trainer.error?.message ?? '' })}
            </p>
          )}
          <table className="class-metrics" data-testid="my-before-after">
            <caption>{t('my.beforeAfter')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('my.measure')}</th>
                <th scope="col">{t('my.before')}</th>
                <th scope="col">{t('my.after')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('my.onPersonal', { n: num(split.count) })}</th>
                <td data-testid="my-before">{pct(job.before.personal)}</td>
                <td data-testid="my-after">{pct(job.after?.personal ?? null)}</td>
              </tr>
              <tr>
                <th scope="row">{t('my.onMnist', { n: num(TEST_SUBSET_SIZE) })}</th>
                <td>{pct(job.before.mnist)}</td>
                <td>{pct(job.after?.mnist ?? null)}</td>
              </tr>
            </tbody>
          </table>
          {job.phase === 'done' && (
            <p className="note" role="status">
              {t('my.tuneDone', { steps: num(done), total: num(current.steps) })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
