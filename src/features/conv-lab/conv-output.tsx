import { useMemo } from 'react';
import { GrayCanvas } from '../../components/gray-canvas';
import { useI18n } from '../../i18n/use-i18n';
import {
  displayImage,
  paddingAmount,
  valueRange,
  type DisplayMode,
  type Padding,
} from '../../ml/conv-lab/conv-ops';
import type { GrayImage } from '../../ml/image';
import { LAB_VIEW } from './lab-view';

/** The formula for one output side with the numbers filled in. */
function sideFormula(n: number, p: number, k: number, s: number, out: number) {
  return `⌊(${n} + 2×${p} − ${k}) / ${s}⌋ + 1 = ${out}`;
}

/** Input and convolved output side by side, the output shape and its formula, and the value range. */
export function ConvOutput(props: {
  input: GrayImage;
  output: GrayImage;
  size: number;
  stride: number;
  padding: Padding;
  display: DisplayMode;
}) {
  const { input, output, size, stride, padding, display } = props;
  const { t, num } = useI18n();
  const p = paddingAmount(padding, size);
  const shown = useMemo(() => displayImage(output, display), [output, display]);
  const range = useMemo(() => valueRange(output.data), [output]);
  return (
    <div>
      <div className="conv-pair">
        <figure>
          <GrayCanvas {...LAB_VIEW} image={input} label={t('conv.input')} />
          <figcaption>{t('conv.inputShape', { w: input.width, h: input.height })}</figcaption>
        </figure>
        <figure>
          {output.width > 0 ? (
            <GrayCanvas {...LAB_VIEW} image={shown} label={t('conv.output')} />
          ) : (
            <p role="alert" className="error">
              {t('conv.tooSmall')}
            </p>
          )}
          <figcaption data-testid="conv-output-shape">
            {t('conv.outputShape', { w: output.width, h: output.height })}
          </figcaption>
        </figure>
      </div>
      <p className="formula" data-testid="conv-formula">
        {t('conv.formula')}
        <br />
        {t('conv.formula.width')} {sideFormula(input.width, p, size, stride, output.width)}
        <br />
        {t('conv.formula.height')} {sideFormula(input.height, p, size, stride, output.height)}
      </p>
      {output.width > 0 && (
        <p data-testid="conv-range">
          {t('conv.range', { min: num(range.min, 2), max: num(range.max, 2) })}{' '}
          {range.min < 0 && t('conv.negative')} {t(`conv.display.note.${display}`)}
        </p>
      )}
    </div>
  );
}
