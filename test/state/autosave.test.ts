import { expect, it } from 'vitest';
import {
  AUTOSAVE_EVERY_MS,
  autosaveReason,
  remember,
  statusOf,
  type AutosaveFacts,
  type AutosaveMemory,
} from '../../src/state/autosave';
import type { RunIdentity } from '../../src/ml/storage/runs';

const run: RunIdentity = { id: 'r1', startedAt: 0, origin: 'train', parentId: null };
const facts = (over: Partial<AutosaveFacts> = {}): AutosaveFacts => ({
  epochs: 0,
  steps: 100,
  trained: true,
  finishedRuns: 0,
  running: true,
  slot: run,
  now: 1000,
  ...over,
});
const memory: AutosaveMemory = {
  epochs: 0,
  finishedRuns: 0,
  slotId: 'r1',
  savedSteps: 0,
  savedAt: 0,
};

it('writes at an epoch end, at a run end, and after a while of training', () => {
  expect(autosaveReason(memory, facts())).toBeNull();
  expect(autosaveReason(memory, facts({ epochs: 1 }))).toBe('epoch');
  expect(autosaveReason(memory, facts({ finishedRuns: 1, running: true }))).toBe('end');
  // Mid-epoch: due once AUTOSAVE_EVERY_MS have passed with new steps, while a run goes on.
  const later = facts({ now: AUTOSAVE_EVERY_MS, steps: 300 });
  expect(autosaveReason(memory, later)).toBe('periodic');
  expect(autosaveReason(memory, { ...later, running: false })).toBeNull();
  expect(autosaveReason({ ...memory, savedSteps: 300 }, later)).toBeNull();
  // After a write the clock starts again.
  const after = remember(memory, later, true);
  expect(after).toMatchObject({ savedSteps: 300, savedAt: AUTOSAVE_EVERY_MS });
  expect(autosaveReason(after, facts({ now: AUTOSAVE_EVERY_MS + 1000, steps: 360 }))).toBeNull();
});

it('never writes an untrained model or without a run of its own, and never into a new run early', () => {
  expect(autosaveReason(memory, facts({ epochs: 1, trained: false }))).toBeNull();
  expect(autosaveReason(memory, facts({ epochs: 1, slot: null }))).toBeNull();
  // Train switched the tab to a new run: the old model's weights must not land in it.
  const next: RunIdentity = { ...run, id: 'r2' };
  expect(autosaveReason(memory, facts({ slot: next, epochs: 3 }))).toBeNull();
  const moved = remember(memory, facts({ slot: next, now: 5000 }), false);
  expect(moved).toMatchObject({ slotId: 'r2', savedSteps: 0, savedAt: 5000 });
  // An upload is written at once, into a run of its own.
  expect(autosaveReason(memory, facts({ slot: { ...next, origin: 'upload' } }))).toBe('upload');
});

it('records how the run stood', () => {
  expect(statusOf('end', true, { reason: 'stopped', step: null, loss: null })).toBe('stopped');
  expect(statusOf('end', false, { reason: 'interrupted', step: null, loss: null })).toBe(
    'interrupted',
  );
  expect(statusOf('periodic', true, null)).toBe('training');
  expect(statusOf('upload', false, null)).toBe('idle');
});
