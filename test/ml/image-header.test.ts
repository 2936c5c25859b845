import { describe, expect, it } from 'vitest';
import { imageHeaderSize } from '../../src/ml/image-header';

/** Bytes from numbers and ASCII strings. */
const bytes = (...parts: (number | string)[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [p])),
  );
const be16 = (n: number) => [n >> 8, n & 255];
const be32 = (n: number) => [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, n >> 8];
const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];

describe('imageHeaderSize (the size a file declares, read before decoding)', () => {
  const png = (w: number, h: number) =>
    bytes(0x89, 'PNG', 13, 10, 26, 10, ...be32(13), 'IHDR', ...be32(w), ...be32(h), 8, 0, 0, 0, 0);

  it('reads PNG, including a decompression bomb of 50,000 × 50,000', () => {
    expect(imageHeaderSize(png(600, 400))).toEqual({ width: 600, height: 400 });
    expect(imageHeaderSize(png(50_000, 50_000))).toEqual({ width: 50_000, height: 50_000 });
    expect(imageHeaderSize(png(600, 400).subarray(0, 20))).toBeNull(); // cut short
  });

  it('walks JPEG segments to the frame header, past metadata and fill bytes', () => {
    const app0 = [0xff, 0xe0, ...be16(16), 'JFIF', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const dht = [0xff, 0xc4, ...be16(3), 0];
    const sof2 = [0xff, 0xc2, ...be16(17), 8, ...be16(6048), ...be16(8064), 3, 1, 0x22, 0];
    const jpeg = bytes(0xff, 0xd8, ...app0, 0xff, ...dht, ...sof2, 0, 0, 0, 0, 0, 0, 0, 0);
    expect(imageHeaderSize(jpeg)).toEqual({ width: 8064, height: 6048 });
    // Start of scan with no frame header before it: nothing to read.
    const sos = [0xff, 0xda, ...be16(8), 1, 1, 0, 0, 63, 0];
    expect(imageHeaderSize(bytes(0xff, 0xd8, ...app0, ...sos))).toBeNull();
  });

  it('reads GIF, the three WebP kinds and both BMP headers', () => {
    expect(imageHeaderSize(bytes('GIF89a', ...le16(10), ...le16(5), 0))).toEqual({
      width: 10,
      height: 5,
    });
    const riff = (chunk: string, ...body: number[]) =>
      bytes('RIFF', ...le32(100), 'WEBP', chunk, ...le32(body.length), ...body);
    // Extended: canvas sides minus one in 24 bits.
    const vp8x = riff('VP8X', 0, 0, 0, 0, 0x0f, 0x27, 0, 2, 0, 0);
    expect(imageHeaderSize(vp8x)).toEqual({ width: 10_000, height: 3 });
    // Lossless: 14-bit sides minus one after the 0x2f signature.
    const vp8l = riff('VP8L', 0x2f, ...le32(99 | (49 << 14)), 0);
    expect(imageHeaderSize(vp8l)).toEqual({ width: 100, height: 50 });
    // Lossy: frame tag, start code 9d 01 2a, then 14-bit sides.
    const vp8 = riff('VP8 ', 0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(640), ...le16(480));
    expect(imageHeaderSize(vp8)).toEqual({ width: 640, height: 480 });
    const bmp = bytes('BM', ...le32(0), ...le32(0), ...le32(54), ...le32(40), ...le32(300));
    // A negative height is a top-down bitmap of the same size.
    expect(imageHeaderSize(bytes(...bmp, ...le32(-200 >>> 0)))).toEqual({
      width: 300,
      height: 200,
    });
    const os2 = bytes('BM', ...le32(0), ...le32(0), ...le32(26), ...le32(12), ...le16(64));
    expect(imageHeaderSize(bytes(...os2, ...le16(32), 1, 0, 24, 0))).toEqual({
      width: 64,
      height: 32,
    });
  });

  it('says nothing about other formats or text', () => {
    expect(imageHeaderSize(bytes('not really a png'))).toBeNull();
    expect(imageHeaderSize(new Uint8Array(0))).toBeNull();
  });
});
