import { GrayCanvas } from '../../components/gray-canvas';
import { squareImage } from '../../ml/image';
import { imageAt, type MnistSplit } from '../../ml/mnist/dataset';
import { useI18n } from '../../i18n/use-i18n';

/** A grid of images with their labels; clicking one selects it. */
export function ImageGrid(props: {
  split: MnistSplit;
  indices: Int32Array;
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  const { split, indices, selected, onSelect } = props;
  const { t } = useI18n();
  return (
    <ul className="image-grid" aria-label={t('dataset.grid')}>
      {Array.from(indices, (index) => {
        const label = split.labels[index];
        return (
          <li key={index}>
            <button
              type="button"
              aria-pressed={selected === index}
              onClick={() => onSelect(index)}
              title={`#${index}`}
            >
              <GrayCanvas
                image={squareImage(imageAt(split, index))}
                range={[0, 255]}
                size={42}
                label={t('dataset.imageAlt', { index, label })}
              />
              <span className="grid-label">{label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
