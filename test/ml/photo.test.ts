import { describe, expect, it } from 'vitest';
import { photoToInk } from '../../src/ml/photo';

/** RGBA of a side×side image: background `bg` gray, a centred square of `ink` gray. */
function photo(side: number, bg: number, ink: number, alphaBg = 255, noise = 0): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const inSquare = x >= side / 4 && x < (3 * side) / 4 && y >= side / 4 && y < (3 * side) / 4;
      const jitter = noise * Math.sin(x * 12.9898 + y * 78.233);
      const v = (inSquare ? ink : bg) + jitter;
      const i = (y * side + x) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = v;
      rgba[i + 3] = inSquare ? 255 : alphaBg;
    }
  }
  return rgba;
}

const centre = (side: number) => (side / 2) * side + side / 2;

describe('uploaded photos to ink', () => {
  it('inverts dark ink on light paper so ink is bright on black, like MNIST', () => {
    const ink = photoToInk(photo(40, 230, 20, 255, 8), 40, 40);
    if (ink.status !== 'ok') throw new Error('expected ink');
    expect(ink.inverted).toBe(true);
    // The ink itself carries the same texture, so it is bright but not uniformly 1.
    expect(ink.image.data[centre(40)]).toBeGreaterThan(0.8);
    expect(Math.max(...ink.image.data)).toBe(1);
    // Paper texture (±8 levels) is cleared to pure background.
    expect(ink.image.data[0]).toBe(0);
    expect(ink.image.data.filter((v) => v > 0)).toHaveLength(20 * 20);
  });

  it('keeps light ink on a dark background as it is', () => {
    const ink = photoToInk(photo(40, 10, 240), 40, 40);
    if (ink.status !== 'ok') throw new Error('expected ink');
    expect(ink.inverted).toBe(false);
    expect(ink.image.data[centre(40)]).toBe(1);
    expect(ink.image.data[0]).toBe(0);
  });

  it('treats a transparent background as paper behind dark ink', () => {
    const ink = photoToInk(photo(40, 0, 0, 0), 40, 40);
    if (ink.status !== 'ok') throw new Error('expected ink');
    expect(ink.image.data[centre(40)]).toBe(1);
    expect(ink.image.data[0]).toBe(0);
  });

  it('calls a uniform image blank', () => {
    expect(photoToInk(photo(30, 128, 128), 30, 30)).toEqual({ status: 'blank' });
    expect(photoToInk(photo(30, 200, 190), 30, 30)).toEqual({ status: 'blank' });
  });
});
