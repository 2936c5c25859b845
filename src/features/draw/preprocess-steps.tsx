import type { ReactNode } from 'react';
import { DigitCanvas } from '../../components/digit-canvas';
import type { GrayImage } from '../../ml/image';
import type { PreprocessResult } from '../../ml/preprocess';
import { useI18n } from '../../i18n/use-i18n';
import { GrayCanvas } from './gray-canvas';

const SIZE = 112;

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
      view: <GrayCanvas image={input} maxSize={SIZE} label={t('draw.step.input')} />,
    },
    {
      key: 'cropped',
      caption: t('draw.step.cropped', { w: cropped.width, h: cropped.height }),
      view: (
        <GrayCanvas
          image={cropped}
          maxSize={SIZE}
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
          maxSize={(SIZE * Math.max(fitted.width, fitted.height)) / 28}
          label={t('draw.step.fitted', { w: fitted.width, h: fitted.height })}
        />
      ),
    },
    {
      key: 'final',
      caption: t('draw.step.final'),
      view: (
        <div className="com-wrap">
          <DigitCanvas pixels={final} max={1} size={SIZE} label={t('draw.step.final')} />
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
      view: <DigitCanvas pixels={raw} max={1} size={SIZE} label={t('draw.step.raw')} />,
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
