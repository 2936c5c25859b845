// @vitest-environment jsdom
import * as tf from '@tensorflow/tfjs';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { colorOf } from '../../../src/components/colormap';
import { KernelView } from '../../../src/features/network/kernel-view';
import { ModelContext, type ModelContextValue } from '../../../src/state/model';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { createModel } from '../../../src/ml/model';
import { readWeights, type WeightSnapshot } from '../../../src/ml/weights';

/** RGBA bytes painted on each canvas, kept by a minimal recording 2-D context (jsdom has none). */
const painted = new WeakMap<HTMLCanvasElement, Uint8ClampedArray>();

function recordingContext(canvas: HTMLCanvasElement) {
  return {
    canvas,
    createImageData: (width: number, height: number) => ({
      width,
      height,
      data: new Uint8ClampedArray(width * height * 4),
    }),
    putImageData(image: ImageData, dx: number, dy: number) {
      const { width, height } = canvas;
      const pixels = painted.get(canvas) ?? new Uint8ClampedArray(width * height * 4);
      for (let y = 0; y < image.height; y++) {
        for (let x = 0; x < image.width; x++) {
          if (dx + x >= width || dy + y >= height) continue;
          const from = (y * image.width + x) * 4;
          pixels.set(image.data.subarray(from, from + 4), ((dy + y) * width + dx + x) * 4);
        }
      }
      painted.set(canvas, pixels);
    },
  };
}

let weights: WeightSnapshot[];
beforeAll(async () => {
  await tf.setBackend('cpu');
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
    type: string,
  ) {
    return type === '2d' ? recordingContext(this) : null;
  } as typeof HTMLCanvasElement.prototype.getContext);
  weights = [1, 2, 3].map((seed) => {
    const m = createModel({ activation: 'relu', seed });
    const w = readWeights(m);
    m.dispose();
    return w;
  });
});
afterEach(cleanup);

function value(live: WeightSnapshot, epochs: WeightSnapshot[], version = 0): ModelContextValue {
  const current = {
    config: { activation: 'relu' as const, seed: 1 },
    weights: live,
    trained: true,
    steps: 10,
    epochs: epochs.length,
    version,
  };
  return {
    current,
    latest: () => current,
    epochSnapshots: epochs.map((w, i) => ({ epoch: i + 1, weights: w })),
    inference: createModel({ activation: 'relu', seed: 1 }),
    setModel: () => {},
    addEpochSnapshot: () => {},
    clearEpochSnapshots: () => {},
  };
}

const view = (v: ModelContextValue) => (
  <I18nProvider>
    <ModelContext.Provider value={v}>
      <KernelView />
    </ModelContext.Provider>
  </I18nProvider>
);

/** The "+max" end of a kernel layer's weight legend. */
const legendMax = (layer: 'conv1' | 'conv2') =>
  screen.getByRole('region', { name: new RegExp(`^${layer}:`) }).querySelector('figure')!
    .lastElementChild!.textContent;

/** What the canvas named `name` shows: its painted RGBA bytes (all zero if never painted). */
function pixelsOf(name: string): Uint8ClampedArray {
  const canvas = screen.getByRole('img', { name }) as HTMLCanvasElement;
  return painted.get(canvas) ?? new Uint8ClampedArray(canvas.width * canvas.height * 4);
}

/**
 * The expected picture of one kernel, computed from the raw [size, size, in, out] weights: each
 * weight's colour on the layer's diverging scale (±the layer's largest |weight|), opaque.
 */
function expectedPixels(w: WeightSnapshot, layer: string, out: number, inCh: number) {
  const kernel = w.find((t) => t.name === `${layer}/kernel`)!;
  const [size, , ins, outs] = kernel.shape;
  const maxAbs = Math.max(...kernel.data.map(Math.abs));
  const pixels = new Uint8ClampedArray(size * size * 4);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = kernel.data[((r * size + c) * ins + inCh) * outs + out];
      pixels.set([...colorOf('diverging', v, -maxAbs, maxAbs), 255], (r * size + c) * 4);
    }
  }
  return pixels;
}

