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
import { downsample, ema } from './series';

/** Points drawn per line; longer runs are sampled down to this (fewer SVG nodes, cheaper renders). */
const MAX_POINTS = 150;

/** Training loss per step, raw and smoothed (EMA). */
export const LossChart = memo(function LossChart({ loss }: { loss: LossPoint[] }) {
  const { t } = useI18n();
  const rows = useMemo(() => {
    const smooth = ema(loss.map((p) => p.loss));
    const all = loss.map((p, i) => ({ step: p.step, raw: p.loss, smooth: smooth[i] }));
    return downsample(all, MAX_POINTS);
  }, [loss]);
  return (
    <figure
      className="chart"
      aria-label={t('train.lossChart')}
      data-testid="loss-chart"
      data-points={loss.length}
    >
      <figcaption>{t('train.lossChart')}</figcaption>
      <div style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="step"
              type="number"
              domain={['dataMin', 'dataMax']}
              allowDecimals={false}
            />
            <YAxis domain={[0, 'auto']} />
            <Tooltip />
            <Legend />
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
