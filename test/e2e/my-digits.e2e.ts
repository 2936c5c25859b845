import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseIdxImages, parseIdxLabels } from '../../src/ml/mnist/idx';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';
import { axeScan, severe, sidewaysOverflow } from './page-checks';
import { storedRuns } from './train-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Pt = [number, number];
/** Three shapes the app asks for first (it asks for the digit it has fewest of: 0, 1, 2, ...). */
const SHAPES: Record<number, (dx: number) => Pt[][]> = {
  0: (dx) => [
    Array.from({ length: 17 }, (_, i): Pt => {
      const a = (i / 16) * Math.PI * 2;
      return [0.5 + dx + 0.22 * Math.sin(a), 0.5 - 0.32 * Math.cos(a)];
    }),
  ],
  1: (dx) => [
    [
      [0.5 + dx, 0.15],
      [0.5 + dx, 0.85],
    ],
  ],
  2: (dx) => [
    [
      [0.25 + dx, 0.2],
      [0.7 + dx, 0.2],
      [0.25 + dx, 0.8],
      [0.75 + dx, 0.8],
    ],
  ],
};

/** Draws strokes on the Your digits pad with the mouse; points in 0–1 of the canvas. */
async function draw(page: Page, strokes: Pt[][]) {
  const box = (await page.getByLabel('Drawing area: draw a digit here').boundingBox())!;
  const at = ([x, y]: Pt) => [box.x + x * box.width, box.y + y * box.height] as const;
  for (const points of strokes) {
    await page.mouse.move(...at(points[0]));
    await page.mouse.down();
    for (const p of points.slice(1)) await page.mouse.move(...at(p));
    await page.mouse.up();
  }
}

async function saveAs(page: Page, digit: number) {
  const save = page.getByRole('button', { name: `Save as ${digit}` });
  await expect.poll(() => save.isEnabled()).toBe(true);
  await save.click();
}

const count = async (page: Page, digit: number) =>
  Number(/: (\d+)$/.exec((await page.getByTestId(`my-count-${digit}`).textContent()) ?? '')?.[1]);
const total = async (page: Page) =>
  Number(
    /\((\d+) images\)/.exec((await page.locator('#my-grid-heading').textContent()) ?? '')?.[1],
  );
const percent = async (page: Page, testId: string) =>
  Number(/([\d.]+)%/.exec((await page.getByTestId(testId).textContent()) ?? '')?.[1]);

async function download(page: Page, button: string): Promise<Uint8Array> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

