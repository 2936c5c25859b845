const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Numbers below this (in size, but not 0) are written as a × 10ⁿ, so they never round to 0. */
export const SCIENTIFIC_BELOW = 1e-3;

/**
 * A number for the learner's arithmetic: 4 decimals (`0.1234`, `29.3601`), or, when that would
 * hide it, scientific notation with the 2 significant digits (`1.6 × 10⁻¹³`).
 */
export function mathNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size === 0 || size >= SCIENTIFIC_BELOW) return value.toFixed(4);
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const power = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c])
    .join('');
  return `${mantissa.replace('-', '−')} × 10${power}`;
}
