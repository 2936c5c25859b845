// @vitest-environment jsdom
import * as tf from '@tensorflow/tfjs';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KernelView } from '../../../src/features/network/kernel-view';
import { ModelContext, type ModelContextValue } from '../../../src/state/model';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { createModel } from '../../../src/ml/model';
import { readWeights, type WeightSnapshot } from '../../../src/ml/weights';

let weights: WeightSnapshot[];
beforeAll(async () => {
  await tf.setBackend('cpu');
  // jsdom has no 2-D canvas; the view only needs getContext to be callable.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  weights = [1, 2, 3].map((seed) => {
    const m = createModel({ activation: 'relu', seed });
    const w = readWeights(m);
    m.dispose();
    return w;
  });
});
afterEach(cleanup);

function value(live: WeightSnapshot, epochs: WeightSnapshot[], version = 0): ModelContextValue {
  return {
    current: {
      config: { activation: 'relu', seed: 1 },
      weights: live,
      trained: true,
      steps: 10,
      epochs: epochs.length,
      version,
    },
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

describe('the kernel view', () => {
  it('shows 16 conv1 kernels and 32 × 16 conv2 kernels', () => {
    localStorage.setItem('digit-lab.lang', 'en');
    render(view(value(weights[0], [])));
    expect(screen.getAllByRole('img', { name: /^conv1 kernel \d+$/ })).toHaveLength(16);
    expect(
      screen.getAllByRole('img', { name: /^conv2 kernel \d+ from channel \d+$/ }),
    ).toHaveLength(512);
    expect(screen.getByText(/Snapshots appear here/)).toBeTruthy();
  });

  it('scrubs through epoch snapshots and follows live weights', () => {
    localStorage.setItem('digit-lab.lang', 'en');
    const maxAbs = (w: WeightSnapshot) =>
      Math.max(...w.find((t) => t.name === 'conv1/kernel')!.data.map(Math.abs)).toFixed(3);
    const { rerender } = render(view(value(weights[2], [weights[0], weights[1]])));
    const slider = screen.getByRole('slider', { name: /Weights from/ });
    expect(screen.getByRole('status').textContent).toBe('now (live)');
    expect(legendMax('conv1')).toBe(maxAbs(weights[2]));
    fireEvent.change(slider, { target: { value: '0' } });
    expect(screen.getByRole('status').textContent).toBe('the end of epoch 1');
    expect(legendMax('conv1')).toBe(maxAbs(weights[0]));
    fireEvent.change(slider, { target: { value: '2' } });
    expect(screen.getByRole('status').textContent).toBe('now (live)');
    // New live weights (training progress) show up at once.
    rerender(view(value(weights[1], [weights[0], weights[1]], 1)));
    expect(legendMax('conv1')).toBe(maxAbs(weights[1]));
  });
});
