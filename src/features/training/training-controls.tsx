import type { TrainerPhase } from '../../worker/protocol';
import { useI18n } from '../../i18n/use-i18n';

/** Train, Pause, Resume, Stop, Reset and Continue, enabled by phase. */
export function TrainingControls(props: {
  phase: TrainerPhase;
  canContinue: boolean;
  onTrain: () => void;
  onContinue: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
  onReset: () => void;
}) {
  const { phase, canContinue } = props;
  const { t } = useI18n();
  const active = phase === 'training' || phase === 'paused';
  const ready = phase === 'idle' || phase === 'finished';
  return (
    <div className="controls" role="group" aria-label={t('train.controls')}>
      <button type="button" className="primary" disabled={!ready} onClick={props.onTrain}>
        {t('train.train')}
      </button>
      <button type="button" disabled={phase !== 'training'} onClick={props.onPause}>
        {t('train.pause')}
      </button>
      <button type="button" disabled={phase !== 'paused'} onClick={props.onResume}>
        {t('train.resume')}
      </button>
      <button type="button" disabled={!active} onClick={props.onStop}>
        {t('train.stop')}
      </button>
      <button type="button" disabled={phase === 'loading'} onClick={props.onReset}>
        {t('train.reset')}
      </button>
      {canContinue && (
        <button type="button" disabled={!ready} onClick={props.onContinue}>
          {t('train.continue')}
        </button>
      )}
    </div>
  );
}
