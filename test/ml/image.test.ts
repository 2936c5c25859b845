import { describe, expect, it } from 'vitest';
import {
  checkUploadFile,
  checkUploadSize,
  crop,
  fitInto,
  fitSize,
  fitWithin,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_SIDE,
  resize,
  rgbaToGray,
  rgbaToGrayL,
  squareImage,
  toByteImage,
  type GrayImage,
} from '../../src/ml/image';
import pilGray from '../fixtures/pil-gray.json';

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const row = (...values: number[]): GrayImage => ({
  width: values.length,
  height: 1,
  data: Float32Array.from(values),
});

describe('rgbaToGray (luminance in [0, 1])', () => {
  it('reads canvas RGBA as luminance, transparent as the black background', () => {
    const rgba = Uint8ClampedArray.from([255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 0]);
    const gray = rgbaToGray(rgba, 3, 1);
    expect([gray.width, gray.height]).toEqual([3, 1]);
    expect(Array.from(gray.data)).toEqual([1, 0, 0]);
  });

  it('composites by alpha over a white matte when asked (hand-computed)', () => {
    // Red at alpha 51 (0.2): luma 0.299 · 0.2 = 0.0598, plus 0.8 of white = 0.8598.
    const rgba = [255, 0, 0, 51, 0, 0, 0, 0];
    const over = rgbaToGray(rgba, 2, 1, 1);
    expect(over.data[0]).toBeCloseTo(0.8598, 6);
    expect(over.data[1]).toBe(1);
    expect(rgbaToGray(rgba, 2, 1).data[0]).toBeCloseTo(0.0598, 6);
  });

  it('rejects a buffer of the wrong length', () => {
    expect(() => rgbaToGray(new Uint8Array(12), 2, 2)).toThrow(
      /expected 16 RGBA bytes for 2×2, got 12/,
    );
  });
});

describe("rgbaToGrayL (PIL's convert('L'))", () => {
  it("matches Pillow's fixed-point luma for hand-picked colours", () => {
    const rgba = [
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 0, 10, 20, 30, 255,
    ];
    const { data, width, height } = rgbaToGrayL(rgba, 5, 1);
    expect([width, height]).toEqual([5, 1]);
    // (R·19595 + G·38470 + B·7471 + 32768) >> 16; alpha ignored
    expect(Array.from(data)).toEqual([76, 150, 29, 255, 18]);
  });

  it('gives what Pillow gave for 600 colours, half of them where rounding 0.299/0.587/0.114 differs', () => {
    // Made by scripts/make-pil-gray-fixture.py with Debian's Pillow.
    const { rgb, gray } = pilGray as { rgb: number[]; gray: number[] };
    const rgba = new Uint8Array(gray.length * 4);
    gray.forEach((_, i) => rgba.set([rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], 255], i * 4));
    expect(Array.from(rgbaToGrayL(rgba, gray.length, 1).data)).toEqual(gray);
  });

  it('stays within half a level of the exact luma on 20,000 random colours, always whole', () => {
    const rand = rng(3);
    const n = 20_000;
    const rgba = new Uint8Array(n * 4).map(() => Math.floor(rand() * 256));
    const { data } = rgbaToGrayL(rgba, n, 1);
    for (let i = 0; i < n; i++) {
      const [r, g, b] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
      const exact = (r * 299) / 1000 + (g * 587) / 1000 + (b * 114) / 1000;
      expect(Number.isInteger(data[i])).toBe(true);
      expect(Math.abs(data[i] - exact)).toBeLessThanOrEqual(0.51);
    }
  });

  it('rejects a buffer of the wrong length', () => {
    expect(() => rgbaToGrayL(new Uint8Array(7), 2, 1)).toThrow(
      /expected 8 RGBA bytes for 2×1, got 7/,
    );
  });
});

describe('toByteImage (display bytes)', () => {
  it('maps the range onto 0–255, rounding half up and clipping (hand-computed)', () => {
    const bytes = toByteImage(row(0, 0.25, 0.5, 1, 1.5, -0.2), [0, 1]);
    expect([bytes.width, bytes.height]).toEqual([6, 1]);
    // 63.75 → 64, 127.5 → 128; 1.5 and −0.2 fall outside and clip.
    expect(Array.from(bytes.data)).toEqual([0, 64, 128, 255, 255, 0]);
    expect(Array.from(toByteImage(row(-1, 0, 1), [-1, 1]).data)).toEqual([0, 128, 255]);
  });

  it('leaves bytes as they are over 0–255, and paints an empty range black', () => {
    const mnist = { width: 3, height: 1, data: Uint8Array.from([0, 100, 255]) };
    expect(Array.from(toByteImage(mnist, [0, 255]).data)).toEqual([0, 100, 255]);
    expect(Array.from(toByteImage(row(3, 3), [3, 3]).data)).toEqual([0, 0]);
  });
});

