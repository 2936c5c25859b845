import { memo } from 'react';
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
import type { SeriesPoint } from '../../ml/experiments/run-series';

/** One line of an overlaid chart. */
export interface OverlayLine {
  id: string;
  name: string;
  color: string;
  points: SeriesPoint[];
}

/** Several runs' lines on one chart, each named in the legend; x is numeric (step, epoch, seconds). */
export const OverlayChart = memo(function OverlayChart(props: {
  title: string;
  testId: string;
  lines: OverlayLine[];
  xLabel: string;
  yDomain: [number | 'auto', number | 'auto'];
}) {
  const { lines } = props;
  return (
    <figure
      className="chart"
      aria-label={props.title}
      data-testid={props.testId}
      data-lines={lines.length}
    >
      <figcaption>{props.title}</figcaption>
      <div className="overlay-chart-box">
        <ResponsiveContainer>
          <LineChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="x"
              type="number"
              domain={['dataMin', 'dataMax']}
              allowDuplicatedCategory={false}
              tickFormatter={(v: number) => String(Number(v.toFixed(2)))}
              label={{ value: props.xLabel, position: 'insideBottom', offset: -8 }}
            />
            <YAxis
              domain={props.yDomain}
              tickFormatter={(v: number) => String(Number(v.toFixed(3)))}
            />
            <Tooltip />
            <Legend verticalAlign="top" />
            {lines.map((l) => (
              <Line
                key={l.id}
                data={l.points}
                dataKey="y"
                name={l.name}
                stroke={l.color}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
