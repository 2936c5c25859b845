import { expect, it } from 'vitest';
import { feedsFocus, sourcesOf } from '../../../src/features/network/overview-refs';

it('traces each map to what the tutorial network computes it from', () => {
  expect(sourcesOf({ layer: 'input', index: 0 })).toBeNull();
  expect(sourcesOf({ layer: 'conv1', index: 4 })).toEqual({ layer: 'input', maps: [0] });
  expect(sourcesOf({ layer: 'pool1', index: 4 })).toEqual({ layer: 'conv1', maps: [4] });
  expect(sourcesOf({ layer: 'conv2', index: 9 })).toEqual({ layer: 'pool1', maps: 'all' });
  expect(sourcesOf({ layer: 'pool2', index: 9 })).toEqual({ layer: 'conv2', maps: [9] });
  expect(sourcesOf({ layer: 'class', index: 7 })).toEqual({ layer: 'pool2', maps: 'all' });
});

it('marks only the maps that feed the focused one', () => {
  const pool1 = { layer: 'pool1', index: 3 } as const;
  expect(feedsFocus(pool1, 'conv1', 3)).toBe(true);
  expect(feedsFocus(pool1, 'conv1', 2)).toBe(false);
  expect(feedsFocus(pool1, 'pool1', 3)).toBe(false);
  expect(feedsFocus({ layer: 'conv2', index: 0 }, 'pool1', 15)).toBe(true);
  expect(feedsFocus(null, 'pool1', 0)).toBe(false);
});
