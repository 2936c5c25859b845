import { useI18n } from '../../i18n/use-i18n';

/**
 * Asks before a stored run replaces a trained current model, saying whether that model stays
 * recoverable (autosaved, or read from storage) or would be lost.
 */
export function OpenConfirm(props: {
  name: string;
  epochs: number;
  steps: number;
  kept: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, num } = useI18n();
  const facts = { name: props.name, epochs: num(props.epochs), steps: num(props.steps) };
  return (
    <div
      role="alertdialog"
      aria-labelledby="exp-open-text"
      className={props.kept ? 'note' : 'error'}
      data-testid="open-confirm"
    >
      <p id="exp-open-text">
        {t(props.kept ? 'exp.confirmOpen' : 'exp.confirmOpenUnsaved', facts)}
      </p>
      <button type="button" className="danger" autoFocus onClick={props.onConfirm}>
        {t('exp.confirmOpenYes')}
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        {t('exp.cancel')}
      </button>
    </div>
  );
}
