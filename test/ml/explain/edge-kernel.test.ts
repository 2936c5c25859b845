import { expect, it } from 'vitest';
import { KERNEL_PRESETS } from '../../../src/ml/conv-lab/kernels';
import { detectsHorizontalEdges, edgeResponse } from '../../../src/ml/explain/edge-kernel';

it('measures step-edge responses by partial sums', () => {
  expect(edgeResponse([-1, -2, -1, 0, 0, 0, 1, 2, 1], 3)).toEqual({
    horizontal: 4,
    vertical: 0,
    flat: 0,
  });
});

it('accepts only the presets that find horizontal edges', () => {
  const found = KERNEL_PRESETS.filter((p) => detectsHorizontalEdges(p.values, p.size)).map(
    (p) => p.id,
  );
  expect(found).toEqual(['sobelY', 'prewittY']);
  // Flipped, it still finds them (bright above instead of below).
  expect(detectsHorizontalEdges([1, 1, 1, 0, 0, 0, -1, -1, -1], 3)).toBe(true);
  expect(detectsHorizontalEdges(new Array(9).fill(0), 3)).toBe(false);
});
