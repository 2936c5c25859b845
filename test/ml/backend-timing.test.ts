import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { fasterBackend, shouldTimeBackends, timeTrainingStep } from '../../src/ml/backend-timing';

describe('measured backend choice', () => {
  it('trains on the backend with the shorter step', () => {
    expect(fasterBackend({ webgl: 12.5, wasm: 18 })).toBe('webgl');
    expect(fasterBackend({ webgl: 40, wasm: 18 })).toBe('wasm');
  });

  it('gives a tie to WebGL, which leaves the CPU to the page', () => {
    expect(fasterBackend({ webgl: 18, wasm: 18 })).toBe('webgl');
  });

  it('takes the one that ran when the other failed, and WASM when neither did', () => {
    expect(fasterBackend({ webgl: null, wasm: 30 })).toBe('wasm');
    expect(fasterBackend({ webgl: 900, wasm: null })).toBe('webgl');
    expect(fasterBackend({ webgl: null, wasm: null })).toBe('wasm');
  });

  it('times only for auto, and only where WebGL is a real GPU', () => {
    const gpu = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)';
    expect(shouldTimeBackends(true, gpu, false)).toBe(true);
    expect(shouldTimeBackends(false, gpu, false)).toBe(false);
    expect(shouldTimeBackends(true, 'ANGLE (Google, SwiftShader Device)', true)).toBe(false);
    expect(shouldTimeBackends(true, null, false)).toBe(false);
  });

  it('times real training steps and frees what it made', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const ms = await timeTrainingStep(2, 1, 0);
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
