import { GrayCanvas } from '../../components/gray-canvas';
import { useI18n } from '../../i18n/use-i18n';
import type { SplitPredictions } from '../../ml/evaluate';
import { squareImage } from '../../ml/image';
import { imageAt, type MnistSplit } from '../../ml/mnist/dataset';

/** Test images with what the network predicted, the true label and its confidence. */
export function ImageGallery(props: {
  split: MnistSplit;
  predictions: SplitPredictions;
  indices: number[];
  label: string;
}) {
  const { split, predictions, indices, label } = props;
  const { t, num } = useI18n();
  return (
    <ul className="eval-gallery" aria-label={label}>
      {indices.map((index) => {
        const params = {
          index,
          predicted: predictions.predicted[index],
          label: split.labels[index],
        };
        return (
          <li key={index}>
            <GrayCanvas
              image={squareImage(imageAt(split, index))}
              range={[0, 255]}
              size={56}
              label={t('evaluate.imageAlt', params)}
            />
            <span>
              {t('evaluate.caption', {
                ...params,
                confidence: `${num(predictions.confidence[index] * 100, 1)}%`,
              })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
