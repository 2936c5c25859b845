import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const outSide = (n: number, k: number, s: number, p: number) => Math.floor((n + 2 * p - k) / s) + 1;

it('convolves and pools a sample, and rejects files that are not images', async () => {
  const page = await openApp(browser, '#/conv-lab');
  await page.getByRole('button', { name: 'Digit 3 (140 × 140)' }).click();
  await expect
    .poll(() => page.getByTestId('image-info').textContent())
    .toMatch(/digit-3\.png.*140 × 140/);
  await page.getByRole('button', { name: 'Landscape (600 × 400)' }).click();
  await expect
    .poll(() => page.getByTestId('image-info').textContent(), { timeout: 30_000 })
    .toBe('Using “landscape.png”: 600 × 400 pixels, grayscale. ');

  // The tutorial's edge kernel, no padding, stride 1.
  await page
    .getByLabel('Preset', { exact: true })
    .selectOption({ label: 'Sobel x (vertical edges)' });
  await page
    .getByLabel('Preset', { exact: true })
    .selectOption({ label: "Tutorial's edge kernel" });
  expect(await page.getByLabel('Kernel row 2, column 2').inputValue()).toBe('8');
  expect(await page.getByLabel('Kernel row 1, column 1').inputValue()).toBe('-1');
  await expect
    .poll(() => page.getByTestId('conv-output-shape').textContent())
    .toBe(`Output: ${outSide(600, 3, 1, 0)} * ${outSide(400, 3, 1, 0)}`);
  await expect
    .poll(() => page.getByTestId('conv-formula').textContent())
    .toContain('⌊(600 + 2×0 − 3) / 1⌋ + 1 = 598');
  // Edges give negative values, and the page says so.
  await expect
    .poll(() => page.getByTestId('conv-range').textContent())
    .toMatch(/range from -[\d,.]+ to [\d,.]+\. Negative values exist/);
  // The output canvas really holds an image with structure (not one flat colour).
  const painted = () =>
    page.getByRole('img', { name: 'Convolution output' }).evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4) seen.add(d[i]);
      return { w: c.width, h: c.height, rich: seen.size > 20 };
    });
  await expect.poll(painted).toEqual({ w: 598, h: 398, rich: true });
  await screenshot(page, 'conv-lab');

  // Same padding with stride 2 keeps ⌈n/2⌉; a 5×5 Gaussian with padding 3 and stride 3 follows the formula.
  await page.getByLabel('Padding', { exact: true }).selectOption('same');
  await page.getByLabel('Stride', { exact: true }).selectOption('2');
  await expect
    .poll(() => page.getByTestId('conv-output-shape').textContent())
    .toBe('Output: 300 * 200');
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Gaussian blur 5 × 5' });
  await page.getByLabel('Padding', { exact: true }).selectOption('number');
  await page.getByLabel('Pixels each side').fill('3');
  await page.getByLabel('Stride', { exact: true }).selectOption('3');
  await expect
    .poll(() => page.getByTestId('conv-output-shape').textContent())
    .toBe(`Output: ${outSide(600, 5, 3, 3)} * ${outSide(400, 5, 3, 3)}`);
  // A cell that is not a number is flagged and the last valid kernel stays in use.
  await page.getByLabel('Kernel row 1, column 1').fill('');
  await expect.poll(() => page.getByText('Every kernel cell needs a number').count()).toBe(1);
  expect(await page.getByTestId('conv-output-shape').textContent()).toBe(
    `Output: ${outSide(600, 5, 3, 3)} * ${outSide(400, 5, 3, 3)}`,
  );
  await page
    .getByLabel('Preset', { exact: true })
    .selectOption({ label: "Tutorial's edge kernel" });

  // The animation: nine products and their sum for one output pixel, stepping on.
  const sum1 = await page.getByTestId('anim-sum').textContent();
  expect(sum1).toMatch(/=\s*-?[\d.]+$/);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => page.getByText(/Output pixel \(1, 0\): step 2 of/).count()).toBe(1);

  // Pooling the photo: 2×2 max, stride 2 halves each side; average pooling gives the same shape.
  await expect
    .poll(() => page.getByTestId('pool-shapes').textContent())
    .toBe('600 * 400 → 300 * 200');
  await page.getByLabel('Pooling window').selectOption('3');
  await expect
    .poll(() => page.getByTestId('pool-shapes').textContent())
    .toBe('600 * 400 → 299 * 199');
  // The explanation follows the chosen window, not the tutorial's 2 × 2.
  expect(await page.getByTestId('pool-explain').textContent()).toMatch(
    /^Pooling keeps the largest value of each 3 × 3 window, moving 2 pixels at a time, so each side becomes ⌊\(side − 3\) \/ 2⌋ \+ 1: here 600 \* 400 → 299 \* 199\. The tutorial pools 2 × 2/,
  );
  await page.getByLabel('Pooling window').selectOption('2');
  await page.getByLabel('Average pooling').check();
  await expect
    .poll(() => page.getByTestId('pool-shapes').textContent())
    .toBe('600 * 400 → 300 * 200');

  // Bad files leave the current image in place with a clear message.
  const upload = page.getByLabel('Your image:');
  await upload.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello'),
  });
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toMatch(/“notes\.txt” is not an image/);
  await upload.setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toMatch(/“empty\.png” is empty/);
  await upload.setInputFiles({
    name: 'broken.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not really a png'),
  });
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toMatch(/“broken\.png” could not be decoded/);
  // The Draw panel's limits and words: a PNG whose header claims 50,000 × 50,000 (a decompression
  // bomb) is refused from its header, before any decoding.
  const bomb = Buffer.alloc(33); // signature, then an IHDR chunk with its sides and bit depth
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]).copy(bomb);
  bomb.write('IHDR', 12, 'ascii');
  bomb.writeUInt32BE(50_000, 16);
  bomb.writeUInt32BE(50_000, 20);
  bomb[24] = 8;
  await upload.setInputFiles({ name: 'bomb.png', mimeType: 'image/png', buffer: bomb });
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toMatch(/“bomb\.png” is larger than 10,000 pixels on a side/);
  expect(await page.getByTestId('image-info').textContent()).toContain('landscape.png');

  // A dropped image larger than the cap is scaled down, and grayscaled as PIL does (red → 76, blue → 29).
  await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 2048;
    c.height = 1536;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#ff0000';
    ctx.fillRect(0, 0, 1024, 1536);
    ctx.fillStyle = '#0000ff';
    ctx.fillRect(1024, 0, 1024, 1536);
    const blob = await new Promise<Blob>((resolve) => c.toBlob((b) => resolve(b!), 'image/png'));
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'big.png', { type: 'image/png' }));
    const zone = document.querySelector('.drop-zone')!;
    zone.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
  });
  await expect
    .poll(() => page.getByTestId('image-info').textContent())
    .toBe(
      'Using “big.png”: 1024 × 768 pixels, grayscale. Scaled down from 2048 × 1536 to fit 1024 px.',
    );
  const corners = () =>
    page.getByRole('img', { name: 'Grayscale input' }).evaluate((el) => {
      const ctx = (el as HTMLCanvasElement).getContext('2d')!;
      return [ctx.getImageData(0, 0, 1, 1).data[0], ctx.getImageData(1023, 767, 1, 1).data[0]];
    });
  await expect.poll(corners).toEqual([76, 29]);
  await expect
    .poll(() => page.getByTestId('pool-shapes').textContent())
    .toBe('1024 * 768 → 512 * 384');

  // Headless Chromium has no camera and grants no permission: the webcam button explains that.
  await page.getByRole('button', { name: 'Use webcam' }).click();
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toMatch(/Camera access was denied|No camera was found|no camera access/);
  expect(await page.getByTestId('image-info').textContent()).toContain('big.png');
  expect(pageErrors(page)).toEqual([]);
});

