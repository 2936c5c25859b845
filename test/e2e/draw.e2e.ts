import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mnistDataDir } from '../../scripts/vite-plugin-mnist';
import { DEFAULT_MODEL_CONFIG } from '../../src/state/model';
import { predictOne } from '../../src/ml/inference';
import { createModel } from '../../src/ml/model';
import { photoToInk } from '../../src/ml/photo';
import { preprocess } from '../../src/ml/preprocess';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';
import { stepsDone } from './train-helpers';

let browser: Browser;
beforeAll(async () => {
  await tf.setBackend('cpu');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const testImages = readFileSync(`${mnistDataDir()}/t10k-images-idx3-ubyte`).subarray(16);
const testLabels = readFileSync(`${mnistDataDir()}/t10k-labels-idx1-ubyte`).subarray(8);

/**
 * Draws a polyline on the drawing canvas with the mouse; points in 0–1 of the canvas. One move
 * per segment, so a live prediction made while drawing sees the finished segment.
 */
async function stroke(page: Page, points: [number, number][]) {
  const box = (await page.getByLabel('Drawing area: draw a digit here').boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p));
  await page.mouse.up();
  // The release predicts in the next frame and renders before the one after it.
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** The percentages the ten probability bars announce, digit by digit. */
async function barPercents(page: Page): Promise<number[]> {
  const names = await page
    .getByRole('meter')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return names.map((n) => Number(/: ([\d.]+)%$/.exec(n)?.[1]));
}

it('draws a digit, predicts it, and opens the network on it', async () => {
  const page = await openApp(browser, '#/draw');
  await expect.poll(() => page.getByRole('note').textContent()).toMatch(/untrained/);
  await expect.poll(() => page.getByText('Nothing drawn yet').count()).toBe(1);

  // A "7": the top bar, then the diagonal; then an extra stroke to undo.
  await stroke(page, [
    [0.25, 0.2],
    [0.75, 0.2],
  ]);
  await stroke(page, [
    [0.75, 0.2],
    [0.45, 0.85],
  ]);
  await expect.poll(() => page.getByRole('meter').count()).toBe(10);
  const names = await page
    .getByRole('meter')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  names.forEach((n, d) => expect(n).toMatch(new RegExp(`^Digit ${d}: \\d+\\.\\d%$`)));
  const sum = (await barPercents(page)).reduce((a, b) => a + b, 0);
  expect(sum).toBeGreaterThan(99.4);
  expect(sum).toBeLessThan(100.6);
  const top = Number(await page.getByTestId('top-digit').textContent());
  const percents = await barPercents(page);
  expect(Math.max(...percents)).toBe(percents[top]);
  // The preprocessing steps, with the final 28 × 28 centred by centre of mass.
  const steps = page.getByRole('region', { name: 'What the network sees, step by step' });
  await expect.poll(() => steps.getByRole('figure').count()).toBe(4);
  const com = await steps.getByText(/^Centre of mass/).textContent();
  const [x, y] = /\(([\d.]+), ([\d.]+)\)/.exec(com!)!.slice(1).map(Number);
  expect(Math.abs(x - 14)).toBeLessThanOrEqual(0.5);
  expect(Math.abs(y - 14)).toBeLessThanOrEqual(0.5);
  console.log(`[e2e] drawn 7 → ${top}; ${await page.getByTestId('predict-ms').textContent()}`);

  // The digit survives a visit to another panel: same strokes, same prediction.
  await page.getByRole('link', { name: 'Dataset' }).click();
  await page.getByRole('link', { name: 'Draw & predict' }).click();
  await expect.poll(() => page.getByRole('meter').count()).toBe(10);
  expect(await barPercents(page)).toEqual(percents);
  expect(Number(await page.getByTestId('top-digit').textContent())).toBe(top);
  // Why this digit: the gradient of the predicted digit's score over the drawn input.
  await page
    .getByRole('region', { name: 'Why this digit?' })
    .getByRole('img', { name: `Gradient of the score of ${top} over the input` })
    .waitFor();

  // Skipping preprocessing adds the squashed canvas as the network's input.
  await page.getByRole('checkbox', { name: /Skip preprocessing/ }).check();
  await expect.poll(() => steps.getByRole('figure').count()).toBe(5);
  await page.getByRole('checkbox', { name: /Skip preprocessing/ }).uncheck();

  // Another stroke widens the crop: read the caption before drawing, then wait for it to change.
  const cropped = await steps.getByText(/^1\. Cropped/).textContent();
  await stroke(page, [
    [0.1, 0.9],
    [0.2, 0.95],
  ]);
  await expect.poll(() => steps.getByText(/^1\. Cropped/).textContent()).not.toBe(cropped);
  await page.getByRole('button', { name: 'Undo stroke' }).click();
  await expect.poll(() => steps.getByText(/^1\. Cropped/).textContent()).toBe(cropped);
  await screenshot(page, 'draw');

  // Inside the network: the drawn digit, 16 + 16 + 32 + 32 maps, 16 + 32 × 16 kernels.
  await page.getByRole('link', { name: 'See inside the network for this digit' }).click();
  await expect
    .poll(() => page.getByTestId('network-input').textContent(), { timeout: 30_000 })
    .toBe('Input: your drawing');
  await expect.poll(() => page.getByRole('button', { name: /^conv1 map \d+$/ }).count()).toBe(16);
  expect(await page.getByRole('button', { name: /^pool1 map \d+$/ }).count()).toBe(16);
  expect(await page.getByRole('button', { name: /^conv2 map \d+$/ }).count()).toBe(32);
  expect(await page.getByRole('button', { name: /^pool2 map \d+$/ }).count()).toBe(32);
  const conv1Section = page.getByRole('region', { name: 'conv1 after relu: 16 maps of 28 × 28' });
  expect(await conv1Section.getByRole('img').count()).toBe(16);
  expect(await page.getByRole('img', { name: /^conv1 kernel \d+$/ }).count()).toBe(16);
  expect(await page.getByRole('img', { name: /^conv2 kernel \d+ from channel \d+$/ }).count()).toBe(
    32 * 16,
  );
  expect(await page.getByRole('note').textContent()).toMatch(/untrained/);
  console.log(`[e2e] ${await page.getByTestId('maps-ms').textContent()}`);

  // Even grids: 16 maps as 8 × 2 (4 × 4 at 390 px), 32 as 8 × 4, inside the page's width.
  const gridOf = (layer: string) =>
    page.getByRole('button', { name: new RegExp(`^${layer} map \\d+$`) }).evaluateAll((els) => {
      const rows = new Map<number, number>();
      let right = 0;
      for (const el of els) {
        const box = el.getBoundingClientRect();
        rows.set(Math.round(box.top), (rows.get(Math.round(box.top)) ?? 0) + 1);
        right = Math.max(right, box.right);
      }
      return { rows: [...rows.values()], fits: right <= document.documentElement.clientWidth };
    });
  expect(await gridOf('conv1')).toEqual({ rows: [8, 8], fits: true });
  expect(await gridOf('pool2')).toEqual({ rows: [8, 8, 8, 8], fits: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => gridOf('conv1')).toEqual({ rows: [4, 4, 4, 4], fits: true });
  expect(await gridOf('pool1')).toEqual({ rows: [4, 4, 4, 4], fits: true });
  expect(await gridOf('conv2')).toEqual({ rows: [8, 8, 8, 8], fits: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Enlarge a map and read a value under the pointer.
  await page.getByRole('button', { name: 'conv1 map 3', exact: true }).click();
  const big = page.getByRole('img', { name: 'conv1 map 3, enlarged' });
  // The page above may still settle (the overview paints): each try finds the map where it is now
  // and points at its centre again.
  await expect
    .poll(async () => {
      await big.scrollIntoViewIfNeeded();
      const b = (await big.boundingBox())!;
      await page.mouse.move(b.x + b.width * 0.5 + 1, b.y + b.height * 0.5 + 1);
      return page.getByTestId('map-hover').textContent();
    })
    .toMatch(/^Row 14, column 14: -?\d/);
  await screenshot(page, 'network');

  // Pick a test image by index: the input caption names it with its real label.
  await page.getByLabel('Test image #').fill('7');
  await page.getByRole('button', { name: 'Show this test image' }).click();
  await expect
    .poll(() => page.getByTestId('network-input').textContent())
    .toBe(`Input: test image #7, label ${testLabels[7]}`);
  expect(pageErrors(page)).toEqual([]);
});

/** Encodes RGBA pixels as a PNG with the browser's own canvas encoder. */
async function pngOf(page: Page, rgba: Uint8ClampedArray, w: number, h: number): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ({ data, w, h }) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(data), w, h), 0, 0);
      const blob = await new Promise<Blob>((ok) => canvas.toBlob((b) => ok(b!), 'image/png'));
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    { data: Array.from(rgba), w, h },
  );
  return Buffer.from(bytes);
}

/** Test image `index` as a dark-on-light "scan", scaled up 4× (opaque RGBA). */
function scanOf(index: number): Uint8ClampedArray {
  const side = 28 * 4;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = 255 - testImages[index * 784 + Math.floor(y / 4) * 28 + Math.floor(x / 4)];
      rgba.set([v, v, v, 255], (y * side + x) * 4);
    }
  }
  return rgba;
}

