import type { Prediction } from '../../ml/inference';
import { useI18n } from '../../i18n/use-i18n';

/** The top digit large with its confidence, and a labelled probability bar for each digit. */
export function PredictionView({ prediction }: { prediction: Prediction }) {
  const { t, num } = useI18n();
  const pct = (p: number) => `${num(p * 100, 1)}%`;
  const { digit, probabilities } = prediction;
  return (
    <div className="prediction">
      <p className="top-digit" data-testid="top-digit" aria-label={t('draw.top', { digit })}>
        {digit}
      </p>
      <p className="confidence">{t('draw.confidence', { p: pct(probabilities[digit]) })}</p>
      <ul className="prob-bars" aria-label={t('draw.bars')}>
        {Array.from(probabilities, (p, d) => (
          <li key={d} className={d === digit ? 'top' : undefined}>
            <span className="prob-digit">{d}</span>
            <div
              className="prob-bar"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(p * 1000) / 10}
              aria-label={t('draw.bar', { digit: d, p: pct(p) })}
            >
              <span style={{ width: `${p * 100}%` }} />
            </div>
            <span className="prob-value">{pct(p)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
