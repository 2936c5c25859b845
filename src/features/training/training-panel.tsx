import './training.css';
import { useState } from 'react';
import { useModel } from '../../state/model';
import { useSavedModels } from '../../state/saved-models';
import { useTrainer } from '../../state/trainer';
import { errorText } from '../../i18n/error-text';
import { useI18n } from '../../i18n/use-i18n';
import { DEFAULT_AUGMENT } from '../../ml/augment';
import type { TrainData } from '../../ml/mix';
import { TEST_SUBSET_SIZE } from '../../ml/train';
import { AccuracyChart } from './accuracy-chart';
import { HeldLinkNote } from './held-link-note';
import { LossChart } from './loss-chart';
import { runStatus } from './progress-status';
import { ProgressView } from './progress-view';
import { ReplaceConfirm, type ReplaceKind } from './replace-confirm';
import { SettingsForm } from './settings-form';
import { TrainingControls } from './training-controls';
import { TrainingLog } from './training-log';
import { useConfigDraft } from './use-config-draft';
import { useThrottled } from './use-throttled';

/** Train the tutorial's CNN in a worker: settings, controls, progress, live curves and the log. */
export function TrainingPanel() {
  const { t, num } = useI18n();
  const trainer = useTrainer();
  const { current } = useModel();
  const saved = useSavedModels();
  const { phase, history, lastRun } = trainer;
  const busy = phase === 'training' || phase === 'paused';
  const status = runStatus(phase, lastRun);
  const { draft, held, setField, result } = useConfigDraft(busy);
  const [tried, setTried] = useState(false);
  // A trained model is replaced only after the user says so.
  const [confirming, setConfirming] = useState<ReplaceKind | null>(null);
  // Augmentation travels with each start; plain MNIST (the tutorial) unless asked for.
  const [augment, setAugment] = useState(false);
  const data: TrainData | undefined = augment
    ? { augment: DEFAULT_AUGMENT, personal: null, share: 0 }
    : undefined;
  // Charts redraw at most twice a second, whatever the rate of metrics.
  const charted = useThrottled(history, 500);
  const problems = result.ok ? [] : result.problems;
  const withConfig = (go: (c: typeof result & { ok: true }) => void) => () => {
    setTried(true);
    if (result.ok) go(result);
  };
  const canContinue = (history.stepsDone > 0 || trainer.restored) && !busy;
  const replace = (kind: ReplaceKind) =>
    withConfig((r) => {
      if (current.trained) setConfirming(kind);
      else if (kind === 'train') trainer.train(r.config, undefined, data);
      else trainer.reset(r.config);
    });
  const confirmed = withConfig((r) => {
    if (confirming === 'train') trainer.train(r.config, undefined, data);
    else trainer.reset(r.config);
    setConfirming(null);
  });

  return (
    <section className="panel" aria-labelledby="train-heading">
      <h2 id="train-heading">{t('train.heading')}</h2>
      <p>{t('train.intro')}</p>
      <div className="train-layout">
        <div>
          <SettingsForm draft={draft} problems={problems} disabled={busy} onChange={setField} />
          <label className="augment-toggle">
            <input
              type="checkbox"
              checked={augment}
              disabled={busy}
              onChange={(e) => setAugment(e.target.checked)}
            />{' '}
            {t('augment.train')}
          </label>
          {held && <HeldLinkNote draft={draft} held={held} />}
          {tried && !result.ok && (
            <p role="alert" className="error">
              {t('train.fixSettings')}
            </p>
          )}
          <TrainingControls
            phase={phase}
            canContinue={canContinue}
            onTrain={replace('train')}
            onContinue={withConfig((r) => trainer.continueTraining(r.config, data))}
            onPause={trainer.pause}
            onResume={trainer.resume}
            onStop={trainer.stop}
            onReset={replace('reset')}
          >
            {confirming && current.trained && (
              <ReplaceConfirm
                kind={confirming}
                epochs={current.epochs}
                steps={current.steps}
                kept={saved.currentKept}
                onConfirm={confirmed}
                onCancel={() => setConfirming(null)}
              />
            )}
          </TrainingControls>
          <p role="status" data-testid="train-phase">
            {t(`train.phase.${status}`)}
            {trainer.backend && ` · ${t('train.backendIs', { name: trainer.backend.backend })}`}
          </p>
          {trainer.backend && (
            <p className="hint" title={trainer.backend.reason}>
              {t(`train.backend.${trainer.backend.outcome}`, {
                name: trainer.backend.backend,
                requested: trainer.backend.requested,
              })}
              {trainer.backend.outcome === 'fallback' && ` (${trainer.backend.reason})`}
              {trainer.backend.autoCause && ` ${t(`train.cause.${trainer.backend.autoCause}`)}`}
            </p>
          )}
          {trainer.restored && <p className="note">{t('train.restoredNote')}</p>}
          {lastRun?.reason === 'diverged' && (
            <p role="alert" className="error">
              {t('train.diverged', { step: num(lastRun.step ?? 0), loss: String(lastRun.loss) })}
            </p>
          )}
          {lastRun?.reason === 'completed' && <p className="note">{t('train.completed')}</p>}
          {lastRun?.reason === 'interrupted' && trainer.error?.keptSteps === undefined && (
            <p className="note">{t('train.interrupted')}</p>
          )}
          {saved.autosave.error && (
            <p role="alert" className="error" data-testid="train-autosave-error">
              {t('train.autosaveFailed', { reason: errorText(t, saved.autosave.error) })}
            </p>
          )}
          {trainer.error && (
            <p role="alert" className="error">
              {trainer.error.code === 'other'
                ? t('train.workerError', { message: trainer.error.message })
                : t(`train.err.${trainer.error.code}`)}
              {trainer.error.keptSteps !== undefined &&
                ` ${t('train.errorKept', { steps: num(trainer.error.keptSteps) })}`}
              {phase === 'loading' && (
                <>
                  {' '}
                  <button type="button" onClick={trainer.retryInit}>
                    {t('train.retry')}
                  </button>
                </>
              )}
            </p>
          )}
        </div>
        <div>
          {trainer.progress && <ProgressView progress={trainer.progress} status={status} />}
          <LossChart loss={charted.loss} />
          <AccuracyChart accuracy={charted.accuracy} />
          <p className="hint">{t('train.subsetNote', { n: num(TEST_SUBSET_SIZE) })}</p>
          <TrainingLog lines={history.log} />
        </div>
      </div>
    </section>
  );
}
