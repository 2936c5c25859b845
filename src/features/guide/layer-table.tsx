import { useMemo } from 'react';
import { useModel } from '../../state/model';
import { useI18n } from '../../i18n/use-i18n';
import { summarizeModel } from '../../ml/summary';

/** The current model's layers with their output shapes and parameters, read from the model itself. */
export function LayerTable() {
  const { t, num } = useI18n();
  const { inference } = useModel();
  const rows = useMemo(() => summarizeModel(inference), [inference]);
  return (
    <div className="table-scroll">
      <table className="guide-layers">
        <caption>{t('guide.layers.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('guide.layers.layer')}</th>
            <th scope="col">{t('guide.layers.shape')}</th>
            <th scope="col">{t('guide.layers.params')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                {r.name} <span className="guide-kind">{r.kind}</span>
              </th>
              <td>{r.shape.join(' × ')}</td>
              <td className="num">{num(r.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
