import { describe, expect, it } from 'vitest';
import {
  augmentImage,
  changeThickness,
  DEFAULT_AUGMENT,
  drawAugment,
  warp,
} from '../../src/ml/augment';
import { seededRng } from '../../src/ml/batches';
import { centerOfMass } from '../../src/ml/preprocess';

const SIDE = 28;
/** A 28×28 image with a vertical bar of 255 in columns x0..x1-1, rows 6–21. */
function bar(x0: number, x1: number): Float32Array {
  const img = new Float32Array(SIDE * SIDE);
  for (let y = 6; y < 22; y++) for (let x = x0; x < x1; x++) img[y * SIDE + x] = 255;
  return img;
}
const mass = (img: ArrayLike<number>) => Array.from(img).reduce((a, b) => a + b, 0);
const com = (img: ArrayLike<number>) =>
  centerOfMass({ data: Float32Array.from(img), width: SIDE, height: SIDE })!;
const still = { dx: 0, dy: 0, angleRad: 0, zoom: 1 };

describe('warp', () => {
  it('leaves the image as it was with no change', () => {
    const img = bar(12, 15);
    expect(Array.from(warp(img, still))).toEqual(Array.from(img));
  });

  it('shifts by whole pixels exactly', () => {
    const moved = warp(bar(12, 15), { ...still, dx: 2, dy: -1 });
    const expected = new Float32Array(SIDE * SIDE);
    for (let y = 5; y < 21; y++) for (let x = 14; x < 17; x++) expected[y * SIDE + x] = 255;
    expect(Array.from(moved)).toEqual(Array.from(expected));
  });

  it('turns a vertical bar by 90° into a horizontal one about the centre', () => {
    const turned = warp(bar(13, 15), { ...still, angleRad: Math.PI / 2 });
    const c = com(turned);
    expect(c.x).toBeCloseTo(13.5, 0);
    expect(c.y).toBeCloseTo(13.5, 0);
    // Ink now spans columns, not rows: row 13 is inked from x=6 to 21.
    expect(turned[13 * SIDE + 7]).toBeGreaterThan(200);
    expect(turned[7 * SIDE + 13]).toBeLessThan(1);
  });

  it('scales ink mass by the square of the zoom', () => {
    const img = bar(10, 18);
    expect(mass(warp(img, { ...still, zoom: 1.1 })) / mass(img)).toBeCloseTo(1.21, 1);
    expect(mass(warp(img, { ...still, zoom: 0.9 })) / mass(img)).toBeCloseTo(0.81, 1);
  });
});

describe('changeThickness', () => {
  it('widens a stroke by one pixel each side when fully bold, narrows it when fully thin', () => {
    const img = bar(12, 16);
    const bold = changeThickness(img, 1);
    expect(bold[13 * SIDE + 11]).toBe(255);
    expect(bold[13 * SIDE + 16]).toBe(255);
    expect(bold[13 * SIDE + 10]).toBe(0);
    const thin = changeThickness(img, -1);
    expect(thin[13 * SIDE + 12]).toBe(0);
    expect(thin[13 * SIDE + 13]).toBe(255);
    expect(thin[13 * SIDE + 15]).toBe(0);
  });

  it('goes part of the way for a smaller change, and not at all for 0', () => {
    const img = bar(12, 16);
    expect(changeThickness(img, 0.5)[13 * SIDE + 11]).toBeCloseTo(127.5);
    expect(Array.from(changeThickness(img, 0))).toEqual(Array.from(img));
  });
});

describe('augmentImage', () => {
  it('draws every change within its limit', () => {
    const rng = seededRng(5);
    for (let i = 0; i < 200; i++) {
      const d = drawAugment(rng, DEFAULT_AUGMENT);
      expect(Math.abs(d.dx)).toBeLessThanOrEqual(2);
      expect(Math.abs(d.dy)).toBeLessThanOrEqual(2);
      expect(Math.abs(d.angleRad)).toBeLessThanOrEqual((12 * Math.PI) / 180);
      expect(Math.abs(d.zoom - 1)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(d.bold)).toBeLessThanOrEqual(0.6);
    }
  });

  it('gives bytes, repeats for a seed, differs between draws, keeps the digit near the centre', () => {
    const img = Uint8Array.from(bar(12, 16));
    const a = augmentImage(img, seededRng(1), DEFAULT_AUGMENT);
    const b = augmentImage(img, seededRng(1), DEFAULT_AUGMENT);
    const rng = seededRng(2);
    const c = augmentImage(img, rng, DEFAULT_AUGMENT);
    const d = augmentImage(img, rng, DEFAULT_AUGMENT);
    expect(a).toBeInstanceOf(Uint8Array);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(c)).not.toEqual(Array.from(d));
    for (const out of [a, c, d]) {
      const p = com(out);
      expect(Math.abs(p.x - 13.5)).toBeLessThan(3);
      expect(Math.abs(p.y - 13.5)).toBeLessThan(3);
      expect(mass(out) / mass(img)).toBeGreaterThan(0.5);
    }
  });
});
