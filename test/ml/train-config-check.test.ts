import { describe, expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../src/ml/config';
import { isTrainConfig } from '../../src/ml/model-metadata';

describe('settings read from uploaded model files', () => {
  it('accept the tutorial settings and refuse anything the settings form would refuse', () => {
    expect(isTrainConfig({ ...TUTORIAL_CONFIG })).toBe(true);
    expect(isTrainConfig({ ...TUTORIAL_CONFIG, epochs: 2.5 })).toBe(false);
    expect(isTrainConfig({ ...TUTORIAL_CONFIG, epochs: 1e9 })).toBe(false);
    expect(isTrainConfig({ ...TUTORIAL_CONFIG, batchSize: 0 })).toBe(false);
    expect(isTrainConfig({ ...TUTORIAL_CONFIG, learningRate: Number.NaN })).toBe(false);
    expect(isTrainConfig({ ...TUTORIAL_CONFIG, seed: -1 })).toBe(false);
    expect(isTrainConfig({ ...TUTORIAL_CONFIG, optimizer: 'lbfgs' })).toBe(false);
    expect(isTrainConfig({ ...TUTORIAL_CONFIG, activation: 'tanh' })).toBe(false);
    expect(isTrainConfig(null)).toBe(false);
  });
});