it('collects drawn digits, tests and fine-tunes on them, exports and imports them', async () => {
  const page = await openApp(browser, '#/my-digits');
  await page.getByRole('heading', { name: 'Your own handwriting' }).waitFor();
  await expect.poll(() => total(page)).toBe(0);

  // Three drawings of the digit the app asks for (the one it has fewest of: 0, 1, 2), then three
  // more labelled by hand, as a user drawing something other than the prompt does.
  for (const digit of [0, 1, 2]) {
    await expect.poll(() => page.getByTestId('my-prompt').textContent()).toBe(`Draw a ${digit}`);
    await draw(page, SHAPES[digit](0));
    await saveAs(page, digit);
    await expect.poll(() => count(page, digit)).toBe(1);
  }
  await expect.poll(() => page.getByTestId('my-prompt').textContent()).toBe('Draw a 3');
  for (const digit of [0, 1, 2]) {
    await draw(page, SHAPES[digit](0.06));
    await page.getByLabel('This digit is').selectOption(String(digit));
    await saveAs(page, digit);
    await expect.poll(() => count(page, digit)).toBe(2);
  }
  expect(await total(page)).toBe(6);

  // Stored in IndexedDB: a reload shows the same set. Then relabel one and delete it.
  await page.reload();
  await expect.poll(() => total(page)).toBe(6);
  const tile = page.getByTestId('my-tile').first();
  await tile.getByRole('combobox').selectOption('5');
  await expect.poll(() => count(page, 5)).toBe(1);
  await page.getByRole('button', { name: 'Delete this 5' }).click();
  await expect.poll(() => total(page)).toBe(5);
  expect(await count(page, 5)).toBe(0);

  // Test the (untrained) model on the set.
  await page.getByRole('button', { name: 'Test on your digits' }).click();
  const result = page.getByTestId('my-test-result');
  await expect.poll(() => result.textContent()).toMatch(/^Your digits: \d+ of 5 right/);
  expect(await page.getByTestId('my-per-digit').getByRole('row').count()).toBe(11);
  const tested = await percent(page, 'my-test-result');

  // Fine-tune a few dozen steps with half of each batch from the set, augmented.
  await page.getByLabel('Steps').fill('40');
  await page.getByLabel('Your digits per batch (%)').fill('50');
  await expect
    .poll(() => page.getByRole('button', { name: 'Fine-tune' }).isEnabled(), { timeout: 120_000 })
    .toBe(true);
  await page.getByRole('button', { name: 'Fine-tune' }).click();
  await expect
    .poll(() => page.getByTestId('my-after').textContent(), { timeout: 300_000 })
    .toMatch(/%$/);
  const before = await percent(page, 'my-before');
  const after = await percent(page, 'my-after');
  console.log(
    `[e2e] personal-set accuracy before fine-tuning ${before}%, after 40 steps ${after}%`,
  );
  expect(before).toBe(tested);
  expect(after).toBeGreaterThan(before);
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /Fine-tuned for 40 steps/ })
        .count(),
    )
    .toBe(1);
  // The fine-tuned model is autosaved as a run of its own.
  await expect.poll(async () => (await storedRuns(page)).map((r) => r.steps)).toEqual([40]);
  // Fine-tuning it again goes on from those 40 steps in a new run: the first stays as it was.
  await page.getByLabel('Steps').fill('5');
  await page.getByRole('button', { name: 'Fine-tune' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /trained 45 steps in all/ })
        .count(),
    )
    .toBe(1);
  await expect.poll(async () => (await storedRuns(page)).map((r) => r.steps)).toEqual([45, 40]);

  // IDX export reads back with the app's own parser: 5 images of 28×28, the labels of the grid.
  const images = parseIdxImages(await download(page, 'Download images (IDX)'));
  const labels = parseIdxLabels(await download(page, 'Download labels (IDX)'));
  expect(images).toMatchObject({ count: 5, rows: 28, cols: 28 });
  const counts = [0, 1, 2].map((d) => labels.filter((l) => l === d).length);
  expect(counts).toEqual(await Promise.all([0, 1, 2].map((d) => count(page, d))));
  expect(images.pixels.some((v) => v > 200)).toBe(true);

  // The zip: a PNG per image in a folder per digit, and labels.csv.
  const zip = unzipSync(await download(page, 'Download PNGs (zip)'));
  const pngs = Object.keys(zip).filter((n) => n.endsWith('.png'));
  expect(pngs).toHaveLength(5);
  expect(new TextDecoder().decode(zip['labels.csv']).trim().split('\n')).toHaveLength(6);

  // A hostile import (a label file where the images should be) is refused in words; nothing changes.
  const input = page.getByLabel('Import IDX files or a zip of images');
  const asFile = (name: string, bytes: Uint8Array) => ({
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes),
  });
  const labelBytes = await download(page, 'Download labels (IDX)');
  await input.setInputFiles([asFile('a', labelBytes), asFile('b', labelBytes)]);
  await expect
    .poll(() => page.getByTestId('my-import-error').textContent())
    .toMatch(/not MNIST-format IDX files.*expected IDX magic number 2051, found 2049/);
  expect(await total(page)).toBe(5);

  // The exported IDX pair and zip import back, labels and all.
  const imageBytes = await download(page, 'Download images (IDX)');
  await input.setInputFiles([asFile('l', labelBytes), asFile('i', imageBytes)]);
  await expect.poll(() => total(page)).toBe(10);
  const zipBytes = await download(page, 'Download PNGs (zip)');
  await input.setInputFiles([
    { name: 'set.zip', mimeType: 'application/zip', buffer: Buffer.from(zipBytes) },
  ]);
  await expect.poll(() => total(page)).toBe(20);
  expect(await count(page, 1)).toBe(4 * counts[1]);

  // Filled in (grid, test report, before and after), the panel still fits a phone and passes axe.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Test on your digits' }).click();
  await expect.poll(() => page.getByTestId('my-test-result').textContent()).toMatch(/of 20 right/);
  expect(severe(await axeScan(page))).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.locator('#my-grid-heading').evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'phone-my-digits');
  expect(pageErrors(page)).toEqual([]);
});
