import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { torchStateDictFile } from '../../../src/ml/torch/export';
import { parseTorchFile } from '../../../src/ml/torch/import';
import { fixture } from './helpers';

const weights = () => parseTorchFile(fixture('cnn2.pkl'), 'cnn2.pkl').weights;

describe('saving as PyTorch', () => {
  it('writes torch’s zip layout: archive/data.pkl, one archive/data/N per tensor, archive/version', () => {
    const files = unzipSync(torchStateDictFile(weights()));
    expect(Object.keys(files)).toEqual([
      'archive/data.pkl',
      ...[0, 1, 2, 3, 4, 5].map((i) => `archive/data/${i}`),
      'archive/version',
    ]);
    expect(new TextDecoder().decode(files['archive/version'])).toBe('3\n');
    // 416 + 12,832 + 15,690 float32 values: the tutorial's 28,938 parameters.
    const values = [0, 1, 2, 3, 4, 5].map((i) => files[`archive/data/${i}`].length / 4);
    expect(values).toEqual([400, 16, 12_800, 32, 15_680, 10]);
  });

  it('reads back to the same weights, and the same weights always give the same bytes', () => {
    const w = weights();
    const file = torchStateDictFile(w);
    parseTorchFile(file, 'digit-lab-cnn.pkl').weights.forEach((back, i) =>
      expect(back.data).toEqual(w[i].data),
    );
    expect(torchStateDictFile(w)).toEqual(file);
  });

  it('starts every entry’s data on a 64-byte boundary, as torch.save does', () => {
    const file = torchStateDictFile(weights());
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    let at = 0;
    let entries = 0;
    while (view.getUint32(at, true) === 0x04034b50) {
      const size = view.getUint32(at + 18, true);
      const dataAt = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      expect(dataAt % 64).toBe(0);
      at = dataAt + size;
      entries++;
    }
    expect(entries).toBe(8);
  });
});
