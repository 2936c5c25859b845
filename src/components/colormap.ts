/** An RGB colour, each channel 0–255. */
export type Rgb = [number, number, number];

// Viridis at five stops: perceptually even and readable for colour-blind users.
const SEQUENTIAL: Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
// Blue (negative) – white (zero) – red (positive).
const DIVERGING: Rgb[] = [
  [33, 102, 172],
  [146, 197, 222],
  [247, 247, 247],
  [244, 165, 130],
  [178, 24, 43],
];

function interpolate(stops: Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** A colour scale: sequential for activations (low→high), diverging for weights (−, 0, +). */
export type ColorScale = 'sequential' | 'diverging';

/** The colour of `value` on a scale spanning [min, max]. */
export function colorOf(scale: ColorScale, value: number, min: number, max: number): Rgb {
  const t = max > min ? (value - min) / (max - min) : 0.5;
  return interpolate(scale === 'sequential' ? SEQUENTIAL : DIVERGING, t);
}

/** A CSS linear-gradient for a scale's legend. */
export function gradientCss(scale: ColorScale): string {
  const stops = scale === 'sequential' ? SEQUENTIAL : DIVERGING;
  return `linear-gradient(to right, ${stops.map((c) => `rgb(${c.join(',')})`).join(', ')})`;
}
