import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdxFormatError, parseIdxImages, parseIdxLabels } from '../../../src/ml/mnist/idx';
import { mnistDataDir } from '../../../scripts/vite-plugin-mnist';
import { makeIdxImages, makeIdxLabels } from '../../fixtures/idx';

describe('parseIdxImages', () => {
  it('reads count, size and pixels from the header', () => {
    const parsed = parseIdxImages(makeIdxImages(3, 28, 28));
    expect(parsed).toMatchObject({ count: 3, rows: 28, cols: 28 });
    expect(parsed.pixels.length).toBe(3 * 784);
    expect(parsed.pixels[784 + 5]).toBe((7 + 5) % 256);
  });

  it('rejects a label file with the expected magic number in the message', () => {
    expect(() => parseIdxImages(makeIdxLabels([1, 2]))).toThrow(
      /expected IDX magic number 2051, found 2049/,
    );
  });

  it('rejects a truncated file and says how many bytes were expected', () => {
    const bytes = makeIdxImages(2).subarray(0, 16 + 784 + 100);
    expect(() => parseIdxImages(bytes, 'x')).toThrow(
      /x: truncated — expected 1584 bytes \(header \+ 2 images of 28×28\), got 900/,
    );
  });

  it('rejects trailing bytes, a short header and zero-sized images', () => {
    const long = new Uint8Array(16 + 784 + 1);
    long.set(makeIdxImages(1));
    expect(() => parseIdxImages(long)).toThrow(/trailing bytes/);
    expect(() => parseIdxImages(makeIdxImages(1).subarray(0, 10))).toThrow(
      /expected an IDX header of 16 bytes/,
    );
    expect(() => parseIdxImages(makeIdxImages(0, 0, 28))).toThrow(IdxFormatError);
  });
});

describe('parseIdxLabels', () => {
  it('reads the labels', () => {
    expect(Array.from(parseIdxLabels(makeIdxLabels([5, 0, 4, 1, 9])))).toEqual([5, 0, 4, 1, 9]);
  });

  it('rejects wrong magic, truncation and labels above 9', () => {
    expect(() => parseIdxLabels(makeIdxImages(1))).toThrow(
      /expected IDX magic number 2049, found 2051/,
    );
    expect(() => parseIdxLabels(makeIdxLabels([1, 2, 3]).subarray(0, 10))).toThrow(
      /truncated — expected 11 bytes/,
    );
    expect(() => parseIdxLabels(makeIdxLabels([1, 12]))).toThrow(
      /expected digits 0–9, label 1 is 12/,
    );
  });
});

describe('the real MNIST files', () => {
  const read = (name: string) => new Uint8Array(readFileSync(`${mnistDataDir()}/${name}`));

  it('hold 60,000 training and 10,000 test images of 28×28 with matching labels', () => {
    const train = parseIdxImages(read('train-images-idx3-ubyte'));
    const trainLabels = parseIdxLabels(read('train-labels-idx1-ubyte'));
    const test = parseIdxImages(read('t10k-images-idx3-ubyte'));
    const testLabels = parseIdxLabels(read('t10k-labels-idx1-ubyte'));
    expect([train.count, train.rows, train.cols, trainLabels.length]).toEqual([
      60000, 28, 28, 60000,
    ]);
    expect([test.count, testLabels.length]).toEqual([10000, 10000]);
    // The well-known first labels of each split.
    expect(Array.from(trainLabels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
    expect(Array.from(testLabels.subarray(0, 3))).toEqual([7, 2, 1]);
  });
});
