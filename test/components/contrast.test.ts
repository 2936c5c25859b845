import { describe, expect, it } from 'vitest';
import type { Rgb } from '../../src/components/colormap';
import { contrastRatio, mixRgb, textOn, WHITE } from '../../src/components/contrast';

const ratioOfText = (bg: Rgb) => contrastRatio(bg, textOn(bg) === '#fff' ? WHITE : [0, 0, 0]);

describe('contrast', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio(WHITE, [0, 0, 0])).toBeCloseTo(21, 5);
    expect(contrastRatio([0, 0, 0], WHITE)).toBeCloseTo(21, 5);
    // #767676 is the lightest gray that passes AA on white; #777777 just fails.
    expect(contrastRatio([0x76, 0x76, 0x76], WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio([0x77, 0x77, 0x77], WHITE)).toBeLessThan(4.5);
    // The raw-loss line's light blue (#93c5fd), once also its legend text colour, is far below.
    expect(contrastRatio([0x93, 0xc5, 0xfd], WHITE)).toBeLessThan(2);
  });

  it('picks text that reaches 4.5:1 on every shade the app paints behind numbers', () => {
    const ends: Rgb[] = [
      [0, 0, 0],
      [0xb9, 0x1c, 0x1c],
      [0x1d, 0x4e, 0xd8],
      [0x25, 0x63, 0xeb],
      [0xff, 0x00, 0x00],
      [0x00, 0xff, 0x00],
    ];
    for (const end of ends) {
      for (let i = 0; i <= 100; i++)
        expect(ratioOfText(mixRgb(WHITE, end, i / 100))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('mixes from one colour to the other', () => {
    expect(mixRgb(WHITE, [0, 0, 0], 0)).toEqual(WHITE);
    expect(mixRgb(WHITE, [0, 0, 0], 1)).toEqual([0, 0, 0]);
    expect(mixRgb([0, 0, 0], [200, 100, 50], 0.5)).toEqual([100, 50, 25]);
    expect(mixRgb([0, 0, 0], [200, 100, 50], 2)).toEqual([200, 100, 50]);
  });
});
