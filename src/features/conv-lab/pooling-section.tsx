import { useMemo, useState } from 'react';
import { GrayCanvas } from '../../components/gray-canvas';
import { useI18n } from '../../i18n/use-i18n';
import { displayImage, pool, type DisplayMode, type PoolMode } from '../../ml/conv-lab/conv-ops';
import type { GrayImage } from '../../ml/image';
import { LAB_VIEW } from './lab-view';

/** Max or average pooling of the image or of the convolution output, before and after with shapes. */
export function PoolingSection(props: {
  image: GrayImage;
  convolved: GrayImage;
  display: DisplayMode;
}) {
  const { t } = useI18n();
  const [source, setSource] = useState<'image' | 'convolved'>('image');
  const [mode, setMode] = useState<PoolMode>('max');
  const [size, setSize] = useState(2);
  const [stride, setStride] = useState(2);
  const input = source === 'image' ? props.image : props.convolved;
  // The photo is already 0–255; the convolution output needs the chosen display range.
  const display: DisplayMode = source === 'image' ? 'clip' : props.display;
  const output = useMemo(() => pool(input, mode, size, stride), [input, mode, size, stride]);
  const shownIn = useMemo(() => displayImage(input, display), [input, display]);
  const shownOut = useMemo(() => displayImage(output, display), [output, display]);

  return (
    <div>
      <div className="toolbar">
        <label>
          {t('pool.source')}{' '}
          <select
            aria-label={t('pool.source')}
            value={source}
            onChange={(e) => setSource(e.target.value as 'image' | 'convolved')}
          >
            <option value="image">{t('pool.source.image')}</option>
            <option value="convolved">{t('pool.source.convolved')}</option>
          </select>
        </label>
        <fieldset className="segmented">
          <legend>{t('pool.mode')}</legend>
          {(['max', 'avg'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="pool-mode"
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              {t(`pool.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('pool.size')}{' '}
          <select
            aria-label={t('pool.size')}
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
          >
            {[2, 3, 4].map((s) => (
              <option key={s} value={s}>
                {s} × {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('pool.stride')}{' '}
          <select
            aria-label={t('pool.stride')}
            value={stride}
            onChange={(e) => setStride(Number(e.target.value))}
          >
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="pool-shapes" data-testid="pool-shapes">
        {input.width} * {input.height} → {output.width} * {output.height}
      </p>
      <div className="conv-pair">
        <figure>
          <GrayCanvas {...LAB_VIEW} image={shownIn} label={t('pool.before')} />
          <figcaption>{t('pool.before')}</figcaption>
        </figure>
        <figure>
          {output.width > 0 ? (
            <GrayCanvas
              {...LAB_VIEW}
              image={shownOut}
              label={t('pool.after')}
              // Drawn at the input's scale, so the pooled image looks as much smaller as it is.
              size={Math.round(
                (LAB_VIEW.size * Math.max(output.width, output.height)) /
                  Math.max(input.width, input.height, 1),
              )}
            />
          ) : (
            <p className="error">{t('conv.tooSmall')}</p>
          )}
          <figcaption>{t('pool.after')}</figcaption>
        </figure>
      </div>
      <p data-testid="pool-explain">
        {t('pool.explain', {
          what: t(`pool.what.${mode}`),
          k: size,
          s: stride,
          w: input.width,
          h: input.height,
          ow: output.width,
          oh: output.height,
        })}{' '}
        {t('pool.tutorial')}
      </p>
    </div>
  );
}
