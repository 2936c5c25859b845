// Draws the convolution lab's sample images from pixel maths and writes them as PNGs.
// Run: node scripts/make-samples.mjs  (output: public/samples/*.png, CC0, see LICENSE.md there)
import { mkdirSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** Minimal PNG: 8-bit RGB (colorType 2) or gray (0), filter 0 (none) on every row. */
function encodePng(width, height, channels, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 3 ? 2 : 0;
  const raw = Buffer.alloc((width * channels + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * channels + 1)] = 0;
    pixels.copy(
      raw,
      y * (width * channels + 1) + 1,
      y * width * channels,
      (y + 1) * width * channels,
    );
  }
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Deterministic value noise, so the script always draws the same images.
function hash(x, y) {
  let h = (x * 374761393 + y * 668265263) >>> 0;
  h = ((h ^ (h >>> 13)) * 1274126177) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
function noise(x, y) {
  const xi = Math.floor(x),
    yi = Math.floor(y);
  const fx = x - xi,
    fy = y - yi;
  const s = (t) => t * t * (3 - 2 * t);
  const a = hash(xi, yi),
    b = hash(xi + 1, yi),
    c = hash(xi, yi + 1),
    d = hash(xi + 1, yi + 1);
  return a + (b - a) * s(fx) + (c - a) * s(fy) + (a - b - c + d) * s(fx) * s(fy);
}
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));

function landscape(W, H) {
  const px = Buffer.alloc(W * H * 3);
  const set = (x, y, c) => c.forEach((v, i) => (px[(y * W + x) * 3 + i] = clamp(v)));
  const ridge = (x, base, amp, freq, seed) =>
    base - amp * (noise(x * freq + seed, seed) * 0.7 + noise(x * freq * 3 + seed, seed + 9) * 0.3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      // Sky: vertical gradient, a sun with a soft halo, two clouds.
      let c = mix([70, 130, 210], [235, 200, 160], y / (H * 0.6));
      const sun = Math.hypot(x - 470, y - 80);
      if (sun < 34) c = [255, 240, 190];
      else if (sun < 90) c = mix([255, 230, 170], c, (sun - 34) / 56);
      const cloud =
        noise(x / 40, y / 18) *
        Math.exp(-(((y - 60) / 30) ** 2)) *
        Math.exp(-(((x - 160) / 130) ** 2));
      if (cloud > 0.25) c = mix(c, [250, 250, 250], Math.min(1, (cloud - 0.25) * 4));
      // Far and near mountains.
      if (y > ridge(x, 230, 120, 1 / 90, 3))
        c = mix([95, 110, 140], [130, 140, 160], noise(x / 8, y / 8));
      if (y > ridge(x, 280, 80, 1 / 60, 17))
        c = mix([60, 100, 70], [80, 125, 80], noise(x / 5, y / 5));
      // Meadow with grass texture and a road.
      if (y > 300) {
        c = mix([90, 150, 60], [140, 185, 80], noise(x / 3, y / 2) * 0.6 + (y - 300) / 250);
        const roadHalf = 8 + (y - 300) * 0.9;
        if (Math.abs(x - (300 + (y - 300) * 0.8)) < roadHalf) {
          c = mix([120, 115, 110], [150, 145, 135], noise(x / 2, y / 2));
          if (Math.abs(x - (300 + (y - 300) * 0.8)) < 2 + (y - 300) * 0.03 && y % 24 < 12)
            c = [240, 240, 230];
        }
      }
      set(x, y, c);
    }
  }
  // A house: walls, roof, door, windows with frames.
  const rect = (x0, y0, x1, y1, c) => {
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) set(x, y, typeof c === 'function' ? c(x, y) : c);
  };
  rect(90, 250, 230, 340, (x, y) => mix([205, 170, 130], [225, 190, 150], noise(x / 2, y / 6)));
  for (let y = 190; y < 250; y++) {
    const half = ((y - 190) / 60) * 82;
    for (let x = Math.round(160 - half); x < 160 + half; x++) {
      set(
        x,
        y,
        (y - 190) % 10 < 2 ? [110, 40, 35] : mix([170, 60, 50], [150, 50, 40], noise(x / 3, y / 3)),
      );
    }
  }
  rect(145, 290, 175, 340, [95, 60, 40]);
  rect(170, 313, 173, 317, [230, 200, 90]);
  for (const wx of [105, 190]) {
    rect(wx - 3, 267, wx + 28, 298, [250, 250, 245]);
    rect(wx, 270, wx + 25, 295, (x, y) => mix([120, 170, 220], [200, 225, 245], (y - 270) / 25));
    rect(wx + 11, 270, wx + 14, 295, [250, 250, 245]);
    rect(wx, 281, wx + 25, 284, [250, 250, 245]);
  }
  // A tree: trunk and a textured round crown.
  rect(520, 260, 534, 345, (x, y) => mix([90, 60, 35], [120, 85, 50], noise(x / 2, y / 10)));
  for (let y = 170; y < 290; y++) {
    for (let x = 460; x < 600; x++) {
      const d = Math.hypot((x - 527) / 62, (y - 228) / 58) + (noise(x / 7, y / 7) - 0.5) * 0.25;
      if (d < 1) set(x, y, mix([30, 90, 40], [80, 150, 60], noise(x / 4, y / 4) * (1.2 - d)));
    }
  }
  return encodePng(W, H, 3, px);
}

// A handwritten-looking "3": white stroke on black, as MNIST draws digits.
function digit(S) {
  const px = Buffer.alloc(S * S);
  const pts = [];
  for (let t = 0; t <= 1; t += 0.002) {
    // Two bowls of a 3, from top-left to bottom-left, with a slight slant.
    const a =
      t < 0.5
        ? -Math.PI * 0.85 + (t / 0.5) * Math.PI * 1.35
        : -Math.PI * 0.5 + ((t - 0.5) / 0.5) * Math.PI * 1.4;
    const cy = t < 0.5 ? 0.33 : 0.66;
    const r = t < 0.5 ? 0.17 : 0.2;
    pts.push([0.5 + r * Math.cos(a) + (0.5 - cy) * 0.15, cy + r * Math.sin(a)]);
  }
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      let d = Infinity;
      for (const [px0, py0] of pts) d = Math.min(d, Math.hypot(x / S - px0, y / S - py0));
      const w = 0.045 + 0.01 * noise(x / 20, y / 20);
      px[y * S + x] = clamp(255 * Math.max(0, Math.min(1, (w - d) / 0.012)));
    }
  }
  return encodePng(S, S, 1, px);
}

mkdirSync('public/samples', { recursive: true });
writeFileSync('public/samples/landscape.png', landscape(600, 400));
writeFileSync('public/samples/digit-3.png', digit(140));
process.stdout.write('wrote public/samples/landscape.png and digit-3.png' + '\n');
