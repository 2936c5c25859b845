import type { Rgb } from '../../components/colormap';
import { cssRgb, mixRgb, textOn, WHITE } from '../../components/contrast';
import { GrayCanvas } from '../../components/gray-canvas';
import { squareImage } from '../../ml/image';
import { imageAt, MNIST_SIDE, type MnistSplit, type SplitName } from '../../ml/mnist/dataset';
import { useI18n } from '../../i18n/use-i18n';

const INK: Rgb = [37, 99, 235];

/** A pixel value's cell colours: deeper blue for more ink, with text that stays readable on it. */
function cellStyle(v: number) {
  if (v === 0) return undefined;
  const background = mixRgb(WHITE, INK, v / 255);
  return { background: cssRgb(background), color: textOn(background) };
}

/** One image large, its index and label, and its 28×28 pixel values as a matrix. */
export function ImageDetail(props: { split: MnistSplit; splitName: SplitName; index: number }) {
  const { split, splitName, index } = props;
  const { t } = useI18n();
  const pixels = imageAt(split, index);
  const label = split.labels[index];
  const rows = Array.from({ length: MNIST_SIDE }, (_, r) =>
    pixels.subarray(r * MNIST_SIDE, (r + 1) * MNIST_SIDE),
  );
  return (
    <figure className="image-detail" aria-label={t('dataset.detail')}>
      <figcaption data-testid="detail-title">
        {t('dataset.detailTitle', {
          split: t(`dataset.split.${splitName}`, { n: '' })
            .replace(/[（(]\s*[）)]/, '')
            .trim(),
          index,
          label,
        })}
      </figcaption>
      <GrayCanvas
        image={squareImage(pixels)}
        range={[0, 255]}
        size={224}
        label={t('dataset.imageAlt', { index, label })}
      />
      <details open>
        <summary>{t('dataset.matrix')}</summary>
        <table className="pixel-matrix">
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {Array.from(row, (v, c) => (
                  <td key={c} style={cellStyle(v)}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
