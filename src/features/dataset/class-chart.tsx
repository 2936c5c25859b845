import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/use-i18n';

/** Bar chart of how many images each digit has. */
export function ClassChart({ counts }: { counts: number[] }) {
  const { t, num } = useI18n();
  const rows = counts.map((count, digit) => ({ digit: String(digit), count }));
  return (
    <figure className="class-chart" aria-label={t('dataset.perClass')}>
      <figcaption>{t('dataset.perClass')}</figcaption>
      <div
        style={{ width: '100%', height: 220 }}
        role="img"
        aria-label={t('dataset.perClassSummary', {
          list: counts.map((n, digit) => `${digit}: ${num(n)}`).join(' · '),
        })}
      >
        <ResponsiveContainer>
          {/* No keyboard layer: it made the chart an unnamed Tab stop; the label gives the counts. */}
          <BarChart
            data={rows}
            margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="digit" />
            <YAxis />
            <Tooltip
              formatter={(v) => [v, t('dataset.images')]}
              labelFormatter={(d) => `${t('dataset.digit')} ${d}`}
            />
            <Bar dataKey="count" fill="#2563eb" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
