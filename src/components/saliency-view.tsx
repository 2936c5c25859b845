import './saliency.css';
import { useEffect, useId, useState } from 'react';
import { useModel } from '../state/model';
import { useI18n } from '../i18n/use-i18n';
import { squareImage } from '../ml/image';
import { gradientSaliency, type Saliency } from '../ml/explain/saliency';
import { ColorLegend } from './color-legend';
import { GrayCanvas } from './gray-canvas';
import { HeatmapCanvas } from './heatmap-canvas';

/**
 * "Why this digit": the gradient of a class score over the input pixels, for the predicted class
 * or one the learner picks; follows the input and the current weights.
 */
export function SaliencyView({ pixels, predicted }: { pixels: Float32Array; predicted: number }) {
  const { t, num } = useI18n();
  const { inference, current } = useModel();
  const [choice, setChoice] = useState<number | 'predicted'>('predicted');
  const [out, setOut] = useState<{ saliency: Saliency; ms: number } | null>(null);
  const digit = choice === 'predicted' ? predicted : choice;
  const selectId = useId();

  useEffect(() => {
    // Next frame, after the prediction has painted: the backward pass is the slower half.
    const frame = requestAnimationFrame(() => {
      const start = performance.now();
      try {
        const saliency = gradientSaliency(inference, pixels, digit);
        setOut({ saliency, ms: performance.now() - start });
      } catch (err) {
        console.warn('saliency failed', err);
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [inference, pixels, digit, current.version]);

  const label = t('saliency.map', { digit });
  return (
    <section className="saliency" aria-labelledby={`${selectId}-h`}>
      <h3 id={`${selectId}-h`}>{t('saliency.heading')}</h3>
      <p>{t('saliency.method')}</p>
      <label htmlFor={selectId}>{t('saliency.choose')}</label>{' '}
      <select
        id={selectId}
        value={String(choice)}
        onChange={(e) =>
          setChoice(e.target.value === 'predicted' ? 'predicted' : Number(e.target.value))
        }
      >
        <option value="predicted">{t('saliency.predicted', { digit: predicted })}</option>
        {Array.from({ length: 10 }, (_, d) => (
          <option key={d} value={d}>
            {t('saliency.digit', { digit: d })}
          </option>
        ))}
      </select>
      {out && out.saliency.digit === digit ? (
        <>
          <div className="saliency-pair">
            <GrayCanvas
              image={squareImage(pixels)}
              range={[0, 1]}
              size={140}
              label={t('saliency.input')}
            />
            <HeatmapCanvas
              values={out.saliency.gradient}
              side={28}
              min={-out.saliency.maxAbs}
              max={out.saliency.maxAbs}
              scale="diverging"
              size={140}
              label={label}
            />
          </div>
          <ColorLegend
            scale="diverging"
            label={t('saliency.legend')}
            min={num(-out.saliency.maxAbs, 3)}
            max={num(out.saliency.maxAbs, 3)}
          />
          <p className="timing" data-testid="saliency-ms">
            {t('saliency.timing', { ms: num(out.ms, 1) })}
          </p>
        </>
      ) : (
        <p role="status">{t('saliency.computing')}</p>
      )}
      <p className="saliency-why">{t('saliency.why')}</p>
    </section>
  );
}
