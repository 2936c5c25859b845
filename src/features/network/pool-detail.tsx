import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { argmaxCell } from '../../ml/explain/conv-terms';
import { mapAt } from '../../ml/features';
import { CellPicker } from './cell-picker';
import type { OverviewResult } from './overview-view';

/** One pooled value: the 2 × 2 block of its conv map it keeps the largest of. */
export function PoolDetail(props: {
  layer: 'pool1' | 'pool2';
  index: number;
  result: OverviewResult;
}) {
  const { layer, index, result } = props;
  const { t, num } = useI18n();
  const maps = result.overview.maps[layer];
  const convLayer = layer === 'pool1' ? 'conv1' : 'conv2';
  const conv = result.overview.maps[convLayer];
  const own = mapAt(maps, index);
  const source = mapAt(conv, index);
  const [cell, setCell] = useState(() => argmaxCell(own, maps.side));
  const block = [0, 1].flatMap((i) =>
    [0, 1].map((j) => source[(cell.row * 2 + i) * conv.side + cell.col * 2 + j]),
  );
  return (
    <div className="pool-detail">
      <p>{t('overview.pool.intro', { layer, conv: convLayer })}</p>
      <CellPicker side={maps.side} row={cell.row} col={cell.col} onChange={setCell} />
      <p data-testid="pool-block">
        {t('overview.pool.block', {
          values: block.map((v) => num(v, 4)).join(', '),
          max: num(Math.max(...block), 4),
          own: num(own[cell.row * maps.side + cell.col], 4),
        })}
      </p>
    </div>
  );
}
