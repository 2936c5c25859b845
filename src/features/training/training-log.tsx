import { memo } from 'react';
import { useI18n } from '../../i18n/use-i18n';

const SHOWN = 200;

/** The tutorial's log lines, newest at the bottom. */
export const TrainingLog = memo(function TrainingLog({ lines }: { lines: string[] }) {
  const { t } = useI18n();
  const shown = lines.slice(-SHOWN);
  return (
    <figure className="training-log">
      <figcaption>{t('train.log')}</figcaption>
      <pre role="log" aria-label={t('train.log')} className="code">
        {shown.length ? shown.join('\n') : t('train.logEmpty')}
      </pre>
    </figure>
  );
});
