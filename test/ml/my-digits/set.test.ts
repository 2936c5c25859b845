import { describe, expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../../src/ml/config';
import { IdxFormatError } from '../../../src/ml/mnist/idx';
import { fineTuneConfig } from '../../../src/ml/my-digits/fine-tune-config';
import { writeIdxImages, writeIdxLabels } from '../../../src/ml/mnist/idx-write';
import { personalReport } from '../../../src/ml/my-digits/report';
import {
  countsByDigit,
  nextPrompt,
  splitFromIdx,
  toBytes,
  toSplit,
  type MyDigit,
} from '../../../src/ml/my-digits/set';
import {
  labelFromPath,
  labelsCsv,
  parseLabelsCsv,
  pngPath,
} from '../../../src/ml/my-digits/zip-names';
import { makeIdxImages, makeIdxLabels } from '../../fixtures/idx';

const digit = (label: number, fill: number): MyDigit => ({
  id: `d${fill}`,
  label,
  pixels: new Uint8Array(784).fill(fill),
  source: 'drawn',
  addedAt: fill,
});
const names: [string, string] = ['images', 'labels'];

describe('the personal set', () => {
  it('turns network inputs into MNIST bytes', () => {
    const final = new Float32Array(784);
    final[0] = 1;
    final[1] = 0.5;
    final[2] = 1.2;
    expect(Array.from(toBytes(final).subarray(0, 4))).toEqual([255, 128, 255, 0]);
    expect(() => toBytes(new Float32Array(10))).toThrow(/784/);
  });

  it('makes a split in order, counts digits and asks for the rarest digit', () => {
    const set = [digit(7, 1), digit(2, 2), digit(7, 3)];
    const split = toSplit(set);
    expect(split.count).toBe(3);
    expect(Array.from(split.labels)).toEqual([7, 2, 7]);
    expect(split.images[784 * 2]).toBe(3);
    const counts = countsByDigit(set);
    expect(counts[7]).toBe(2);
    expect(nextPrompt(counts)).toBe(0);
    expect(nextPrompt([1, 1, 0, 1, 1, 1, 1, 1, 1, 0])).toBe(2);
  });

  it('round-trips through IDX files with the app parser', () => {
    const split = toSplit([digit(4, 9), digit(1, 8)]);
    const back = splitFromIdx(
      writeIdxImages(split.images, 28, 28),
      writeIdxLabels(split.labels),
      names,
    );
    expect(Array.from(back.labels)).toEqual([4, 1]);
    expect(Array.from(back.images)).toEqual(Array.from(split.images));
  });

  it('refuses IDX files that do not belong together or are not MNIST-shaped', () => {
    const images = makeIdxImages(2);
    expect(() => splitFromIdx(images, makeIdxLabels([1]), names)).toThrow(IdxFormatError);
    expect(() => splitFromIdx(images, makeIdxLabels([1]), names)).toThrow(/as many labels/);
    expect(() => splitFromIdx(makeIdxImages(1, 20, 20), makeIdxLabels([1]), names)).toThrow(
      /28×28/,
    );
    expect(() => splitFromIdx(makeIdxLabels([1]), makeIdxLabels([1]), names)).toThrow(/2051/);
    expect(() => splitFromIdx(makeIdxImages(0), makeIdxLabels([]), names)).toThrow(/none/);
  });
});

describe('personalReport', () => {
  it('scores overall and per digit, fills confusion cells, lists the misread', () => {
    const labels = [7, 7, 1, 1, 3];
    const predicted = [7, 1, 1, 1, 8];
    const report = personalReport(predicted, [0.9, 0.6, 0.8, 0.7, 0.99], labels);
    expect(report).toMatchObject({ total: 5, correct: 3, accuracy: 0.6 });
    expect(report.perDigit[7]).toEqual({ digit: 7, total: 2, correct: 1 });
    expect(report.perDigit[3]).toEqual({ digit: 3, total: 1, correct: 0 });
    expect(report.confusion[7][1]).toBe(1);
    expect(report.confusion[3][8]).toBe(1);
    expect(report.wrong.map((w) => [w.index, w.label, w.predicted])).toEqual([
      [1, 7, 1],
      [4, 3, 8],
    ]);
  });
});

describe('zip names', () => {
  it('names PNGs by digit folder and reads the label back from path or CSV', () => {
    const path = pngPath(7, 0);
    expect(path).toBe('7/7-0001.png');
    expect(labelFromPath(path)).toBe(7);
    expect(labelFromPath('mine/3_me.jpg')).toBe(3);
    expect(labelFromPath('5.png')).toBe(5);
    expect(labelFromPath('12.png')).toBeNull();
    expect(labelFromPath('photo.png')).toBeNull();
    const csv = labelsCsv([
      { path, label: 7 },
      { path: 'x.png', label: 2 },
    ]);
    expect(parseLabelsCsv(csv)).toEqual(
      new Map([
        [path, 7],
        ['x.png', 2],
      ]),
    );
    expect(parseLabelsCsv('file,label\nbad,12\nok.png, 4\n')).toEqual(new Map([['ok.png', 4]]));
  });
});

describe('fineTuneConfig', () => {
  it('raises the target epochs just enough for the steps, keeping everything else', () => {
    const base = { ...TUTORIAL_CONFIG, epochs: 1 };
    const at = { epochsDone: 1, stepInEpoch: 0, stepsPerEpoch: 4 };
    expect(fineTuneConfig(base, at, 30)).toEqual({ ...base, epochs: 9 });
    expect(fineTuneConfig(base, { ...at, stepInEpoch: 3 }, 1)).toEqual({ ...base, epochs: 2 });
    expect(fineTuneConfig(base, { ...at, stepInEpoch: 3 }, 2)).toEqual({ ...base, epochs: 3 });
    // A run with epochs to spare keeps its target.
    expect(fineTuneConfig({ ...base, epochs: 10 }, at, 8).epochs).toBe(10);
  });
});
