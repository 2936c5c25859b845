import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AccuracyPoint } from '../../ml/history';
import { useI18n } from '../../i18n/use-i18n';
import { legendText } from './chart-legend';
import { PlainTick } from './plain-tick';
import { downsample } from './series';

const MAX_POINTS = 300;

/** Test accuracy: on the fixed 1,000-image subset every 100 steps, and on all 10,000 at epoch ends. */
export const AccuracyChart = memo(function AccuracyChart({
  accuracy,
}: {
  accuracy: AccuracyPoint[];
}) {
  const { t, num } = useI18n();
  const [subset, full] = useMemo(
    () => [
      downsample(
        accuracy.filter((a) => a.scope === 'subset'),
        MAX_POINTS,
      ),
      accuracy.filter((a) => a.scope === 'full'),
    ],
    [accuracy],
  );
  const lastSubset = subset.at(-1);
  const lastFull = full.at(-1);
  const pct = (a: number) => `${num(a * 100, 1)}%`;
  // The picture's text alternative: the latest measurement of each kind.
  const summary = [
    lastSubset
      ? t('train.accSummary', { step: num(lastSubset.step), acc: pct(lastSubset.accuracy) })
      : t('train.accNone'),
    lastFull &&
      t('train.accSummaryFull', { epoch: lastFull.epoch + 1, acc: pct(lastFull.accuracy) }),
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <figure
      className="chart"
      aria-label={t('train.accuracyChart')}
      data-testid="accuracy-chart"
      data-points={subset.length}
    >
      <figcaption>{t('train.accuracyChart')}</figcaption>
      <div style={{ width: '100%', height: 240 }} role="img" aria-label={summary}>
        <ResponsiveContainer>
          {/* No keyboard layer: it made the chart an unnamed Tab stop; the summary says it all. */}
          <ComposedChart
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" />
            {/* interval 0 and plain ticks: no label is measured in the DOM (a forced layout per
                label; up to ~90 ms a render while training). */}
            <XAxis
              dataKey="step"
              type="number"
              domain={['dataMin', 'dataMax']}
              allowDecimals={false}
              interval={0}
              tick={PlainTick}
            />
            <YAxis domain={[0, 1]} interval={0} tick={PlainTick} />
            <Tooltip />
            <Legend formatter={legendText} />
            <Line
              data={subset}
              dataKey="accuracy"
              name={t('train.accSubset')}
              stroke="#059669"
              dot={subset.length < 40}
              isAnimationActive={false}
            />
            <Scatter
              data={full}
              dataKey="accuracy"
              name={t('train.accFull')}
              fill="#b45309"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
