import { expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../../src/ml/config';
import { parseExperimentsQuery, presetSpecs } from '../../../src/ml/experiments/presets';
import { runSeries } from '../../../src/ml/experiments/run-series';
import { nextSort, sortRuns } from '../../../src/ml/experiments/sort-runs';
import { emptyHistory } from '../../../src/ml/history';
import { weightsToDrop, type RunMeta } from '../../../src/ml/storage/runs';

it('reads an Experiments link, ignoring what it cannot use', () => {
  expect(parseExperimentsQuery('preset=relu-vs-sigmoid&epochs=2&steps=200')).toEqual({
    preset: 'relu-vs-sigmoid',
    epochs: 2,
    maxSteps: 200,
  });
  expect(parseExperimentsQuery('?preset=nope&epochs=0&steps=-3')).toEqual({
    preset: null,
    epochs: 1,
    maxSteps: null,
  });
  const lrs = presetSpecs('learning-rates').map((s) => s.config);
  expect(lrs.map((c) => c.learningRate)).toEqual([0.01, 0.001, 0.0001]);
  expect(lrs.every((c) => c.optimizer === 'adam' && c.epochs === 1)).toBe(true);
});

const meta = (id: string, startedAt: number, accuracy: number | null, speed: number | null) =>
  ({
    id,
    startedAt,
    savedAt: startedAt,
    history: null,
    stats: {
      backend: null,
      threads: null,
      seconds: null,
      imagesPerSecond: speed,
      finalAccuracy: accuracy,
      subsetAccuracy: null,
    },
  }) as unknown as RunMeta;

it('sorts runs by accuracy, speed or date, runs without a value last', () => {
  const runs = [meta('a', 1, 0.9, 100), meta('b', 2, null, 300), meta('c', 3, 0.95, null)];
  const ids = (rs: RunMeta[]) => rs.map((r) => r.id);
  expect(ids(sortRuns(runs, { key: 'accuracy', direction: 'descending' }))).toEqual([
    'c',
    'a',
    'b',
  ]);
  expect(ids(sortRuns(runs, { key: 'accuracy', direction: 'ascending' }))).toEqual(['a', 'c', 'b']);
  expect(ids(sortRuns(runs, { key: 'speed', direction: 'descending' }))).toEqual(['b', 'a', 'c']);
  expect(ids(sortRuns(runs, { key: 'date', direction: 'descending' }))).toEqual(['c', 'b', 'a']);
  const once = nextSort({ key: 'date', direction: 'descending' }, 'accuracy');
  expect(once).toEqual({ key: 'accuracy', direction: 'descending' });
  expect(nextSort(once, 'accuracy').direction).toBe('ascending');
});

it('lets the weights of the oldest runs go, keeping those held by a tab', () => {
  const runs = [meta('a', 1, null, null), meta('b', 2, null, null), meta('c', 3, null, null)];
  runs[0].weightsKey = null; // already let go
  expect(weightsToDrop(runs, 1, new Set())).toEqual(['b']);
  expect(weightsToDrop(runs, 1, new Set(['b']))).toEqual([]);
});

it('puts each run on a step, epoch or seconds axis', () => {
  const h = { ...emptyHistory({ ...TUTORIAL_CONFIG, batchSize: 30_000 }), stepsDone: 4 };
  h.loss = [0, 1, 2, 3].map((step) => ({ step, loss: 1, seconds: step + 0.5 }));
  h.accuracy = [{ step: 2, epoch: 1, accuracy: 0.5, scope: 'subset' }];
  expect(runSeries(h, 'step').loss.map((p) => p.x)).toEqual([0, 1, 2, 3]);
  expect(runSeries(h, 'epoch').loss.map((p) => p.x)).toEqual([0.5, 1, 1.5, 2]); // 2 steps an epoch
  expect(runSeries(h, 'seconds').accuracy).toEqual([{ x: 2.5, y: 0.5 }]);
  // Points saved before seconds were recorded have no place on the seconds axis.
  h.loss = [{ step: 0, loss: 1 }];
  expect(runSeries(h, 'seconds').loss).toEqual([]);
});
