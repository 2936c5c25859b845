import type { Rgb } from './colormap';

/** White as an RGB colour. */
export const WHITE: Rgb = [255, 255, 255];

/** The colour `t` of the way from `a` to `b` (0 gives `a`, 1 gives `b`), channels rounded. */
export function mixRgb(a: Rgb, b: Rgb, t: number): Rgb {
  const f = Math.min(1, Math.max(0, t));
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * f)) as Rgb;
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever reads better on `background`. One of the two always reaches at least
 * 4.58:1, so text in it meets WCAG AA (4.5:1) on any background.
 */
export function textOn(background: Rgb): '#000' | '#fff' {
  return contrastRatio(background, WHITE) >= contrastRatio(background, [0, 0, 0]) ? '#fff' : '#000';
}

/** A CSS `rgb()` colour. */
export const cssRgb = ([r, g, b]: Rgb) => `rgb(${r} ${g} ${b})`;
