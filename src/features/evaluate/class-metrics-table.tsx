import { useI18n } from '../../i18n/use-i18n';
import type { ClassMetrics } from '../../ml/evaluate';

/** Precision, recall and image count for each digit. */
export function ClassMetricsTable({ metrics }: { metrics: ClassMetrics[] }) {
  const { t, num } = useI18n();
  const pct = (v: number | null) => (v === null ? '—' : `${num(v * 100, 1)}%`);
  return (
    <table className="class-metrics">
      <caption>{t('evaluate.perClass')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('evaluate.digit')}</th>
          <th scope="col">{t('evaluate.precision')}</th>
          <th scope="col">{t('evaluate.recall')}</th>
          <th scope="col">{t('evaluate.support')}</th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((m) => (
          <tr key={m.digit}>
            <th scope="row">{m.digit}</th>
            <td>{pct(m.precision)}</td>
            <td>{pct(m.recall)}</td>
            <td>{num(m.support)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
