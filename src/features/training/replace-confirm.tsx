import { useI18n } from '../../i18n/use-i18n';

/** What is about to replace the trained model: a new run, or a reset. */
export type ReplaceKind = 'train' | 'reset';

/**
 * Asks before a trained model is replaced by random weights, saying whether it stays recoverable
 * (autosaved, or loaded from storage) or would be lost.
 */
export function ReplaceConfirm(props: {
  kind: ReplaceKind;
  epochs: number;
  steps: number;
  kept: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, num } = useI18n();
  const facts = { epochs: num(props.epochs), steps: num(props.steps) };
  const text = !props.kept
    ? t('train.confirmUnsaved', facts)
    : t(props.kind === 'train' ? 'train.confirmTrain' : 'train.confirmReset', facts);
  const yes = !props.kept
    ? t('train.confirmStartUnsaved')
    : t(props.kind === 'train' ? 'train.confirmStart' : 'train.confirmDoReset');
  return (
    <div
      role="alertdialog"
      aria-labelledby="replace-text"
      className={props.kept ? 'note' : 'error'}
      data-testid="replace-confirm"
    >
      <p id="replace-text">{text}</p>
      <button type="button" className="danger" autoFocus onClick={props.onConfirm}>
        {yes}
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        {t('train.confirmCancel')}
      </button>
    </div>
  );
}
