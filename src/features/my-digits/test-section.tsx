import { useState } from 'react';
import { evaluatePersonal, type PersonalReport } from '../../ml/my-digits/report';
import type { MnistSplit } from '../../ml/mnist/dataset';
import { useModel } from '../../state/model';
import { usePanelState } from '../../state/panel-state';
import { useTrainer } from '../../state/trainer';
import { useI18n } from '../../i18n/use-i18n';
import { knownMnistAccuracy } from './mnist-accuracy';
import { ReportView } from './report-view';

/** A personal-set evaluation tied to the model version it measured. */
export interface VersionedReport {
  version: number;
  report: PersonalReport;
  images: Uint8Array;
}

/** Tests the current model on the personal set, beside its MNIST test accuracy when known. */
export function TestSection(props: {
  split: MnistSplit;
  result: VersionedReport | null;
  onResult: (r: VersionedReport) => void;
}) {
  const { split, result, onResult } = props;
  const { t, num } = useI18n();
  const { inference, current } = useModel();
  const { evaluation } = usePanelState();
  const { history } = useTrainer();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = knownMnistAccuracy(current, evaluation, history);
  const pct = (v: number) => `${num(v * 100, 1)}%`;

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const version = current.version;
      const report = await evaluatePersonal(inference, split);
      onResult({ version, report, images: split.images });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section aria-labelledby="my-test-heading">
      <h3 id="my-test-heading">{t('my.test')}</h3>
      <p>{t('my.testIntro')}</p>
      <button type="button" disabled={running || split.count === 0} onClick={() => void run()}>
        {t('my.testButton')}
      </button>
      {split.count === 0 && <p className="hint">{t('my.needDigits')}</p>}
      {error && (
        <p role="alert" className="error">
          {t('my.testFailed', { message: error })}
        </p>
      )}
      {result && (
        <div>
          <p role="status" data-testid="my-test-result">
            {t('my.testResult', {
              right: num(result.report.correct),
              n: num(result.report.total),
              p: pct(result.report.accuracy),
            })}{' '}
            {known
              ? t(known.from === 'evaluate' ? 'my.mnistEvaluated' : 'my.mnistEpoch', {
                  p: pct(known.accuracy),
                })
              : t('my.mnistUnknown')}{' '}
            {!known && <a href="#/evaluate">{t('my.openEvaluate')}</a>}
          </p>
          {result.version !== current.version && <p className="note">{t('my.stale')}</p>}
          <ReportView report={result.report} images={result.images} />
        </div>
      )}
    </section>
  );
}
