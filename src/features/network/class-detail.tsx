import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { explainClass, type ClassTerm } from '../../ml/explain/class-terms';
import type { OverviewResult } from './overview-view';

/** How many of the largest pushes each way the list shows. */
const TOP = 8;

/** Why a class got its score: the pool2 values × weights that pushed it most up and down. */
export function ClassDetail({ digit, result }: { digit: number; result: OverviewResult }) {
  const { t, num } = useI18n();
  const c = useMemo(
    () => explainClass(result.overview.maps.pool2, result.weights, digit),
    [result, digit],
  );
  const row = (x: ClassTerm) => (
    <li key={`${x.channel}-${x.row}-${x.col}`}>
      {t('overview.class.term', {
        n: x.channel,
        row: x.row,
        col: x.col,
        a: num(x.activation, 3),
        w: num(x.weight, 3),
        p: num(x.product, 3),
      })}
    </li>
  );
  const down = c.terms
    .slice(-TOP)
    .reverse()
    .filter((x) => x.product < 0);
  return (
    <div className="class-detail">
      <p>{t('overview.class.intro', { digit })}</p>
      <div className="class-lists">
        <section aria-label={t('overview.class.up')}>
          <h5>{t('overview.class.up')}</h5>
          <ol>
            {c.terms
              .slice(0, TOP)
              .filter((x) => x.product > 0)
              .map(row)}
          </ol>
        </section>
        <section aria-label={t('overview.class.down')}>
          <h5>{t('overview.class.down')}</h5>
          <ol>{down.map(row)}</ol>
        </section>
      </div>
      <p data-testid="class-total">
        {t('overview.class.total', {
          bias: num(c.bias, 3),
          up: num(c.up, 3),
          down: num(c.down, 3),
          score: num(c.score, 3),
          model: num(result.overview.logits[digit], 3),
        })}
      </p>
    </div>
  );
}