describe('squareImage', () => {
  it('wraps 784 values as 28 × 28 without copying, and refuses a non-square count', () => {
    const pixels = new Uint8Array(784);
    const digit = squareImage(pixels);
    expect([digit.width, digit.height]).toEqual([28, 28]);
    expect(digit.data).toBe(pixels);
    expect(() => squareImage(new Float32Array(10))).toThrow(/10 pixels do not make a square/);
  });
});

describe('crop', () => {
  it('copies the pixels inside the box (hand-computed)', () => {
    const ramp = { width: 3, height: 3, data: Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]) };
    const c = crop(ramp, { x0: 1, y0: 1, x1: 3, y1: 3 });
    expect([c.width, c.height]).toEqual([2, 2]);
    expect(Array.from(c.data)).toEqual([4, 5, 7, 8]);
  });
});

describe('resampling', () => {
  it('averages areas when shrinking (hand-computed)', () => {
    expect(Array.from(resize(row(1, 0, 1, 1), 2, 1).data)).toEqual([0.5, 1]);
    const two = resize(row(1, 0, 0), 2, 1).data;
    expect(two[0]).toBeCloseTo(2 / 3, 6); // covers pixel 0 fully and half of pixel 1
    expect(two[1]).toBe(0);
    // Shrinking keeps the total ink (mass) per unit area: a left half stays a left half.
    const half = new Float32Array(100);
    for (let y = 0; y < 10; y++) half.fill(1, y * 10, y * 10 + 5);
    expect(Array.from(resize({ width: 10, height: 10, data: half }, 2, 2).data)).toEqual([
      1, 0, 1, 0,
    ]);
  });

  it('interpolates bilinearly when growing, not nearest-neighbour', () => {
    expect(Array.from(resize(row(0, 1), 4, 1).data)).toEqual([0, 0.25, 0.75, 1]);
  });

  it('fits the long side to a length, growing or shrinking', () => {
    const tall = fitInto({ width: 2, height: 4, data: new Float32Array(8).fill(1) }, 2);
    expect([tall.width, tall.height]).toEqual([1, 2]);
    expect(Array.from(tall.data)).toEqual([1, 1]);
    const grown = fitInto(row(0, 1), 4);
    expect([grown.width, grown.height]).toEqual([4, 2]);
  });
});

describe('fit sizes', () => {
  it('scales the long side to a length, keeping the short side at least 1 px', () => {
    expect(fitSize(6, 3, 20)).toEqual({ width: 20, height: 10 });
    expect(fitSize(20, 240, 20)).toEqual({ width: 2, height: 20 }); // 1.67 → 2
    expect(fitSize(1, 1000, 20)).toEqual({ width: 1, height: 20 }); // 0.02 → 1, not 0
  });

  it('keeps small images and scales the long side down to the cap', () => {
    expect(fitWithin(600, 400, 1024)).toEqual({ width: 600, height: 400, scaled: false });
    expect(fitWithin(1024, 10, 1024)).toEqual({ width: 1024, height: 10, scaled: false });
    expect(fitWithin(4000, 3000, 1024)).toEqual({ width: 1024, height: 768, scaled: true });
    expect(fitWithin(500, 2048, 1024)).toEqual({ width: 250, height: 1024, scaled: true });
  });
});

describe('the upload check', () => {
  it('takes a 48-megapixel phone photo and refuses what is bigger', () => {
    expect(MAX_UPLOAD_BYTES).toBe(30 * 1024 * 1024);
    expect(MAX_UPLOAD_SIDE).toBe(10_000);
    expect(checkUploadFile({ type: 'image/jpeg', size: 25 * 1024 * 1024 })).toBeNull();
    expect(checkUploadSize(8064, 6048)).toBeNull();
    expect(checkUploadSize(MAX_UPLOAD_SIDE, MAX_UPLOAD_SIDE)).toBeNull();
    expect(checkUploadSize(MAX_UPLOAD_SIDE + 1, 10)).toBe('tooManyPixels');
    expect(checkUploadSize(10, MAX_UPLOAD_SIDE + 1)).toBe('tooManyPixels');
  });

  it('refuses empty, non-image and oversized files before decoding', () => {
    expect(checkUploadFile({ type: 'image/png', size: 0 })).toBe('empty');
    expect(checkUploadFile({ type: 'text/plain', size: 10 })).toBe('notImage');
    expect(checkUploadFile({ type: 'image/png', size: MAX_UPLOAD_BYTES + 1 })).toBe('tooLarge');
    expect(checkUploadFile({ type: 'image/png', size: MAX_UPLOAD_BYTES })).toBeNull();
    // A file without a declared type is left to the decoder.
    expect(checkUploadFile({ type: '', size: 1000 })).toBeNull();
  });
});
