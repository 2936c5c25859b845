import { describe, expect, it } from 'vitest';
import { crop, type GrayImage } from '../../src/ml/image';
import {
  centerOfMass,
  FIT_SIDE,
  inkBox,
  MNIST_CENTER,
  plainDownscale,
  preprocess,
} from '../../src/ml/preprocess';

/** A black width×height image with the rectangle [x0, x1) × [y0, y1) set to `value`. */
function rectImage(
  width: number,
  height: number,
  rect: { x0: number; y0: number; x1: number; y1: number },
  value = 1,
): GrayImage {
  const data = new Float32Array(width * height);
  for (let y = rect.y0; y < rect.y1; y++)
    data.fill(value, y * width + rect.x0, y * width + rect.x1);
  return { data, width, height };
}

/** A 280×280 canvas-like image with a thick diagonal stroke through `from`→`to`. */
function stroke(from: [number, number], to: [number, number], radius = 9): GrayImage {
  const side = 280;
  const data = new Float32Array(side * side);
  for (let t = 0; t <= 1; t += 0.01) {
    const cx = from[0] + (to[0] - from[0]) * t;
    const cy = from[1] + (to[1] - from[1]) * t;
    for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
      for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) data[y * side + x] = 1;
      }
    }
  }
  return { data, width: side, height: side };
}

describe('ink box, crop and centre of mass', () => {
  it('finds the ink and crops to it', () => {
    const img = rectImage(10, 8, { x0: 2, y0: 3, x1: 5, y1: 7 });
    const box = inkBox(img);
    expect(box).toEqual({ x0: 2, y0: 3, x1: 5, y1: 7 });
    const c = crop(img, box!);
    expect([c.width, c.height]).toEqual([3, 4]);
    expect(c.data.every((v) => v === 1)).toBe(true);
    expect(centerOfMass(img)).toEqual({ x: 3, y: 4.5 });
  });

  it('ignores faint noise below the ink threshold', () => {
    const img = rectImage(10, 10, { x0: 0, y0: 0, x1: 10, y1: 10 }, 0.01);
    expect(inkBox(img)).toBeNull();
    expect(preprocess(img)).toEqual({ status: 'empty' });
  });
});

describe('MNIST-style preprocessing', () => {
  it('says nothing was drawn for an empty canvas', () => {
    expect(preprocess({ data: new Float32Array(280 * 280), width: 280, height: 280 })).toEqual({
      status: 'empty',
    });
  });

  it('centres an off-centre stroke by its centre of mass, as MNIST does', () => {
    // A stroke squeezed into the top-left corner of the canvas.
    const result = preprocess(stroke([20, 15], [60, 110]));
    if (result.status !== 'ok') throw new Error('expected ink');
    expect(result.final).toHaveLength(784);
    expect(Math.abs(result.centerOfMass.x - MNIST_CENTER.x)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(result.centerOfMass.y - MNIST_CENTER.y)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...result.final)).toBe(1);
    expect(Math.min(...result.final)).toBe(0);
    // The same stroke elsewhere on the canvas gives the same network input.
    const moved = preprocess(stroke([200, 150], [240, 245]));
    if (moved.status !== 'ok') throw new Error('expected ink');
    expect(Array.from(moved.final)).toEqual(Array.from(result.final));
  });

  it('scales a tiny digit up to 20 px on its long side, keeping its aspect ratio', () => {
    const tiny = rectImage(280, 280, { x0: 100, y0: 50, x1: 106, y1: 53 }); // 6 × 3
    const result = preprocess(tiny);
    if (result.status !== 'ok') throw new Error('expected ink');
    expect([result.cropped.width, result.cropped.height]).toEqual([6, 3]);
    expect([result.fitted.width, result.fitted.height]).toEqual([FIT_SIDE, 10]);
    const tall = preprocess(rectImage(280, 280, { x0: 10, y0: 10, x1: 30, y1: 250 })); // 20 × 240
    if (tall.status !== 'ok') throw new Error('expected ink');
    expect([tall.fitted.width, tall.fitted.height]).toEqual([2, FIT_SIDE]);
    const inkRows = new Set<number>();
    const inkCols = new Set<number>();
    tall.final.forEach((v, i) => {
      if (v > 0) {
        inkRows.add(Math.floor(i / 28));
        inkCols.add(i % 28);
      }
    });
    expect(inkRows.size).toBe(20);
    expect(inkCols.size).toBe(2);
  });

  it('matches a hand-computed case: a 20×20 block lands at rows and columns 5–24', () => {
    const result = preprocess(rectImage(100, 100, { x0: 70, y0: 3, x1: 90, y1: 23 }));
    if (result.status !== 'ok') throw new Error('expected ink');
    // Centre of mass 9.5 in the block; the shift round(14 − 9.5) = 5 puts it at 14.5.
    expect(result.centerOfMass).toEqual({ x: 14.5, y: 14.5 });
    const at = (r: number, c: number) => result.final[r * 28 + c];
    expect([at(5, 5), at(24, 24), at(4, 5), at(5, 4), at(25, 24), at(24, 25)]).toEqual([
      1, 1, 0, 0, 0, 0,
    ]);
    expect(result.final.reduce((s, v) => s + v, 0)).toBe(400);
  });

  it('keeps every bit of ink when the centre of mass sits near an edge of the digit', () => {
    // An L: a long bottom bar pulls the centre of mass down; the clamp keeps the top in the field.
    const img = rectImage(200, 200, { x0: 10, y0: 10, x1: 20, y1: 190 });
    for (let y = 170; y < 190; y++) img.data.fill(1, y * 200 + 10, y * 200 + 190);
    const result = preprocess(img);
    if (result.status !== 'ok') throw new Error('expected ink');
    const fittedMass = result.fitted.data.reduce((s, v) => s + v, 0);
    const finalMass = result.final.reduce((s, v) => s + v, 0);
    const peak = Math.max(...result.fitted.data);
    expect(finalMass).toBeCloseTo(fittedMass / peak, 3);
  });

  it('squashes the whole canvas to 28×28 without preprocessing', () => {
    const img = rectImage(280, 280, { x0: 0, y0: 0, x1: 140, y1: 280 });
    const raw = plainDownscale(img);
    expect(raw).toHaveLength(784);
    expect(raw[0]).toBe(1);
    expect(raw[13]).toBe(1);
    expect(raw[14]).toBe(0);
  });
});
