import * as tf from '@tensorflow/tfjs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_TORCH_FILE_BYTES } from '../../../src/ml/torch/archive';
import { parseTorchFile } from '../../../src/ml/torch/import';
import { oihwToHwio, TORCH_PARAMS } from '../../../src/ml/torch/layout';
import { createModel } from '../../../src/ml/model';
import { readWeights, writeWeights } from '../../../src/ml/weights';
import { torchStateDictFile } from '../../../src/ml/torch/export';
import { fixture, problemOf } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const open = (name: string) => parseTorchFile(fixture(name), name);

describe('opening PyTorch files made by torch.save', () => {
  it('reads the tutorial state_dict in the zip format, in createModel order and shapes', () => {
    const parsed = open('cnn2.pkl');
    expect(parsed.torch).toEqual({
      format: 'zip',
      kind: 'state_dict',
      converted: [],
      prefix: null,
      activationFound: false,
    });
    expect(parsed.config.activation).toBe('relu');
    const model = createModel(parsed.config);
    expect(parsed.weights.map((w) => [w.name, w.shape])).toEqual(
      model.weights.map((w) => [w.originalName, w.shape]),
    );
    writeWeights(model, parsed.weights); // throws on any name or shape mismatch
    model.dispose();
  });

  it('gets the very same weights from the legacy format, a whole module, DataParallel keys and float64', () => {
    const base = open('cnn2.pkl').weights;
    const cases = [
      ['cnn2-legacy.pkl', { format: 'legacy', kind: 'state_dict', prefix: null, converted: [] }],
      ['cnn2-module.pkl', { format: 'zip', kind: 'module', prefix: null, activationFound: true }],
      ['cnn2-dataparallel.pkl', { prefix: 'module.', kind: 'state_dict' }],
      ['cnn2-float64.pkl', { converted: ['float64'] }],
    ] as const;
    for (const [name, facts] of cases) {
      const parsed = open(name);
      expect(parsed.torch, name).toMatchObject(facts);
      parsed.weights.forEach((w, i) => expect(w.data, `${name} ${w.name}`).toEqual(base[i].data));
    }
  });

  it('converts float16 to float32 within half precision, and finds a pickled module’s sigmoid', () => {
    const base = open('cnn2.pkl').weights;
    const half = open('cnn2-float16.pkl');
    expect(half.torch.converted).toEqual(['float16']);
    half.weights.forEach((w, i) =>
      w.data.forEach((v, j) => {
        const ref = base[i].data[j];
        expect(Math.abs(v - ref)).toBeLessThanOrEqual(Math.max(Math.abs(ref) * 2 ** -11, 2 ** -25));
      }),
    );
    const sigmoid = open('module-sigmoid-float16.pkl');
    expect(sigmoid.config.activation).toBe('sigmoid');
    expect(sigmoid.torch).toMatchObject({ kind: 'module', activationFound: true });
  });
});

describe('layout: PyTorch channels-first to the app’s channels-last', () => {
  it('maps OIHW kernels and the C,H,W-flattened linear weights as tf.transpose does', () => {
    for (const p of TORCH_PARAMS.filter((x) => x.oihw)) {
      const n = p.torchShape.reduce((a, b) => a * b, 1);
      const src = Float32Array.from({ length: n }, (_, i) => i);
      const ref = tf.tidy(() =>
        tf.tensor(src, p.oihw!).transpose([2, 3, 1, 0]).reshape(p.shape).dataSync(),
      );
      expect(oihwToHwio(src, p.oihw!)).toEqual(ref);
    }
  });
});

