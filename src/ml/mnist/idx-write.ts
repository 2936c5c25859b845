import {
  IDX_IMAGES_HEADER_BYTES,
  IDX_IMAGES_MAGIC,
  IDX_LABELS_HEADER_BYTES,
  IDX_LABELS_MAGIC,
} from './idx';

/**
 * An IDX3 unsigned-byte image file (what `parseIdxImages` and the tutorial's torchvision read):
 * `pixels` is count × rows × cols bytes, row-major.
 */
export function writeIdxImages(pixels: Uint8Array, rows: number, cols: number): Uint8Array {
  const size = rows * cols;
  if (size <= 0 || pixels.length % size !== 0) {
    throw new Error(`expected whole ${rows}×${cols} images, got ${pixels.length} bytes`);
  }
  const out = new Uint8Array(IDX_IMAGES_HEADER_BYTES + pixels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_IMAGES_MAGIC); // big-endian, as IDX is
  view.setUint32(4, pixels.length / size);
  view.setUint32(8, rows);
  view.setUint32(12, cols);
  out.set(pixels, IDX_IMAGES_HEADER_BYTES);
  return out;
}

/** An IDX1 unsigned-byte label file of the given digits. */
export function writeIdxLabels(labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(IDX_LABELS_HEADER_BYTES + labels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_LABELS_MAGIC);
  view.setUint32(4, labels.length);
  out.set(labels, IDX_LABELS_HEADER_BYTES);
  return out;
}