it('predicts an uploaded test-set digit as predictOne does, and refuses bad files', async () => {
  const page = await openApp(browser, '#/draw');
  const index = 0;
  const rgba = scanOf(index);
  const png = await pngOf(page, rgba, 112, 112);
  const upload = page.getByLabel('Upload an image');
  await upload.setInputFiles({ name: 'digit.png', mimeType: 'image/png', buffer: png });
  await expect.poll(() => page.getByRole('meter').count()).toBe(10);
  expect(await page.getByText(/colours inverted/).count()).toBe(1);
  const steps = page.getByRole('region', { name: 'What the network sees, step by step' });
  expect(await steps.getByText(/^1\. Cropped to the ink/).count()).toBe(1);
  expect(await steps.getByText(/^2\. Scaled to fit 20 × 20/).count()).toBe(1);
  expect(await steps.getByText(/^3\. Centred in 28 × 28/).count()).toBe(1);

  // The same pixels through the same pipeline and the same (initial) weights, here in Node.
  const ink = photoToInk(rgba, 112, 112);
  if (ink.status !== 'ok') throw new Error('expected ink');
  const result = preprocess(ink.image);
  if (result.status !== 'ok') throw new Error('expected ink');
  const model = createModel(DEFAULT_MODEL_CONFIG);
  const expected = predictOne(model, result.final);
  model.dispose();
  const shown = Number(await page.getByTestId('top-digit').textContent());
  expect(shown).toBe(expected.digit);
  const percents = await barPercents(page);
  percents.forEach((p, d) =>
    expect(Math.abs(p - expected.probabilities[d] * 100)).toBeLessThan(0.06),
  );
  console.log(`[e2e] uploaded test #${index} (label ${testLabels[index]}) → ${shown}`);

  // Bad files leave the prediction as it was, with a clear message.
  const before = await barPercents(page);
  await upload.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('7'),
  });
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not an image/);
  const blank = new Uint8ClampedArray(60 * 60 * 4).fill(255);
  await upload.setInputFiles({
    name: 'blank.png',
    mimeType: 'image/png',
    buffer: await pngOf(page, blank, 60, 60),
  });
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/looks blank/);
  // The limits are the conv lab's too: 10,000 px a side and 30 MB.
  await upload.setInputFiles({
    name: 'wide.png',
    mimeType: 'image/png',
    buffer: await pngOf(page, new Uint8ClampedArray(10_001 * 2 * 4).fill(255), 10_001, 2),
  });
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toMatch(/“wide\.png” is larger than 10,000 pixels on a side/);
  await upload.setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.alloc(31 * 1024 * 1024),
  });
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toMatch(/“huge\.png” is larger than 30 MB/);
  expect(await barPercents(page)).toEqual(before);
  expect(await page.getByTestId('top-digit').textContent()).toBe(String(shown));
  await screenshot(page, 'upload');
  expect(pageErrors(page)).toEqual([]);
});

