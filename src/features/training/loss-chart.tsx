import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LossPoint } from '../../ml/history';
import { useI18n } from '../../i18n/use-i18n';
import { legendText } from './chart-legend';
import { PlainTick } from './plain-tick';
import { downsample, ema } from './series';

/** Points drawn per line; longer runs are sampled down to this (fewer SVG nodes, cheaper renders). */
const MAX_POINTS = 150;

/** Training loss per step, raw and smoothed (EMA). */
export const LossChart = memo(function LossChart({ loss }: { loss: LossPoint[] }) {
  const { t, num } = useI18n();
  const { rows, last, first } = useMemo(() => {
    const smooth = ema(loss.map((p) => p.loss));
    const all = loss.map((p, i) => ({ step: p.step, raw: p.loss, smooth: smooth[i] }));
    return { rows: downsample(all, MAX_POINTS), last: all.at(-1), first: all.at(0) };
  }, [loss]);
  // The picture's text alternative: where the curve starts and where it is now.
  const summary =
    last && first
      ? t('train.lossSummary', {
          n: num(loss.length),
          step: num(last.step),
          loss: num(last.raw, 4),
          smooth: num(last.smooth, 4),
          firstStep: num(first.step),
          first: num(first.raw, 4),
        })
      : t('train.lossNone');
  return (
    <figure
      className="chart"
      aria-label={t('train.lossChart')}
      data-testid="loss-chart"
      data-points={loss.length}
    >
      <figcaption>{t('train.lossChart')}</figcaption>
      <div style={{ width: '100%', height: 240 }} role="img" aria-label={summary}>
        <ResponsiveContainer>
          {/* No keyboard layer: it made the chart an unnamed Tab stop; the summary says it all. */}
          <LineChart
            data={rows}
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
            <YAxis domain={[0, 'auto']} interval={0} tick={PlainTick} />
            <Tooltip />
            <Legend formatter={legendText} />
            <Line
              dataKey="raw"
              name={t('train.lossRaw')}
              stroke="#93c5fd"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="smooth"
              name={t('train.lossSmooth')}
              stroke="#1d4ed8"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
