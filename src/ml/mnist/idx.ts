/** Magic number of an IDX file of unsigned-byte labels (rank 1). */
export const IDX_LABELS_MAGIC = 2049;
/** Magic number of an IDX file of unsigned-byte images (rank 3). */
export const IDX_IMAGES_MAGIC = 2051;
/** Header size in bytes of an IDX label file: magic + count. */
export const IDX_LABELS_HEADER_BYTES = 8;
/** Header size in bytes of an IDX image file: magic + count + rows + cols. */
export const IDX_IMAGES_HEADER_BYTES = 16;
/** Largest label MNIST uses. */
export const MAX_DIGIT = 9;

/** A file that is not the IDX data it should be; the message says what was expected. */
export class IdxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdxFormatError';
  }
}

/** Parsed IDX images: `pixels` is count × rows × cols bytes, row-major, 0 = background. */
export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  pixels: Uint8Array;
}

function header(bytes: Uint8Array, what: string, headerBytes: number, magic: number): DataView {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Magic first: a file of the wrong kind is the likelier mistake than a short one.
  const found = bytes.byteLength >= 4 ? view.getUint32(0) : null; // IDX is big-endian
  if (found !== magic) {
    const kind = magic === IDX_IMAGES_MAGIC ? 'image' : 'label';
    throw new IdxFormatError(
      `${what}: expected IDX magic number ${magic}, found ${found ?? 'no header'} — not an MNIST ${kind} file`,
    );
  }
  if (bytes.byteLength < headerBytes) {
    throw new IdxFormatError(
      `${what}: expected an IDX header of ${headerBytes} bytes, got a file of ${bytes.byteLength} bytes`,
    );
  }
  return view;
}

function checkLength(what: string, bytes: Uint8Array, expected: number, detail: string): void {
  if (bytes.byteLength !== expected) {
    const kind = bytes.byteLength < expected ? 'truncated' : 'has trailing bytes';
    throw new IdxFormatError(
      `${what}: ${kind} — expected ${expected} bytes (${detail}), got ${bytes.byteLength}`,
    );
  }
}

/** Parses an IDX3 unsigned-byte image file; throws IdxFormatError on anything else. */
export function parseIdxImages(bytes: Uint8Array, what = 'image file'): IdxImages {
  const view = header(bytes, what, IDX_IMAGES_HEADER_BYTES, IDX_IMAGES_MAGIC);
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  if (rows === 0 || cols === 0 || rows > 4096 || cols > 4096) {
    throw new IdxFormatError(
      `${what}: expected image size between 1 and 4096, got ${rows}×${cols}`,
    );
  }
  const expected = IDX_IMAGES_HEADER_BYTES + count * rows * cols;
  checkLength(what, bytes, expected, `header + ${count} images of ${rows}×${cols}`);
  return { count, rows, cols, pixels: bytes.subarray(IDX_IMAGES_HEADER_BYTES) };
}

/** Parses an IDX1 unsigned-byte label file of digits 0–9; throws IdxFormatError otherwise. */
export function parseIdxLabels(bytes: Uint8Array, what = 'label file'): Uint8Array {
  const view = header(bytes, what, IDX_LABELS_HEADER_BYTES, IDX_LABELS_MAGIC);
  const count = view.getUint32(4);
  checkLength(what, bytes, IDX_LABELS_HEADER_BYTES + count, `header + ${count} labels`);
  const labels = bytes.subarray(IDX_LABELS_HEADER_BYTES);
  const bad = labels.findIndex((l) => l > MAX_DIGIT);
  if (bad >= 0) {
    throw new IdxFormatError(`${what}: expected digits 0–9, label ${bad} is ${labels[bad]}`);
  }
  return labels;
}
