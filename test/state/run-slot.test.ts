import { expect, it } from 'vitest';
import { newRunIdentity, runsToPrune, type RunMeta } from '../../src/ml/storage/runs';
import { nextSlot } from '../../src/state/run-slot';

it('gives each run from scratch and each upload a record of its own', () => {
  const a = nextSlot(null, { type: 'train' })!;
  const b = nextSlot(a, { type: 'train' })!;
  expect(a.origin).toBe('train');
  expect(b.id).not.toBe(a.id);
  expect(nextSlot(b, { type: 'upload' })!.origin).toBe('upload');
});

it('continues in the same record while the model is still its own, else in a new one', () => {
  const a = nextSlot(null, { type: 'train' })!;
  expect(nextSlot(a, { type: 'continue', parentId: null })).toBe(a);
  // Loading, restoring or resetting replaces the model: the record is no longer the tab's.
  const replaced = nextSlot(a, { type: 'replace' });
  expect(replaced).toBeNull();
  const c = nextSlot(replaced, { type: 'continue', parentId: a.id })!;
  expect(c).toMatchObject({ origin: 'continue', parentId: a.id });
  expect(c.id).not.toBe(a.id);
});

it('prunes the oldest runs beyond the kept number, sparing runs some tab holds', () => {
  const run = (id: string, savedAt: number): RunMeta =>
    ({ ...newRunIdentity('train', null, savedAt), id, savedAt }) as RunMeta;
  const runs = [run('a', 1), run('b', 2), run('c', 3), run('d', 4)];
  expect(runsToPrune(runs, 2, new Set())).toEqual(['b', 'a']);
  // 'a' is open in another tab: it stays, beside the two newest.
  expect(runsToPrune(runs, 2, new Set(['a']))).toEqual(['b']);
  expect(runsToPrune(runs, 2, new Set(['d']))).toEqual(['b', 'a']);
  expect(runsToPrune(runs, 5, new Set())).toEqual([]);
});

it('fine-tunes in a record of its own, naming the tab run it started from', () => {
  const a = nextSlot(null, { type: 'train' })!;
  const b = nextSlot(a, { type: 'branch', parentId: 'loaded' })!;
  expect(b.id).not.toBe(a.id);
  expect(b).toMatchObject({ origin: 'continue', parentId: a.id });
  expect(nextSlot(null, { type: 'branch', parentId: 'loaded' })).toMatchObject({
    parentId: 'loaded',
  });
});
