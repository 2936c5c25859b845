import { useMemo, useState } from 'react';
import { HeatmapCanvas } from '../../components/heatmap-canvas';
import { useI18n } from '../../i18n/use-i18n';
import { argmaxCell, explainConv } from '../../ml/explain/conv-terms';
import { kernelsOf, mapAt } from '../../ml/features';
import { CellPicker } from './cell-picker';
import type { OverviewResult } from './overview-view';

/** Digits the hand computation shows: enough that the rounded parts still add up to the map value. */
const DIGITS = 4;

/** One conv map's value at a chosen cell, worked out term by term from its inputs and kernels. */
export function ConvDetail(props: {
  layer: 'conv1' | 'conv2';
  index: number;
  result: OverviewResult;
}) {
  const { layer, index, result } = props;
  const { t, num } = useI18n();
  const maps = result.overview.maps[layer];
  const own = mapAt(maps, index);
  const [cell, setCell] = useState(() => argmaxCell(own, maps.side));
  const computation = useMemo(() => {
    const input =
      layer === 'conv1'
        ? { channels: 1, side: 28, data: result.pixels, min: 0, max: 1 }
        : result.overview.maps.pool1;
    const bias = result.weights.find((w) => w.name === `${layer}/bias`)!.data;
    const kernels = kernelsOf(result.weights, layer);
    return explainConv(input, kernels, bias, index, cell.row, cell.col, result.activation);
  }, [layer, index, result, cell]);
  const from = layer === 'conv1' ? 'input' : 'pool1';
  const n = (v: number) => num(v, DIGITS);
  const patchMax = Math.max(1e-6, ...computation.terms.flatMap((x) => Array.from(x.patch)));
  const kernelMax = Math.max(
    1e-6,
    ...computation.terms.flatMap((x) => Array.from(x.kernel, Math.abs)),
  );
  const actName = computation.activation === 'relu' ? 'ReLU' : 'sigmoid';
  return (
    <div className="conv-detail">
      <p>{t('overview.conv.intro', { layer, from, n: computation.terms.length })}</p>
      <CellPicker side={maps.side} row={cell.row} col={cell.col} onChange={setCell} />
      <div className="conv-body">
        <div className="table-scroll">
          <table className="conv-terms">
            <caption>{t('overview.conv.caption', { row: cell.row, col: cell.col })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.conv.channel', { from })}</th>
                <th scope="col">{t('overview.conv.patch')}</th>
                <th scope="col">{t('overview.conv.kernel')}</th>
                <th scope="col">{t('overview.conv.partial')}</th>
              </tr>
            </thead>
            <tbody>
              {computation.terms.map((term) => (
                <tr key={term.channel}>
                  <th scope="row">{term.channel}</th>
                  <td>
                    <HeatmapCanvas
                      values={term.patch}
                      side={computation.size}
                      min={0}
                      max={patchMax}
                      scale="sequential"
                      size={32}
                      label={t('overview.conv.patchOf', { from, n: term.channel })}
                    />
                  </td>
                  <td>
                    <HeatmapCanvas
                      values={term.kernel}
                      side={computation.size}
                      min={-kernelMax}
                      max={kernelMax}
                      scale="diverging"
                      size={32}
                      label={t('overview.conv.kernelOf', { n: term.channel })}
                    />
                  </td>
                  <td className="num" data-testid="conv-partial">
                    {n(term.partial)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="conv-sum">
          <dt>{t('overview.conv.bias')}</dt>
          <dd data-testid="conv-bias">{n(computation.bias)}</dd>
          <dt>{t('overview.conv.sum')}</dt>
          <dd data-testid="conv-total">{n(computation.sum)}</dd>
          <dt>{t('overview.conv.after', { act: actName })}</dt>
          <dd data-testid="conv-value">{n(computation.value)}</dd>
          <dt>{t('overview.conv.model', { layer, n: index })}</dt>
          <dd data-testid="conv-model">{n(own[cell.row * maps.side + cell.col])}</dd>
        </dl>
      </div>
    </div>
  );
}
