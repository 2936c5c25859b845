// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GrayCanvas } from '../../src/components/gray-canvas';
import { squareImage } from '../../src/ml/image';

/** What one putImageData call drew: the canvas, its RGBA bytes and where. */
interface Paint {
  canvas: HTMLCanvasElement;
  rgba: number[];
  width: number;
  height: number;
  at: [number, number];
}

// jsdom has no 2D canvas: a stand-in context records every putImageData, so the tests see the
// exact bytes the component paints (and fail if it never paints).
let paints: Paint[] = [];
beforeEach(() => {
  paints = [];
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    return {
      createImageData: (width: number, height: number) => ({
        width,
        height,
        data: new Uint8ClampedArray(width * height * 4),
      }),
      putImageData: (img: ImageData, x: number, y: number) =>
        paints.push({
          canvas: this, // the arrow keeps the canvas getContext was called on
          rgba: Array.from(img.data),
          width: img.width,
          height: img.height,
          at: [x, y],
        }),
    } as unknown as CanvasRenderingContext2D;
  } as unknown as HTMLCanvasElement['getContext']);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const gray = (...values: number[]) => values.flatMap((v) => [v, v, v, 255]);

describe('GrayCanvas', () => {
  it('paints float pixels over a range as gray bytes, one canvas pixel per image pixel', () => {
    const image = { width: 3, height: 2, data: Float32Array.from([0, 0.25, 0.5, 1, 1.5, -0.2]) };
    render(<GrayCanvas image={image} range={[0, 1]} size={120} label="A digit" />);
    const canvas = screen.getByRole('img', { name: 'A digit' }) as HTMLCanvasElement;
    expect([canvas.width, canvas.height]).toEqual([3, 2]);
    expect(paints).toHaveLength(1);
    expect(paints[0]).toMatchObject({ canvas, width: 3, height: 2, at: [0, 0] });
    // 0.25 → 63.75 → 64, 0.5 → 127.5 → 128; 1.5 and −0.2 clip to white and black.
    expect(paints[0].rgba).toEqual(gray(0, 64, 128, 255, 255, 0));
    // The long side is `size` CSS pixels; the height follows the canvas's own 3 : 2, also when a
    // narrow screen shrinks it to its box.
    expect([canvas.style.width, canvas.style.height]).toEqual(['120px', 'auto']);
    expect(canvas.style.maxWidth).toBe('100%');
  });

  it('paints MNIST bytes over 0–255 unchanged, and a range of −1 to 1 with 0 as mid-gray', () => {
    render(
      <GrayCanvas
        image={squareImage(Uint8Array.from([0, 7, 200, 255]))}
        range={[0, 255]}
        size={112}
        label="bytes"
      />,
    );
    render(
      <GrayCanvas
        image={{ width: 3, height: 1, data: Float32Array.from([-1, 0, 1]) }}
        range={[-1, 1]}
        size={30}
        label="signed"
      />,
    );
    expect(paints.map((p) => p.canvas.getAttribute('aria-label'))).toEqual(['bytes', 'signed']);
    expect(paints[0].rgba).toEqual(gray(0, 7, 200, 255));
    expect(paints[1].rgba).toEqual(gray(0, 128, 255));
  });

  it('enlarges pixel-exact up to maxScale and smooths an image shown smaller', () => {
    const blank = (width: number, height: number) => ({
      width,
      height,
      data: new Float32Array(width * height),
    });
    const props = { range: [0, 255] as const, size: 420, maxScale: 8 };
    render(<GrayCanvas {...props} image={blank(10, 5)} label="small" />);
    render(<GrayCanvas {...props} image={blank(600, 400)} label="photo" />);
    const small = screen.getByRole('img', { name: 'small' }) as HTMLCanvasElement;
    const photo = screen.getByRole('img', { name: 'photo' }) as HTMLCanvasElement;
    expect([small.style.width, small.style.height]).toEqual(['80px', 'auto']);
    expect([photo.style.width, photo.style.height]).toEqual(['420px', 'auto']);
    expect([small.width, small.height, photo.width, photo.height]).toEqual([10, 5, 600, 400]);
    expect(small.getAttribute('style')).toMatch(/image-rendering: pixelated/);
    expect(photo.getAttribute('style')).toMatch(/image-rendering: auto/);
    expect(paints).toHaveLength(2);
  });

  it('repaints when the pixels or the range change, not on an equal re-render', () => {
    const live = (data: Float32Array, range: [number, number], size = 40) => (
      <GrayCanvas image={{ width: 2, height: 1, data }} range={range} size={size} label="live" />
    );
    const first = Float32Array.from([0, 1]);
    const view = render(live(first, [0, 1], 20));
    // A new wrapper around the same pixels with an equal range literal: nothing to repaint.
    view.rerender(live(first, [0, 1]));
    expect(paints).toHaveLength(1);
    const flipped = Float32Array.from([1, 0]);
    view.rerender(live(flipped, [0, 1]));
    view.rerender(live(flipped, [0, 2]));
    expect(paints.map((p) => p.rgba)).toEqual([gray(0, 255), gray(255, 0), gray(128, 0)]);
  });

  it('paints nothing for an empty image, such as a kernel that does not fit', () => {
    render(
      <GrayCanvas
        image={{ width: 0, height: 0, data: new Float32Array(0) }}
        range={[0, 255]}
        size={420}
        label="empty"
      />,
    );
    expect(screen.getByRole('img', { name: 'empty' })).toBeTruthy();
    expect(paints).toHaveLength(0);
  });
});
