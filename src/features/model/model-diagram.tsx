import type { LayerSummary } from '../../ml/summary';
import { useI18n } from '../../i18n/use-i18n';

const MAX_SIDE = 28;

/** The network as a row of boxes, each as tall as its feature maps and labelled with its shape. */
export function ModelDiagram({ rows }: { rows: LayerSummary[] }) {
  const { t } = useI18n();
  return (
    <figure className="model-diagram">
      <figcaption>{t('model.diagram')}</figcaption>
      <ol aria-label={t('model.diagram')}>
        {rows.map((row, i) => {
          const side = row.shape.length === 3 ? row.shape[1] : 4;
          const height = 24 + (side / MAX_SIDE) * 96;
          return (
            <li key={row.name} className={`layer-box kind-${row.name.replace(/\d/g, '')}`}>
              {i > 0 && (
                <span className="arrow" aria-hidden="true">
                  →
                </span>
              )}
              <div className="box" style={{ height }} data-testid={`diagram-${row.name}`}>
                <strong>{row.name}</strong>
                <span>{row.shape.join('×')}</span>
              </div>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
