import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { MNIST_PIXELS, MNIST_SIDE } from '../../ml/mnist/dataset';
import { IDX_IMAGES_MAGIC, IdxFormatError } from '../../ml/mnist/idx';
import { newDigitId, splitFromIdx, type MyDigit } from '../../ml/my-digits/set';
import {
  LABELS_CSV,
  labelFromPath,
  labelsCsv,
  parseLabelsCsv,
  pngPath,
} from '../../ml/my-digits/zip-names';
import { readImages, type ReadImages } from './read-images';

/** Largest file an import reads (an IDX file of 2,000 images is 1.6 MB; a zip of PNGs less). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** Why an import was refused: the kind of file it needed, or the IDX parser's own words. */
export type ImportProblem =
  | { kind: 'tooBig'; name: string }
  | { kind: 'pair' }
  | { kind: 'idx'; detail: string }
  | { kind: 'zip'; detail: string }
  | { kind: 'noImages' };

/** An import refused for a reason the panel words in the user's language. */
export class ImportError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.kind);
  }
}

/** One 28×28 image as PNG bytes, drawn on a canvas (the browser's own encoder). */
async function pngOf(pixels: Uint8Array): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = MNIST_SIDE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const img = ctx.createImageData(MNIST_SIDE, MNIST_SIDE);
  pixels.forEach((v, i) => {
    img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = v;
    img.data[i * 4 + 3] = 255;
  });
  ctx.putImageData(img, 0, 0);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('the browser could not encode a PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** A zip of one PNG per image in a folder per digit, with labels.csv listing each file's label. */
export async function zipOfPngs(digits: readonly MyDigit[]): Promise<Blob> {
  const files: Record<string, Uint8Array> = {};
  const rows: { path: string; label: number }[] = [];
  for (const [i, d] of digits.entries()) {
    const path = pngPath(d.label, i);
    files[path] = await pngOf(d.pixels);
    rows.push({ path, label: d.label });
  }
  files[LABELS_CSV] = strToU8(labelsCsv(rows));
  // PNGs are compressed already: storing them (level 0) keeps the zip quick to make.
  const zipped = zipSync(files, { level: 0 });
  return new Blob([zipped.slice().buffer], { type: 'application/zip' });
}

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

async function bytesOf(file: File): Promise<Uint8Array> {
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError({ kind: 'tooBig', name: file.name });
  const raw = new Uint8Array(await file.arrayBuffer());
  if (!startsWith(raw, GZIP)) return raw;
  // The tutorial's MNIST files come gzipped; take those as they are.
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw new ImportError({ kind: 'idx', detail: `${file.name}: not valid gzip (${String(err)})` });
  }
}

function magicOf(bytes: Uint8Array): number | null {
  return bytes.byteLength >= 4 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(0) : null;
}

/** Reads an IDX image file and an IDX label file (either order, gzipped or not) into digits. */
async function fromIdx(files: File[]): Promise<ReadImages> {
  const read = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })),
  );
  // Which is which by magic number; the parser then says what is wrong with anything else.
  const images = read.find((r) => magicOf(r.bytes) === IDX_IMAGES_MAGIC) ?? read[0];
  const labels = read.find((r) => r !== images) ?? read[1];
  let split;
  try {
    split = splitFromIdx(images.bytes, labels.bytes, [images.name, labels.name]);
  } catch (err) {
    if (err instanceof IdxFormatError) throw new ImportError({ kind: 'idx', detail: err.message });
    throw err;
  }
  const now = Date.now();
  const digits = Array.from({ length: split.count }, (_, i): MyDigit => ({
    id: newDigitId(now + i),
    label: split.labels[i],
    pixels: split.images.slice(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS),
    source: 'imported',
    addedAt: now + i,
  }));
  return { digits, refused: [] };
}

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|bmp)$/i;

/** Reads a zip of images, each labelled by labels.csv or by its folder or file name. */
async function fromZip(file: File, room: number): Promise<ReadImages> {
  const bytes = await bytesOf(file);
  let entries: Record<string, Uint8Array>;
  try {
    let taken = 0;
    // Only images and the CSV are inflated, and no more of them than the set has room for.
    entries = unzipSync(bytes, {
      filter: (f) =>
        f.name === LABELS_CSV ||
        (IMAGE_NAME.test(f.name) && f.originalSize <= MAX_IMPORT_BYTES && taken++ < room + 1),
    });
  } catch (err) {
    throw new ImportError({
      kind: 'zip',
      detail: String(err instanceof Error ? err.message : err),
    });
  }
  const csv = entries[LABELS_CSV] ? parseLabelsCsv(strFromU8(entries[LABELS_CSV])) : new Map();
  const images = Object.keys(entries)
    .filter((name) => IMAGE_NAME.test(name))
    .sort();
  if (images.length === 0) throw new ImportError({ kind: 'noImages' });
  return readImages(
    images.map((name) => ({ blob: new Blob([entries[name].slice().buffer]), name })),
    (name) => csv.get(name) ?? labelFromPath(name),
    'imported',
  );
}

/** Imports a zip of images, or an IDX image file with its IDX label file; throws ImportError. */
export async function importFiles(files: File[], room: number): Promise<ReadImages> {
  if (files.length === 1) {
    const head = new Uint8Array(await files[0].slice(0, 4).arrayBuffer());
    if (startsWith(head, ZIP)) return fromZip(files[0], room);
  }
  if (files.length !== 2) throw new ImportError({ kind: 'pair' });
  return fromIdx(files);
}
