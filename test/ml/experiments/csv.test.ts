import { expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../../src/ml/config';
import { csvCell, stepRows, stepsCsv, toCsv } from '../../../src/ml/experiments/csv';
import { runsCsv, settingsLink } from '../../../src/ml/experiments/runs-csv';
import { parseConfigQuery, validateDraft } from '../../../src/ml/config-query';
import type { TrainingHistory } from '../../../src/ml/history';
import type { RunMeta } from '../../../src/ml/storage/runs';

// Two epochs of three steps; the subset check at each epoch's first step, the full one at its end.
const history: TrainingHistory = {
  config: { ...TUTORIAL_CONFIG, epochs: 2 },
  loss: [0, 1, 2, 3, 4, 5].map((step) => ({ step, loss: 2 - step / 10, seconds: (step + 1) / 4 })),
  accuracy: [
    { step: 0, epoch: 0, accuracy: 0.1, scope: 'subset' },
    { step: 2, epoch: 0, accuracy: 0.5, scope: 'full' },
    { step: 3, epoch: 1, accuracy: 0.6, scope: 'subset' },
    { step: 5, epoch: 1, accuracy: 0.7, scope: 'full' },
  ],
  log: [],
  stepsDone: 6,
  epochsDone: 2,
};

it('quotes only the cells that need it, as RFC 4180 says', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell('Dec 6, 2026')).toBe('"Dec 6, 2026"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell(null)).toBe('');
  expect(csvCell(0.5)).toBe('0.5');
  expect(
    toCsv([
      ['a', 1],
      [null, 'b,c'],
    ]),
  ).toBe('a,1\r\n,"b,c"\r\n');
});

it('writes one row per step with its epoch, loss, accuracies where measured and seconds', () => {
  expect(stepRows(history)).toEqual([
    [0, 0, 2, 0.1, null, 0.25],
    [1, 0, 1.9, null, null, 0.5],
    [2, 0, 1.8, null, 0.5, 0.75],
    [3, 1, 1.7, 0.6, null, 1],
    [4, 1, 1.6, null, null, 1.25],
    [5, 1, 1.5, null, 0.7, 1.5],
  ]);
  const lines = stepsCsv(history).trimEnd().split('\r\n');
  expect(lines[0]).toBe('step,epoch,loss,subset_accuracy,test_accuracy,seconds');
  expect(lines).toHaveLength(1 + 6);
  expect(lines[3]).toBe('2,0,1.8,,0.5,0.75');
});

it('leaves seconds empty for steps saved before they were recorded', () => {
  const old = { ...history, loss: [{ step: 0, loss: 2 }], accuracy: [] };
  expect(stepRows(old)).toEqual([[0, 0, 2, null, null, null]]);
});

it('writes the run table with a settings link the Train panel reads back', () => {
  const config = { ...TUTORIAL_CONFIG, activation: 'sigmoid' as const, epochs: 1 };
  const link = settingsLink(config);
  expect(link).toBe('#/train?epochs=1&batch=50&lr=0.001&opt=adam&act=sigmoid&init=pytorch&seed=1');
  expect(validateDraft(parseConfigQuery(link.split('?')[1]))).toEqual({ ok: true, config });
  const run = {
    id: '1-a',
    startedAt: Date.UTC(2026, 11, 6),
    status: 'completed',
    modelConfig: { activation: 'sigmoid', seed: 1 },
    trainConfig: config,
    history,
    epochs: 1,
    steps: 1200,
    stats: {
      backend: 'wasm',
      threads: 1,
      seconds: 40.04,
      imagesPerSecond: 1498.6,
      finalAccuracy: 0.9,
      subsetAccuracy: 0.88,
    },
  } as RunMeta;
  const [header, row] = runsCsv([run], () => 'run, the first')
    .trimEnd()
    .split('\r\n');
  expect(header.split(',')).toContain('settings_link');
  expect(row).toBe(
    `1-a,"run, the first",2026-12-06T00:00:00.000Z,completed,sigmoid,adam,0.001,50,1,1200,0.9,0.88,1499,40,wasm,1,${link}`,
  );
});
