import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { TUTORIAL_CONFIG } from '../../ml/config';
import { PRESET_EPOCHS, PRESET_IDS, presetSpecs } from '../../ml/experiments/presets';
import { useExperimentQueue } from '../../state/experiment-queue';
import { wasInterrupted } from '../../state/experiment-queue-keep';
import { useModel } from '../../state/model';
import { useSavedModels } from '../../state/saved-models';
import { useTrainer } from '../../state/trainer';
import { QueueRow } from './queue-row';

/** Presets, the queued runs with their progress, and Start, Pause, Resume, Stop and Clear. */
export function QueueSection() {
  const { t, num } = useI18n();
  const { queue, dispatch } = useExperimentQueue();
  const trainer = useTrainer();
  const { current } = useModel();
  const { currentKept } = useSavedModels();
  const [invalid, setInvalid] = useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { phase } = trainer;
  const idle = queue.phase === 'idle';
  const waiting = queue.items.filter((i) => i.status === 'waiting');
  const runningIndex = queue.items.findIndex((i) => i.status === 'running');
  const trainerBusy = phase === 'training' || phase === 'paused';

  const begin = () => {
    setConfirming(false);
    setProblem(null);
    dispatch({ type: 'start' });
  };
  const start = () => {
    if (queue.items.some((i) => i.status === 'waiting' && invalid.has(i.key)))
      return setProblem(t('exp.fixQueue'));
    if (trainerBusy) return setProblem(t('exp.trainBusy'));
    // The first run replaces the current model: a trained one is replaced only after the user says so.
    if (current.trained) return setConfirming(true);
    begin();
  };
  const stop = () => {
    dispatch({ type: 'stop' });
    if (trainerBusy) trainer.stop();
  };
  const last = queue.items.at(-1)?.spec ?? {
    config: { ...TUTORIAL_CONFIG, epochs: PRESET_EPOCHS },
    maxSteps: null,
  };

  return (
    <section aria-labelledby="exp-queue-heading">
      <h3 id="exp-queue-heading">{t('exp.queue')}</h3>
      <div className="toolbar" role="group" aria-label={t('exp.presets')}>
        <span>{t('exp.presets')}:</span>
        {PRESET_IDS.map((id) => (
          <button
            key={id}
            type="button"
            disabled={!idle}
            onClick={() =>
              dispatch({ type: 'fill', specs: presetSpecs(id, last.config.epochs, last.maxSteps) })
            }
          >
            {t(`exp.preset.${id}`)}
          </button>
        ))}
        <button type="button" onClick={() => dispatch({ type: 'add', spec: last })}>
          {t('exp.addRun')}
        </button>
      </div>
      {idle && waiting.length > 0 && wasInterrupted(queue) && (
        <p role="status" data-testid="queue-restored">
          {t('exp.queue.restored')}
        </p>
      )}
      {queue.items.length === 0 ? (
        <p>{t('exp.queueEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="saved-list queue-table" data-testid="experiment-queue">
            <thead>
              <tr>
                <th scope="col">{t('exp.col.run')}</th>
                <th scope="col">{t('exp.col.activation')}</th>
                <th scope="col">{t('exp.col.optimizer')}</th>
                <th scope="col">{t('exp.col.lr')}</th>
                <th scope="col">{t('exp.col.epochs')}</th>
                <th scope="col">{t('exp.col.stepLimit')}</th>
                <th scope="col">{t('exp.col.progress')}</th>
                <th scope="col">{t('exp.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item, i) => (
                <QueueRow
                  key={item.key}
                  item={item}
                  n={i + 1}
                  progress={trainer.progress}
                  paused={phase === 'paused'}
                  onChange={(spec) => {
                    setInvalid((s) => {
                      const next = new Set(s);
                      if (spec) next.delete(item.key);
                      else next.add(item.key);
                      return next;
                    });
                    if (spec) dispatch({ type: 'edit', key: item.key, spec });
                  }}
                  onRemove={() => dispatch({ type: 'remove', key: item.key })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="toolbar">
        {idle ? (
          <button
            type="button"
            disabled={waiting.length === 0 || phase === 'loading'}
            onClick={start}
          >
            {t('exp.start')}
          </button>
        ) : (
          <>
            {phase === 'paused' ? (
              <button type="button" onClick={trainer.resume}>
                {t('exp.resume')}
              </button>
            ) : (
              <button type="button" disabled={phase !== 'training'} onClick={trainer.pause}>
                {t('exp.pause')}
              </button>
            )}
            <button
              type="button"
              className="danger"
              disabled={queue.phase === 'stopping'}
              onClick={stop}
            >
              {t('exp.stop')}
            </button>
          </>
        )}
        <button
          type="button"
          disabled={!queue.items.some((i) => i.status !== 'waiting' && i.status !== 'running')}
          onClick={() => dispatch({ type: 'clear' })}
        >
          {t('exp.clear')}
        </button>
      </div>
      {confirming && current.trained && (
        <div
          role="alertdialog"
          aria-labelledby="exp-confirm-text"
          className={currentKept ? 'note' : 'error'}
        >
          <p id="exp-confirm-text">
            {t(currentKept ? 'exp.confirmStart' : 'exp.confirmUnsaved', {
              epochs: num(current.epochs),
              steps: num(current.steps),
            })}
          </p>
          <button type="button" className="danger" autoFocus onClick={begin}>
            {t(currentKept ? 'exp.confirmYes' : 'exp.confirmYesUnsaved')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('exp.cancel')}
          </button>
        </div>
      )}
      {idle && phase === 'loading' && <p className="hint">{t('exp.notReady')}</p>}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <p role="status" data-testid="queue-phase">
        {queue.phase === 'stopping'
          ? t('exp.queueStopping')
          : runningIndex >= 0
            ? t('exp.queueRunning', { n: num(runningIndex + 1), total: num(queue.items.length) })
            : waiting.length > 0
              ? t('exp.queueIdle', { n: num(waiting.length) })
              : queue.items.some((i) => i.status === 'done')
                ? t('exp.queueDone')
                : ''}
      </p>
    </section>
  );
}
