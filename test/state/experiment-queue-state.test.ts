import { expect, it } from 'vitest';
import { presetSpecs } from '../../src/ml/experiments/presets';
import {
  EMPTY_QUEUE,
  nextToLaunch,
  queueReducer,
  runOutcome,
  type QueueAction,
  type QueueState,
} from '../../src/state/experiment-queue-state';
import {
  INITIAL_TRAINER_STATE,
  trainerReducer,
  type TrainerAction,
  type TrainerState,
} from '../../src/state/trainer-state';

const run = (state: QueueState, ...actions: QueueAction[]) => actions.reduce(queueReducer, state);
const statuses = (s: QueueState) => s.items.map((i) => i.status);
const filled = run(EMPTY_QUEUE, { type: 'fill', specs: presetSpecs('relu-vs-sigmoid', 1, 50) });

it('fills from a preset and starts nothing until Start', () => {
  expect(filled.items.map((i) => i.spec.config.activation)).toEqual(['relu', 'sigmoid']);
  expect(filled.items.map((i) => i.spec.maxSteps)).toEqual([50, 50]);
  expect(filled.phase).toBe('idle');
  expect(nextToLaunch(filled)).toBeNull();
  expect(run(EMPTY_QUEUE, { type: 'start' }).phase).toBe('idle'); // nothing to run
});

it('runs the waiting runs one after the other, then goes idle', () => {
  let s = run(filled, { type: 'start' });
  const first = nextToLaunch(s)!;
  expect(first.key).toBe(filled.items[0].key);
  s = run(s, { type: 'launched', key: first.key }, { type: 'run-id', key: first.key, runId: 'r1' });
  expect(nextToLaunch(s)).toBeNull(); // one at a time
  expect(statuses(s)).toEqual(['running', 'waiting']);
  s = run(s, { type: 'ended', reason: 'completed' });
  expect(statuses(s)).toEqual(['done', 'waiting']);
  expect(s.items[0]).toMatchObject({ runId: 'r1', end: 'completed' });
  const second = nextToLaunch(s)!;
  expect(second.key).toBe(filled.items[1].key);
  s = run(s, { type: 'launched', key: second.key }, { type: 'ended', reason: 'stopped' });
  expect(statuses(s)).toEqual(['done', 'done']);
  expect(s.phase).toBe('idle');
  expect(nextToLaunch(s)).toBeNull();
});

it('stops after the running run and cancels the rest', () => {
  let s = run(filled, { type: 'start' }, { type: 'launched', key: filled.items[0].key });
  s = run(s, { type: 'stop' });
  expect(s.phase).toBe('stopping');
  expect(nextToLaunch(s)).toBeNull();
  s = run(s, { type: 'ended', reason: 'stopped' });
  expect(statuses(s)).toEqual(['done', 'cancelled']);
  expect(s.phase).toBe('idle');
  // Stop before any run started: idle at once.
  const early = run(filled, { type: 'start' }, { type: 'stop' });
  expect(early.phase).toBe('idle');
  expect(statuses(early)).toEqual(['cancelled', 'cancelled']);
});

it('marks a refused run failed and goes on with the next', () => {
  let s = run(filled, { type: 'start' }, { type: 'launched', key: filled.items[0].key });
  s = run(s, { type: 'failed', message: 'MNIST is still loading' });
  expect(statuses(s)).toEqual(['failed', 'waiting']);
  expect(s.items[0].message).toBe('MNIST is still loading');
  expect(nextToLaunch(s)?.key).toBe(filled.items[1].key);
});

it('edits and removes only what is not running, and never refills a running queue', () => {
  let s = run(filled, { type: 'start' }, { type: 'launched', key: filled.items[0].key });
  const [a, b] = s.items;
  const spec = { ...b.spec, maxSteps: 7 };
  s = run(s, { type: 'edit', key: a.key, spec }, { type: 'edit', key: b.key, spec });
  expect(s.items.map((i) => i.spec.maxSteps)).toEqual([50, 7]);
  s = run(s, { type: 'remove', key: a.key });
  expect(s.items).toHaveLength(2);
  expect(run(s, { type: 'fill', specs: presetSpecs('optimizers') })).toBe(s);
  s = run(s, { type: 'remove', key: b.key }, { type: 'ended', reason: 'completed' });
  expect(statuses(s)).toEqual(['done']);
  expect(s.phase).toBe('idle');
  // A new fill keeps the finished runs and replaces only the waiting ones; Clear forgets finished.
  s = run(s, { type: 'fill', specs: presetSpecs('learning-rates') });
  expect(statuses(s)).toEqual(['done', 'waiting', 'waiting', 'waiting']);
  expect(new Set(s.items.map((i) => i.key)).size).toBe(4);
  expect(statuses(run(s, { type: 'clear' }))).toEqual(['waiting', 'waiting', 'waiting']);
});

it('tells a run that ended, a refusal while it trains, and a failed step apart, as the worker says them', () => {
  const trainer = (state: TrainerState, ...actions: TrainerAction[]) =>
    actions.reduce(trainerReducer, state);
  const launch = INITIAL_TRAINER_STATE;
  const training = trainer(launch, { type: 'phase', phase: 'training', numTensors: 9 });
  expect(runOutcome(launch, training)).toBeNull();
  // A second Train refused while this run goes on: the run is not over.
  const busy = trainer(training, { type: 'error', code: 'busy', message: 'a run is in progress' });
  expect(runOutcome(launch, busy)).toBeNull();
  // A step fails: its weights come first, then the error that ends the run, before the phase.
  const failed = trainer(training, {
    type: 'error',
    code: 'other',
    message: 'Error: helper thread failed',
    keptSteps: 5,
  });
  expect(runOutcome(launch, failed)).toEqual({
    type: 'failed',
    message: 'Error: helper thread failed',
  });
  const after = trainer(failed, { type: 'phase', phase: 'finished', numTensors: 9 });
  expect(runOutcome(launch, after)).toEqual({
    type: 'failed',
    message: 'Error: helper thread failed',
  });
  // A run that stops ends, as stopped.
  const stopped = trainer(training, {
    type: 'finished',
    reason: 'stopped',
    step: null,
    loss: null,
    numTensors: 9,
  });
  expect(runOutcome(launch, stopped)).toEqual({ type: 'ended', reason: 'stopped' });
  // An error already there at launch is not this run's.
  expect(
    runOutcome(failed, trainer(failed, { type: 'phase', phase: 'finished', numTensors: 9 })),
  ).toBeNull();
});