it('plots the activations and shows softmax probabilities and the loss', async () => {
  const page = await openApp(browser, '#/concepts');
  for (const name of ['ReLU', 'Sigmoid']) {
    const chart = page.getByRole('figure', { name });
    await expect
      .poll(() => chart.locator('path.recharts-line-curve').count(), { timeout: 60_000 })
      .toBe(2);
  }
  expect(await page.getByRole('link', { name: 'Train with sigmoid →' }).getAttribute('href')).toBe(
    '#/train?act=sigmoid',
  );
  const compare = page.getByRole('link', { name: /compare their curves in Experiments/ });
  expect(await compare.getAttribute('href')).toBe('#/experiments?preset=relu-vs-sigmoid');
  await expect.poll(() => page.getByTestId('ce-prob').count(), { timeout: 60_000 }).toBe(10);
  const probs = (await page.getByTestId('ce-prob').allTextContents()).map(Number);
  expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  const label = Number(await page.getByLabel('True label').inputValue());
  const loss = await page.getByTestId('ce-loss').textContent();
  const shownLoss = Number(/= ([\d.]+)$/.exec(loss ?? '')?.[1]);
  expect(shownLoss).toBeCloseTo(-Math.log(probs[label]), 2);
  expect(await page.getByTestId('ce-untrained').isVisible()).toBe(true);
  // Another test image and another true label recompute the loss.
  await page.getByLabel(/Test image #/).fill('1');
  await page.getByLabel('True label').selectOption('9');
  await expect.poll(() => page.getByTestId('ce-loss').textContent()).toContain('p[9]');
  await screenshot(page, 'concepts');

  // The tutorial's §2.1 comparison: the sigmoid link opens the Train panel set to sigmoid.
  await page.getByRole('link', { name: 'Train with sigmoid →' }).click();
  await expect.poll(() => page.getByLabel('Activation').inputValue()).toBe('sigmoid');
  expect(await page.getByLabel('Epochs').inputValue()).toBe('10');
  expect(pageErrors(page)).toEqual([]);
});
