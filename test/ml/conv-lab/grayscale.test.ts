import { describe, expect, it } from 'vitest';
import { fitWithin, grayscaleL } from '../../../src/ml/conv-lab/grayscale';

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("grayscaleL (PIL's convert('L'))", () => {
  it('matches L = R*299/1000 + G*587/1000 + B*114/1000, rounded, for hand-picked colours', () => {
    const rgba = [
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 0, 10, 20, 30, 255,
    ];
    const { data, width, height } = grayscaleL(rgba, 5, 1);
    expect([width, height]).toEqual([5, 1]);
    // 76.245 → 76, 149.685 → 150, 29.07 → 29, 255 (alpha ignored), 2.99+11.74+3.42 = 18.15 → 18
    expect(Array.from(data)).toEqual([76, 150, 29, 255, 18]);
  });

  it('agrees with the formula on 20,000 random colours', () => {
    const rand = rng(3);
    const n = 20_000;
    const rgba = new Uint8Array(n * 4).map(() => Math.floor(rand() * 256));
    const { data } = grayscaleL(rgba, n, 1);
    for (let i = 0; i < n; i++) {
      const [r, g, b] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
      const exact = (r * 299) / 1000 + (g * 587) / 1000 + (b * 114) / 1000;
      expect(Math.abs(data[i] - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });

  it('rejects a buffer of the wrong length', () => {
    expect(() => grayscaleL(new Uint8Array(7), 2, 1)).toThrow(
      /expected 8 RGBA bytes for 2×1, got 7/,
    );
  });
});

describe('fitWithin', () => {
  it('keeps small images and scales the long side down to the cap', () => {
    expect(fitWithin(600, 400, 1024)).toEqual({ width: 600, height: 400, scaled: false });
    expect(fitWithin(4000, 3000, 1024)).toEqual({ width: 1024, height: 768, scaled: true });
    expect(fitWithin(500, 2048, 1024)).toEqual({ width: 250, height: 1024, scaled: true });
  });
});
