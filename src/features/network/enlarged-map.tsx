import { useState } from 'react';
import { HeatmapCanvas } from '../../components/heatmap-canvas';
import { useI18n } from '../../i18n/use-i18n';
import { mapAt, type LayerMaps } from '../../ml/features';

/** One feature map large, with the value of the cell under the pointer. */
export function EnlargedMap(props: {
  layer: string;
  index: number;
  maps: LayerMaps;
  onClose: () => void;
}) {
  const { layer, index, maps, onClose } = props;
  const { t, num } = useI18n();
  const [cell, setCell] = useState<{ row: number; col: number; value: number } | null>(null);
  const title = t('network.enlarged', { layer, n: index });
  return (
    <figure className="enlarged-map" aria-label={title}>
      <figcaption>
        {title}{' '}
        <button type="button" onClick={onClose}>
          {t('network.close')}
        </button>
      </figcaption>
      <HeatmapCanvas
        values={mapAt(maps, index)}
        side={maps.side}
        min={maps.min}
        max={maps.max}
        scale="sequential"
        size={280}
        label={title}
        onHover={setCell}
      />
      <p aria-live="polite" data-testid="map-hover">
        {cell
          ? t('network.hover', { row: cell.row, col: cell.col, value: num(cell.value, 3) })
          : t('network.hoverHint')}
      </p>
    </figure>
  );
}
