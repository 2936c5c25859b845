import { describe, expect, it } from 'vitest';
import { parseIdxImages, parseIdxLabels } from '../../../src/ml/mnist/idx';
import { writeIdxImages, writeIdxLabels } from '../../../src/ml/mnist/idx-write';
import { makeIdxImages, makeIdxLabels } from '../../fixtures/idx';

describe('IDX writer', () => {
  it('writes image files byte for byte as MNIST lays them out, and reads back', () => {
    const reference = makeIdxImages(3, 28, 28);
    const written = writeIdxImages(reference.subarray(16), 28, 28);
    expect(Array.from(written)).toEqual(Array.from(reference));
    const parsed = parseIdxImages(written);
    expect(parsed).toMatchObject({ count: 3, rows: 28, cols: 28 });
  });

  it('writes label files byte for byte, and reads back', () => {
    const labels = [7, 0, 9, 3];
    const written = writeIdxLabels(Uint8Array.from(labels));
    expect(Array.from(written)).toEqual(Array.from(makeIdxLabels(labels)));
    expect(Array.from(parseIdxLabels(written))).toEqual(labels);
  });

  it('writes an empty set, and refuses pixels that are not whole images', () => {
    expect(parseIdxImages(writeIdxImages(new Uint8Array(0), 28, 28)).count).toBe(0);
    expect(() => writeIdxImages(new Uint8Array(785), 28, 28)).toThrow(/whole 28×28 images/);
  });
});
