import './model.css';
import { useMemo } from 'react';
import { useModel } from '../../state/model';
import { useI18n } from '../../i18n/use-i18n';
import { pytorchPrint, summarizeModel } from '../../ml/summary';
import { ModelDiagram } from './model-diagram';

/** The tutorial's network: PyTorch's printout, a table of shapes and parameters, and a diagram. */
export function ModelPanel() {
  const { t, num } = useI18n();
  const { inference } = useModel();
  const info = useMemo(
    () => ({ rows: summarizeModel(inference), text: pytorchPrint(inference) }),
    [inference],
  );
  const total = info.rows.reduce((s, r) => s + r.params, 0);
  return (
    <section className="panel" aria-labelledby="model-heading">
      <h2 id="model-heading">{t('model.heading')}</h2>
      <p>{t('model.intro')}</p>
      <ModelDiagram rows={info.rows} />
      <div className="model-layout">
        <figure>
          <figcaption>{t('model.print')}</figcaption>
          <pre className="code" data-testid="model-print" tabIndex={0}>
            {info.text}
          </pre>
        </figure>
        <table className="model-table">
          <caption>{t('model.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('model.layer')}</th>
              <th scope="col">{t('model.kind')}</th>
              <th scope="col">{t('model.shape')}</th>
              <th scope="col">{t('model.params')}</th>
            </tr>
          </thead>
          <tbody>
            {info.rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>{r.kind}</td>
                <td>{r.shape.join(' × ')}</td>
                <td className="num">{num(r.params)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('model.total')}
              </th>
              <td className="num" data-testid="model-total">
                {num(total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint">{t('model.paramsWhy')}</p>
    </section>
  );
}
