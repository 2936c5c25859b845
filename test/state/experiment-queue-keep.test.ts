import { expect, it } from 'vitest';
import { presetSpecs } from '../../src/ml/experiments/presets';
import {
  EMPTY_QUEUE,
  nextToLaunch,
  queueReducer,
  type QueueAction,
  type QueueState,
} from '../../src/state/experiment-queue-state';
import {
  MAX_KEPT_ITEMS,
  keptQueue,
  restoredQueue,
  wasInterrupted,
} from '../../src/state/experiment-queue-keep';

const run = (state: QueueState, ...actions: QueueAction[]) => actions.reduce(queueReducer, state);
const filled = run(EMPTY_QUEUE, { type: 'fill', specs: presetSpecs('optimizers', 2, 40) });
const [a, b] = filled.items;
const midway = run(
  filled,
  { type: 'start' },
  { type: 'launched', key: a.key },
  { type: 'run-id', key: a.key, runId: 'r1' },
  { type: 'ended', reason: 'completed' },
  { type: 'launched', key: b.key },
  { type: 'run-id', key: b.key, runId: 'r2' },
);

it('brings a queue back after a reload: idle, the training run marked interrupted', () => {
  expect(midway.phase).toBe('running');
  const back = restoredQueue(keptQueue(midway));
  expect(back.phase).toBe('idle');
  expect(back.items.map((i) => i.status)).toEqual(['done', 'interrupted', 'waiting']);
  expect(back.items.map((i) => i.spec)).toEqual(midway.items.map((i) => i.spec));
  expect(back.items.map((i) => i.runId)).toEqual(['r1', 'r2', null]);
  expect(back.items[0].end).toBe('completed');
  expect(wasInterrupted(back)).toBe(true);
  expect(nextToLaunch(back)).toBeNull(); // nothing trains until the user presses Start
  const again = run(back, { type: 'start' });
  expect(nextToLaunch(again)?.key).toBe(midway.items[2].key);
  // Runs added after the reload get keys of their own.
  const added = run(back, { type: 'add', spec: presetSpecs('learning-rates')[0] });
  expect(new Set(added.items.map((i) => i.key)).size).toBe(4);
});

it('an idle queue comes back as it was', () => {
  const back = restoredQueue(keptQueue(filled));
  expect(back).toEqual(filled);
  expect(wasInterrupted(back)).toBe(false);
});

it('gives the empty queue for anything it cannot read', () => {
  for (const text of [null, '', '{', 'null', '[]', '{"version":2,"items":[]}', '{"version":1}'])
    expect(restoredQueue(text)).toEqual(EMPTY_QUEUE);
});

it('leaves out runs whose settings are out of range or unknown, and keeps the rest', () => {
  const kept = JSON.parse(keptQueue(filled)) as { items: Record<string, unknown>[] };
  const good = kept.items[0];
  const bad = (change: (x: { spec: { config: Record<string, unknown> } } & object) => void) => {
    const copy = structuredClone(good) as { spec: { config: Record<string, unknown> } };
    change(copy);
    return copy;
  };
  const items = [
    good,
    bad((x) => (x.spec.config.learningRate = 1e9)),
    bad((x) => (x.spec.config.activation = '<img onerror=alert(1)>')),
    bad((x) => (x.spec.config.epochs = 1.5)),
    bad((x) => ((x.spec as Record<string, unknown>).maxSteps = -3)),
    bad((x) => ((x as Record<string, unknown>).status = 'hacked')),
    bad((x) => ((x as Record<string, unknown>).key = 'one')),
    { ...good }, // the same key twice
    42,
  ];
  const back = restoredQueue(JSON.stringify({ ...kept, items }));
  expect(back.items).toHaveLength(1);
  expect(back.items[0]).toEqual(filled.items[0]);
});

it('keeps at most MAX_KEPT_ITEMS runs', () => {
  let long = EMPTY_QUEUE;
  const spec = presetSpecs('relu-vs-sigmoid')[0];
  for (let n = 0; n < MAX_KEPT_ITEMS + 5; n++) long = run(long, { type: 'add', spec });
  const back = restoredQueue(keptQueue(long));
  expect(back.items).toHaveLength(MAX_KEPT_ITEMS);
  expect(back.nextKey).toBe(long.nextKey);
});
