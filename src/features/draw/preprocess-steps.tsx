import type { ReactNode } from 'react';
import { GrayCanvas } from '../../components/gray-canvas';
import { squareImage, type GrayImage, type GrayRange } from '../../ml/image';
import type { PreprocessResult } from '../../ml/preprocess';
import { useI18n } from '../../i18n/use-i18n';

const SIZE = 112;
/** Drawn ink runs from 0 (background) to 1. */
const INK: GrayRange = [0, 1];

/** The preprocessing pipeline as pictures: input, crop, 20 × 20 fit, and the centred 28 × 28. */
export function PreprocessSteps(props: {
  input: GrayImage;
  result: Extract<PreprocessResult, { status: 'ok' }>;
  /** The whole canvas squashed to 28 × 28, shown when preprocessing is skipped. */
  raw: Float32Array | null;
}) {
  const { input, result, raw } = props;
  const { t, num } = useI18n();
  const { cropped, fitted, final, centerOfMass: com } = result;
  const steps: { key: string; caption: string; view: ReactNode }[] = [
    {
      key: 'input',
      caption: t('draw.step.input'),
      view: <GrayCanvas image={input} range={INK} size={SIZE} label={t('draw.step.input')} />,
    },
    {
      key: 'cropped',
      caption: t('draw.step.cropped', { w: cropped.width, h: cropped.height }),
      view: (
        <GrayCanvas
          image={cropped}
          range={INK}
          size={SIZE}
          label={t('draw.step.cropped', { w: cropped.width, h: cropped.height })}
        />
      ),
    },
    {
      key: 'fitted',
      caption: t('draw.step.fitted', { w: fitted.width, h: fitted.height }),
      view: (
        <GrayCanvas
          image={fitted}
          range={INK}
          size={(SIZE * Math.max(fitted.width, fitted.height)) / 28}
          label={t('draw.step.fitted', { w: fitted.width, h: fitted.height })}
        />
      ),
    },
    {
      key: 'final',
      caption: t('draw.step.final'),
      view: (
        <div className="com-wrap">
          <GrayCanvas
            image={squareImage(final)}
            range={INK}
            size={SIZE}
            label={t('draw.step.final')}
          />
          <span
            className="com-mark"
            title={t('draw.com', { x: num(com.x, 1), y: num(com.y, 1) })}
            style={{
              left: `${((com.x + 0.5) / 28) * 100}%`,
              top: `${((com.y + 0.5) / 28) * 100}%`,
            }}
          />
        </div>
      ),
    },
  ];
  if (raw) {
    steps.push({
      key: 'raw',
      caption: t('draw.step.raw'),
      view: (
        <GrayCanvas image={squareImage(raw)} range={INK} size={SIZE} label={t('draw.step.raw')} />
      ),
    });
  }
  return (
    <section aria-label={t('draw.steps')}>
      <h3>{t('draw.steps')}</h3>
      <div className="steps">
        {steps.map((s) => (
          <figure key={s.key} className={s.key === 'raw' ? 'step raw' : 'step'}>
            <div className="step-view">{s.view}</div>
            <figcaption>
              {s.caption}
              {s.key === 'final' && (
                <>
                  <br />
                  <small>{t('draw.com', { x: num(com.x, 1), y: num(com.y, 1) })}</small>
                </>
              )}
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
