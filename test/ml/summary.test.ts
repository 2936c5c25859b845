import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { createModel } from '../../src/ml/model';
import { pytorchPrint, summarizeModel } from '../../src/ml/summary';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('summarises the real model: C×H×W shapes and 28,938 parameters', () => {
  const model = createModel({ activation: 'relu', seed: 1 });
  const rows = summarizeModel(model);
  expect(rows.map((r) => [r.name, r.shape, r.params])).toEqual([
    ['input', [1, 28, 28], 0],
    ['conv1', [16, 28, 28], 416],
    ['pool1', [16, 14, 14], 0],
    ['conv2', [32, 14, 14], 12_832],
    ['pool2', [32, 7, 7], 0],
    ['flatten', [1568], 0],
    ['out', [10], 15_690],
  ]);
  expect(rows.reduce((s, r) => s + r.params, 0)).toBe(28_938);
  model.dispose();
});

it('prints the network the way PyTorch prints the tutorial CNN', () => {
  const model = createModel({ activation: 'relu', seed: 1 });
  expect(pytorchPrint(model)).toBe(
    [
      'CNN(',
      '  (conv1): Sequential(',
      '    (0): Conv2d(1, 16, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))',
      '    (1): ReLU()',
      '    (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)',
      '  )',
      '  (conv2): Sequential(',
      '    (0): Conv2d(16, 32, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))',
      '    (1): ReLU()',
      '    (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)',
      '  )',
      '  (out): Linear(in_features=1568, out_features=10, bias=True)',
      ')',
    ].join('\n'),
  );
  const sigmoid = createModel({ activation: 'sigmoid', seed: 1 });
  expect(pytorchPrint(sigmoid)).toContain('    (1): Sigmoid()');
  expect(summarizeModel(sigmoid)[1].kind).toBe('Conv2d + Sigmoid');
  model.dispose();
  sigmoid.dispose();
});
