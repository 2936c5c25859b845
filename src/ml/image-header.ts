import type { Size } from './image';

/** How many leading bytes of a file imageHeaderSize reads (JPEG metadata can push SOF this far). */
export const HEADER_BYTES = 256 * 1024;

const ascii = (b: Uint8Array, at: number, text: string) =>
  b.length >= at + text.length && [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));

// JPEG start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range.
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(b: Uint8Array, v: DataView): Size | null {
  let i = 2;
  while (i + 9 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
    } else if (isSof(marker)) {
      return { width: v.getUint16(i + 7), height: v.getUint16(i + 5) };
    } else if (marker === 0xd9 || marker === 0xda) {
      return null; // end of image or start of scan before any frame header
    } else if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
    } else {
      i += 2 + v.getUint16(i + 2);
    }
  }
  return null;
}

function webpSize(b: Uint8Array, v: DataView): Size | null {
  if (ascii(b, 12, 'VP8X') && b.length >= 30) {
    const u24 = (at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  if (ascii(b, 12, 'VP8L') && b.length >= 25 && b[20] === 0x2f) {
    const bits = v.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, 'VP8 ') && b.length >= 30) {
    return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  }
  return null;
}

/**
 * The pixel size a PNG, JPEG, GIF, WebP or BMP file declares in its first bytes, or null when the
 * format is another or the header is cut short; read before decoding to refuse oversized images.
 */
export function imageHeaderSize(head: Uint8Array): Size | null {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length >= 24 && head[0] === 0x89 && ascii(head, 1, 'PNG') && ascii(head, 12, 'IHDR')) {
    return { width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8) return jpegSize(head, v);
  if (head.length >= 10 && (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a'))) {
    return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
  }
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return webpSize(head, v);
  if (head.length >= 26 && ascii(head, 0, 'BM')) {
    // OS/2 bitmaps (a 12-byte header) store 16-bit sides; the rest 32-bit, negative when top-down.
    if (v.getUint32(14, true) === 12) {
      return { width: v.getUint16(18, true), height: v.getUint16(20, true) };
    }
    return { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
  }
  return null;
}
