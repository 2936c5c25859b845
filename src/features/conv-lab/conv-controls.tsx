import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { DisplayMode, Padding } from '../../ml/conv-lab/conv-ops';

/** Largest numeric padding the lab accepts. */
export const MAX_PADDING = 10;

/** Stride, padding and display-range controls of the convolution. */
export function ConvControls(props: {
  stride: number;
  onStride: (s: number) => void;
  padding: Padding;
  onPadding: (p: Padding) => void;
  display: DisplayMode;
  onDisplay: (d: DisplayMode) => void;
}) {
  const { stride, onStride, padding, onPadding, display, onDisplay } = props;
  const { t } = useI18n();
  const [padText, setPadText] = useState(typeof padding === 'number' ? String(padding) : '1');
  const padMode = typeof padding === 'number' ? 'number' : padding;
  const padNumber = Number(padText);
  const padValid =
    padText.trim() !== '' &&
    Number.isInteger(padNumber) &&
    padNumber >= 0 &&
    padNumber <= MAX_PADDING;
  return (
    <div className="toolbar">
      <label>
        {t('conv.stride')}{' '}
        <select
          aria-label={t('conv.stride')}
          value={stride}
          onChange={(e) => onStride(Number(e.target.value))}
        >
          {[1, 2, 3, 4].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('conv.padding')}{' '}
        <select
          aria-label={t('conv.padding')}
          value={padMode}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'valid' || v === 'same') onPadding(v);
            else if (padValid) onPadding(padNumber);
            else onPadding(0);
          }}
        >
          <option value="valid">{t('conv.padding.valid')}</option>
          <option value="same">{t('conv.padding.same')}</option>
          <option value="number">{t('conv.padding.number')}</option>
        </select>
      </label>
      {padMode === 'number' && (
        <label>
          {t('conv.padding.amount')}{' '}
          <input
            aria-label={t('conv.padding.amount')}
            type="number"
            min={0}
            max={MAX_PADDING}
            step={1}
            value={padText}
            aria-invalid={!padValid}
            onChange={(e) => {
              setPadText(e.target.value);
              const n = Number(e.target.value);
              if (e.target.value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_PADDING)
                onPadding(n);
            }}
            style={{ width: '4.5em' }}
          />
        </label>
      )}
      {padMode === 'number' && !padValid && (
        <span role="alert" className="error">
          {t('conv.padding.invalid', { max: MAX_PADDING })}
        </span>
      )}
      <label>
        {t('conv.display')}{' '}
        <select
          aria-label={t('conv.display')}
          value={display}
          onChange={(e) => onDisplay(e.target.value as DisplayMode)}
        >
          <option value="stretch">{t('conv.display.stretch')}</option>
          <option value="clip">{t('conv.display.clip')}</option>
          <option value="abs">{t('conv.display.abs')}</option>
        </select>
      </label>
    </div>
  );
}
