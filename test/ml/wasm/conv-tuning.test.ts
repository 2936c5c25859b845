import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tuneConvolutions } from '../../../src/ml/backend-timing';
import { convChooser } from '../../../src/ml/wasm/fma/conv-choice';
import { setupBackends } from './helpers';

beforeAll(async () => {
  await setupBackends();
  await tf.setBackend('wasm');
  convChooser.reset();
});
afterAll(async () => {
  convChooser.reset();
  await tf.setBackend('cpu');
});

it('tunes every convolution of a training step for a batch size once, then leaves it be', async () => {
  const report = await tuneConvolutions(3);
  expect(report.mode).toBe('auto');
  expect(report.available).toBe(true);
  // conv1 and conv2 forward, conv2's input gradient, both filter gradients (conv1's input
  // gradient is never needed).
  expect(report.choices.map((c) => c.op).sort()).toEqual([
    'conv',
    'conv',
    'filter-grad',
    'filter-grad',
    'input-grad',
  ]);
  expect(report.choices.every((c) => c.shape.startsWith('3x'))).toBe(true);
  expect(convChooser.openTrials()).toBe(0);
  expect(convChooser.tuning).toBe(false);
  const again = await tuneConvolutions(3);
  expect(again.choices).toEqual(report.choices);
});

it('times nothing when the address forces a kernel', async () => {
  convChooser.reset();
  convChooser.mode = 'xnnpack';
  try {
    const report = await tuneConvolutions(3);
    expect(report).toEqual({ mode: 'xnnpack', available: true, fmaThreads: 1, choices: [] });
  } finally {
    convChooser.mode = 'auto';
  }
});
