import './my-digits.css';
import { useMemo, useState } from 'react';
import { countsByDigit, MY_DIGITS_LIMIT, toSplit } from '../../ml/my-digits/set';
import { errorText } from '../../i18n/error-text';
import { useI18n } from '../../i18n/use-i18n';
import { CollectSection } from './collect-section';
import { DigitGrid } from './digit-grid';
import { FineTuneSection } from './fine-tune-section';
import { TestSection, type VersionedReport } from './test-section';
import { TransferSection } from './transfer-section';
import { useMyDigits } from './use-my-digits';

/** Your own handwriting: collect it, test the model on it, fine-tune on it, export and import it. */
export function MyDigitsPanel() {
  const { t, num } = useI18n();
  const store = useMyDigits();
  const { digits, problem } = store;
  const counts = useMemo(() => countsByDigit(digits ?? []), [digits]);
  const split = useMemo(() => toSplit(digits ?? []), [digits]);
  const [report, setReport] = useState<VersionedReport | null>(null);
  return (
    <section className="panel" aria-labelledby="my-heading">
      <h2 id="my-heading">{t('my.heading')}</h2>
      <p>{t('my.intro', { limit: num(MY_DIGITS_LIMIT) })}</p>
      {problem && (
        <p role="alert" className="error" data-testid="my-problem">
          {problem.kind === 'full'
            ? t('my.full', { limit: num(MY_DIGITS_LIMIT), room: num(problem.room) })
            : t('my.storageFailed', { reason: errorText(t, problem.error) })}{' '}
          <button type="button" onClick={store.clearProblem}>
            {t('my.dismiss')}
          </button>
        </p>
      )}
      {digits === null ? (
        <p role="status">{t('my.loading')}</p>
      ) : (
        <>
          <CollectSection store={store} counts={counts} />
          <DigitGrid store={store} digits={digits} counts={counts} />
          <TestSection split={split} result={report} onResult={setReport} />
          <FineTuneSection split={split} />
          <TransferSection store={store} digits={digits} />
        </>
      )}
    </section>
  );
}