describe('refusing bad PyTorch files with the reason', () => {
  it('refuses forbidden globals by name, before anything is built', () => {
    expect(problemOf(() => open('bad-os-system.pkl'))).toEqual({
      code: 'torchForbidden',
      params: { name: 'posix.system' },
    });
    expect(problemOf(() => open('bad-eval.pkl'))).toEqual({
      code: 'torchForbidden',
      params: { name: 'builtins.eval' },
    });
  });

  it('lists missing and unexpected keys', () => {
    expect(problemOf(() => open('bad-missing-keys.pkl'))).toEqual({
      code: 'torchKeys',
      params: { missing: 'conv2.0.weight, conv2.0.bias, out.weight, out.bias', extra: '—' },
    });
    expect(problemOf(() => open('bad-extra-keys.pkl'))).toEqual({
      code: 'torchKeys',
      params: { missing: '—', extra: 'fc2.weight' },
    });
  });

  it('names a wrong shape and an unsupported element type', () => {
    expect(problemOf(() => open('bad-kernel-3x3.pkl'))).toEqual({
      code: 'torchShape',
      params: { key: 'conv1.0.weight', shape: '[16, 1, 3, 3]', expected: '[16, 1, 5, 5]' },
    });
    expect(problemOf(() => open('bad-int8.pkl'))).toEqual({
      code: 'torchDtype',
      params: { key: 'conv1.0.weight', dtype: 'int8' },
    });
  });

  it('refuses finite weights so large that a prediction would overflow', () => {
    const model = createModel({ activation: 'relu', seed: 1 });
    const huge = readWeights(model).map((w) => ({ ...w, data: w.data.map(() => 3e38) }));
    model.dispose();
    const file = torchStateDictFile(huge);
    expect(problemOf(() => parseTorchFile(file, 'huge.pkl'))).toEqual({
      code: 'overflows',
      params: {},
    });
  });

  it('refuses 1 GiB claims in small files before allocating', () => {
    expect(problemOf(() => open('bad-1gb-zip.pkl'))).toEqual({
      code: 'torchClaim',
      params: { what: 'bad-1gb-zip/data/0', claimed: 2 ** 30, available: 823 },
    });
    const legacy = problemOf(() => open('bad-1gb-legacy.pkl'));
    expect(legacy).toMatchObject({ code: 'torchClaim', params: { claimed: 2 ** 30 } });
    // A zip bomb: three deflated entries of 4 MiB of zeros, a few KB on disk.
    const zeros = new Uint8Array(4 * 2 ** 20);
    const bomb = zipSync({ 'a/data.pkl': zeros, 'a/data/0': zeros, 'a/data/1': zeros });
    expect(bomb.length).toBeLessThan(50_000);
    expect(problemOf(() => parseTorchFile(bomb, 'bomb.pkl'))).toMatchObject({
      code: 'torchClaim',
      params: { what: 'the zip entries together', claimed: 3 * 4 * 2 ** 20 },
    });
  });

  it('says an empty, truncated, oversized or foreign file is not a model it can open', () => {
    const good = fixture('cnn2.pkl');
    const legacy = fixture('cnn2-legacy.pkl');
    expect(problemOf(() => parseTorchFile(new Uint8Array(0), 'e.pkl'))).toEqual({
      code: 'torchEmpty',
      params: { file: 'e.pkl' },
    });
    for (const cut of [100, good.length / 2, good.length - 10]) {
      const p = problemOf(() => parseTorchFile(good.subarray(0, cut), 'cut.pkl'));
      expect(p.code).toBe('torchDamaged');
      expect(p.params).toMatchObject({ reason: expect.stringMatching(/zip archive/) });
    }
    for (const cut of [30, 500, legacy.length - 10]) {
      expect(problemOf(() => parseTorchFile(legacy.subarray(0, cut), 'cut.pkl')).code).toMatch(
        /torchDamaged|torchClaim/,
      );
    }
    const big = new Uint8Array(MAX_TORCH_FILE_BYTES + 1);
    big.set(good.subarray(0, 4));
    expect(problemOf(() => parseTorchFile(big, 'big.pkl')).code).toBe('torchTooLarge');
    const json = new TextEncoder().encode('{"format": "layers-model"}');
    expect(problemOf(() => parseTorchFile(json, 'model.json'))).toEqual({
      code: 'torchNotRecognised',
      params: { file: 'model.json' },
    });
  });
});