it('recognises uploaded test-set digits after a short training', async () => {
  const page = await openApp(
    browser,
    '#/train?epochs=1&batch=50&lr=0.001&opt=adam&act=relu&seed=1',
  );
  const steps = () => stepsDone(page);
  await expect
    .poll(() => page.getByTestId('train-phase').textContent(), { timeout: 60_000 })
    .toMatch(/^Ready to train/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(steps, { timeout: 240_000, interval: 1000 }).toBeGreaterThanOrEqual(400);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect
    .poll(() => page.getByTestId('train-phase').textContent(), { timeout: 30_000 })
    .toMatch(/^Stopped/);
  const trained = await steps();

  await page.getByRole('link', { name: 'Draw & predict' }).click();
  expect(await page.getByText(/This network is untrained/).count()).toBe(0);
  const upload = page.getByLabel('Upload an image');
  const recognised: string[] = [];
  for (const index of [0, 1, 2]) {
    const png = await pngOf(page, scanOf(index), 112, 112);
    await upload.setInputFiles({ name: `test-${index}.png`, mimeType: 'image/png', buffer: png });
    await expect
      .poll(() => page.getByTestId('top-digit').textContent())
      .toBe(String(testLabels[index]));
    recognised.push(`#${index}→${testLabels[index]}`);
  }
  console.log(`[e2e] after ${trained} training steps: ${recognised.join(', ')}`);
  expect(pageErrors(page)).toEqual([]);
});
