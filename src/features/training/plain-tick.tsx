// An axis tick drawn as a plain SVG <text>. Recharts' own tick is a <Text> given the axis width,
// which measures every word of every new label in the DOM (a forced layout each): on a training
// chart, whose ticks move as the run grows, that was the page's longest task while training.

import type { XAxisTickContentProps } from 'recharts';

// Baseline shifts recharts' <Text> applies for each vertical anchor.
const DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/** A chart axis tick label without text measuring; pass as `tick={PlainTick}`. */
export function PlainTick({
  x,
  y,
  payload,
  textAnchor,
  verticalAnchor,
  fill,
}: Pick<XAxisTickContentProps, 'x' | 'y' | 'payload' | 'textAnchor' | 'verticalAnchor' | 'fill'>) {
  return (
    <text
      x={x}
      y={y}
      dy={DY[verticalAnchor]}
      textAnchor={textAnchor}
      fill={fill ?? '#666'}
      className="recharts-cartesian-axis-tick-value"
    >
      {payload.value}
    </text>
  );
}
