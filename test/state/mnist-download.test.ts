import { expect, it } from 'vitest';
import { downloadTotals } from '../../src/state/mnist';

const p = (url: string, loaded: number, total: number | null) => ({
  url,
  source: 'network' as const,
  loaded,
  total,
  done: false,
});

it('sums the files and knows the total only once every file has said its size', () => {
  expect(downloadTotals([p('a', 5, 10), p('b', 1, null)], 2)).toEqual({ loaded: 6, total: null });
  expect(downloadTotals([p('a', 5, 10), p('b', 1, 30)], 2)).toEqual({ loaded: 6, total: 40 });
  expect(downloadTotals([p('a', 5, 10)], 2)).toEqual({ loaded: 5, total: null });
});
