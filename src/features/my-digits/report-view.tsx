import { GrayCanvas } from '../../components/gray-canvas';
import { squareImage } from '../../ml/image';
import { MNIST_PIXELS } from '../../ml/mnist/dataset';
import type { PersonalReport } from '../../ml/my-digits/report';
import { useI18n } from '../../i18n/use-i18n';

/** Misread images shown at most; the count says how many there are in all. */
const MAX_WRONG = 60;

/** Per-digit accuracy, the confusion cells off the diagonal, and the images the model misread. */
export function ReportView(props: { report: PersonalReport; images: Uint8Array }) {
  const { report, images } = props;
  const { t, num } = useI18n();
  const pct = (right: number, total: number) =>
    total === 0 ? '—' : `${num((right / total) * 100, 1)}%`;
  const cells = report.confusion
    .flatMap((row, label) => row.map((n, predicted) => ({ label, predicted, n })))
    .filter((c) => c.label !== c.predicted && c.n > 0)
    .sort((a, b) => b.n - a.n || a.label - b.label);
  return (
    <div className="my-report">
      <table className="class-metrics" data-testid="my-per-digit">
        <caption>{t('my.perDigit')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('my.digit')}</th>
            <th scope="col">{t('my.images')}</th>
            <th scope="col">{t('my.right')}</th>
            <th scope="col">{t('my.accuracy')}</th>
          </tr>
        </thead>
        <tbody>
          {report.perDigit.map((d) => (
            <tr key={d.digit}>
              <th scope="row">{num(d.digit)}</th>
              <td>{num(d.total)}</td>
              <td>{num(d.correct)}</td>
              <td>{pct(d.correct, d.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <h4>{t('my.confusions')}</h4>
        {cells.length === 0 ? (
          <p>{t('my.noConfusions')}</p>
        ) : (
          <ul data-testid="my-confusions">
            {cells.map((c) => (
              <li key={`${c.label}-${c.predicted}`}>
                {t('my.confusion', {
                  label: num(c.label),
                  predicted: num(c.predicted),
                  n: num(c.n),
                })}
              </li>
            ))}
          </ul>
        )}
        {report.wrong.length > 0 && (
          <>
            <h4>{t('my.wrong', { n: num(report.wrong.length) })}</h4>
            <ul className="my-tiles" data-testid="my-wrong">
              {report.wrong.slice(0, MAX_WRONG).map((w) => (
                <li key={w.index} className="my-tile">
                  <GrayCanvas
                    image={squareImage(
                      images.subarray(w.index * MNIST_PIXELS, (w.index + 1) * MNIST_PIXELS),
                    )}
                    range={[0, 255]}
                    size={56}
                    label={t('my.wrongTile', { label: num(w.label), predicted: num(w.predicted) })}
                  />
                  <span>
                    {t('my.wrongCaption', {
                      label: num(w.label),
                      predicted: num(w.predicted),
                      p: num(w.confidence * 100, 0),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
