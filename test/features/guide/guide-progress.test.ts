import { expect, it } from 'vitest';
import { parseProgress } from '../../../src/features/guide/guide-progress';

it('reads saved progress, dropping unknown steps and clamping the open step', () => {
  expect(parseProgress(JSON.stringify({ done: ['pooling', 'nope', 'pooling'], step: 99 }))).toEqual(
    {
      done: ['pooling'],
      step: 8,
    },
  );
  expect(parseProgress(JSON.stringify({ done: ['loss'], step: 4 }))).toEqual({
    done: ['loss'],
    step: 4,
  });
});

it('starts afresh on a missing or garbled entry', () => {
  expect(parseProgress(null)).toEqual({ done: [], step: 0 });
  expect(parseProgress('{not json')).toEqual({ done: [], step: 0 });
  expect(parseProgress('{"done":"loss","step":1.5}')).toEqual({ done: [], step: 0 });
});
