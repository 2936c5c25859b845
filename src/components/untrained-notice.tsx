import './color-legend.css';
import { useModel } from '../state/model';
import { useI18n } from '../i18n/use-i18n';

/** Says plainly when the current network has never been trained, so its outputs are guesses. */
export function UntrainedNotice() {
  const { current } = useModel();
  const { t } = useI18n();
  if (current.trained) return null;
  return (
    <p role="note" className="untrained-notice">
      {t('untrained.notice')}
    </p>
  );
}