describe('the kernel view', () => {
  it('shows 16 conv1 kernels and 32 × 16 conv2 kernels', () => {
    localStorage.setItem('digit-lab.lang', 'en');
    render(view(value(weights[0], [])));
    expect(screen.getAllByRole('img', { name: /^conv1 kernel \d+$/ })).toHaveLength(16);
    expect(
      screen.getAllByRole('img', { name: /^conv2 kernel \d+ from channel \d+$/ }),
    ).toHaveLength(512);
    expect(screen.getByText(/Snapshots appear here/)).toBeTruthy();
    // The conv2 mosaic is labelled: a header row of input channels 0–15, then each output map's
    // row, its number first, its 16 kernels in channel order below the header's labels.
    const cells = Array.from(screen.getByTestId('conv2-mosaic').children);
    expect(cells).toHaveLength(17 * 33);
    expect(cells.slice(1, 17).map((c) => c.textContent)).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i)),
    );
    const row5 = cells.slice(17 * 6, 17 * 7);
    expect(row5[0].textContent).toBe('5');
    expect(row5.slice(1).map((c) => c.getAttribute('aria-label'))).toEqual(
      Array.from({ length: 16 }, (_, i) => `conv2 kernel 5 from channel ${i}`),
    );
    // Each canvas is painted with its own kernel's weights.
    for (let o = 0; o < 16; o++) {
      expect(pixelsOf(`conv1 kernel ${o}`)).toEqual(expectedPixels(weights[0], 'conv1', o, 0));
    }
    for (const [o, i] of [
      [0, 0],
      [3, 5],
      [31, 15],
    ]) {
      expect(pixelsOf(`conv2 kernel ${o} from channel ${i}`)).toEqual(
        expectedPixels(weights[0], 'conv2', o, i),
      );
    }
  });

  it('scrubs through epoch snapshots and follows live weights', () => {
    localStorage.setItem('digit-lab.lang', 'en');
    const maxAbs = (w: WeightSnapshot) =>
      Math.max(...w.find((t) => t.name === 'conv1/kernel')!.data.map(Math.abs)).toFixed(3);
    const { rerender } = render(view(value(weights[2], [weights[0], weights[1]])));
    const slider = screen.getByRole('slider', { name: /Weights from/ });
    expect(screen.getByRole('status').textContent).toBe('now (live)');
    expect(legendMax('conv1')).toBe(maxAbs(weights[2]));
    expect(pixelsOf('conv1 kernel 7')).toEqual(expectedPixels(weights[2], 'conv1', 7, 0));
    fireEvent.change(slider, { target: { value: '0' } });
    expect(screen.getByRole('status').textContent).toBe('the end of epoch 1');
    expect(legendMax('conv1')).toBe(maxAbs(weights[0]));
    expect(pixelsOf('conv1 kernel 7')).toEqual(expectedPixels(weights[0], 'conv1', 7, 0));
    fireEvent.change(slider, { target: { value: '2' } });
    expect(screen.getByRole('status').textContent).toBe('now (live)');
    // New live weights (training progress) show up at once.
    rerender(view(value(weights[1], [weights[0], weights[1]], 1)));
    expect(legendMax('conv1')).toBe(maxAbs(weights[1]));
    expect(pixelsOf('conv1 kernel 7')).toEqual(expectedPixels(weights[1], 'conv1', 7, 0));
    // New weights repaint even when the colour scale stays put (same largest |weight|).
    const flipped = weights[1].map((t) =>
      t.name === 'conv1/kernel' ? { ...t, data: t.data.map((v) => -v) } : t,
    );
    rerender(view(value(flipped, [weights[0], weights[1]], 2)));
    expect(legendMax('conv1')).toBe(maxAbs(weights[1]));
    expect(pixelsOf('conv1 kernel 7')).toEqual(expectedPixels(flipped, 'conv1', 7, 0));
  });
});
