// @vitest-environment jsdom
import * as tf from '@tensorflow/tfjs';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, type ModelConfig } from '../../src/ml/model';
import { readWeights, type WeightSnapshot } from '../../src/ml/weights';
import { ModelProvider, useModel } from '../../src/state/model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <ModelProvider>{children}</ModelProvider>
);
function weightsOf(config: ModelConfig): WeightSnapshot {
  const m = createModel(config);
  const w = readWeights(m);
  m.dispose();
  return w;
}
const next = (config: ModelConfig, weights: WeightSnapshot) => ({
  config,
  weights,
  trained: true,
  steps: 10,
  epochs: 0,
});
const firstKernel = (model: tf.LayersModel) =>
  Array.from(model.layers[0].getWeights()[0].dataSync().slice(0, 5));

describe('the model store', () => {
  it('writes new weights into the same inference model before publishing the new version', () => {
    const { result } = renderHook(() => useModel(), { wrapper });
    const before = result.current.inference;
    const relu7 = weightsOf({ activation: 'relu', seed: 7 });
    act(() => result.current.setModel(next({ activation: 'relu', seed: 1 }, relu7)));
    expect(result.current.inference).toBe(before);
    expect(result.current.current.version).toBe(1);
    expect(firstKernel(result.current.inference)).toEqual(Array.from(relu7[0].data.slice(0, 5)));
  });

  it('latest() has a change before it is rendered; current has it after', () => {
    const { result } = renderHook(() => useModel(), { wrapper });
    const shown = result.current;
    const relu7 = weightsOf({ activation: 'relu', seed: 7 });
    let seen: { steps: number; version: number } | null = null;
    act(() => {
      shown.setModel({ ...next({ activation: 'relu', seed: 1 }, relu7), steps: 38 });
      seen = { steps: shown.latest().steps, version: shown.latest().version };
      // Not rendered yet: the value handlers hold still shows the old model.
      expect(shown.current.steps).toBe(0);
    });
    expect(seen).toEqual({ steps: 38, version: 1 });
    expect(result.current.current.steps).toBe(38);
    expect(result.current.latest()).toBe(result.current.current);
  });

  it('rebuilds for another architecture and disposes the old model once the new one is shown', () => {
    const { result } = renderHook(() => useModel(), { wrapper });
    const old = result.current.inference;
    const tensors = tf.memory().numTensors;
    const sigmoid = { activation: 'sigmoid', seed: 3 } as const;
    const weights = weightsOf(sigmoid);
    act(() => result.current.setModel(next(sigmoid, weights)));
    const rebuilt = result.current.inference;
    expect(rebuilt).not.toBe(old);
    expect(result.current.current.config).toEqual(sigmoid);
    expect(firstKernel(rebuilt)).toEqual(Array.from(weights[0].data.slice(0, 5)));
    // The old model's tensors are gone: one model's worth, as before.
    expect(tf.memory().numTensors).toBe(tensors);
    expect(() => old.predict(tf.zeros([1, 28, 28, 1]))).toThrow();
  });

  it('refuses weights that do not fit, changing nothing and leaking nothing', () => {
    const { result } = renderHook(() => useModel(), { wrapper });
    const { inference, current } = result.current;
    const tensors = tf.memory().numTensors;
    const bad = weightsOf({ activation: 'relu', seed: 2 }).slice(0, 3);
    expect(() => result.current.setModel(next({ activation: 'sigmoid', seed: 2 }, bad))).toThrow();
    expect(result.current.inference).toBe(inference);
    expect(result.current.current).toBe(current);
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
