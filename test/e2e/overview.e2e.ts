import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';
import { axeScan, severe, sidewaysOverflow } from './page-checks';
import { startTraining } from './train-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A number as the English UI prints it ("1,234.5678", "-0.0123"). */
const parse = (text: string | null) => Number((text ?? '').replace(/,/g, '').trim());

const overviewMaps = (page: Page, layer: string) =>
  page.getByRole('button', { name: new RegExp(`^Overview ${layer} map \\d+$`) });

it('shows the whole network for a test image, with arithmetic that reproduces its maps', async () => {
  const page = await openApp(browser, '#/network');
  await expect
    .poll(() => page.getByTestId('network-input').textContent())
    .toMatch(/^Input: test image #0, label \d$/);
  const overview = page.getByRole('region', { name: 'Overview: from the image to the prediction' });
  await expect.poll(() => overviewMaps(page, 'conv1').count()).toBe(16);
  expect(await overviewMaps(page, 'pool1').count()).toBe(16);
  expect(await overviewMaps(page, 'conv2').count()).toBe(32);
  expect(await overviewMaps(page, 'pool2').count()).toBe(32);
  expect(
    await overview.getByRole('img', { name: 'pool2 flattened into 1,568 values' }).count(),
  ).toBe(1);

  // Ten scores whose probabilities sum to 1 (each shown to 0.1%).
  const scores = page.getByRole('list', { name: 'Class scores and probabilities' });
  const percents = (await scores.getByTestId('class-p').allTextContents()).map((p) =>
    parse(p.replace('%', '')),
  );
  expect(percents).toHaveLength(10);
  expect(Math.abs(percents.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.6);
  expect(await scores.getByTestId('class-score').count()).toBe(10);
  console.log(`[e2e] ${await page.getByTestId('overview-ms').textContent()}`);

  // Pointing at a conv2 map lights up all 16 pool1 maps it reads, and nothing else; a pool1
  // map reads its own conv1 map; a conv1 map reads the input image alone. The page may still
  // settle under the pointer (maps painting, layout moving), so each try points again and reads
  // the focus line, the lit maps and the input column together.
  const inputColumn = overview.getByRole('region', { name: 'input: 1 × 28 × 28' });
  const pointAt = (layer: string, index: number) =>
    expect.poll(async () => {
      await overviewMaps(page, layer).nth(index).hover();
      const lit = overview.locator('.overview-map[data-source]');
      return {
        focus: await page.getByTestId('overview-focus').textContent(),
        lit: await lit.count(),
        litPool1: await overviewMaps(page, 'pool1').and(lit).count(),
        input: ((await inputColumn.getAttribute('class')) ?? '').includes('is-source'),
      };
    });
  expect(((await inputColumn.getAttribute('class')) ?? '').includes('is-source')).toBe(false);
  await pointAt('conv2', 5).toEqual({
    focus: 'conv2 map 5 is computed from all 16 pool1 maps, with 16 kernels of its own.',
    lit: 16,
    litPool1: 16,
    input: false,
  });
  await pointAt('pool1', 2).toEqual({
    focus: 'pool1 map 2 keeps the largest of every 2 × 2 block of conv1 map 2.',
    lit: 1,
    litPool1: 0,
    input: false,
  });
  await pointAt('conv1', 0).toEqual({
    focus: 'conv1 map 0 is computed from the input image, with kernel 0.',
    lit: 0,
    litPool1: 0,
    input: true,
  });

  // Open conv2 map 5 from the keyboard: 16 partial sums plus the bias, through ReLU, give the
  // model's own value, at the brightest cell and at a corner.
  await overviewMaps(page, 'conv2').nth(5).focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: 'How conv2 map 5 is computed' });
  await detail.waitFor();
  const check = async () => {
    const partials = (await detail.getByTestId('conv-partial').allTextContents()).map(parse);
    const bias = parse(await detail.getByTestId('conv-bias').textContent());
    const model = parse(await detail.getByTestId('conv-model').textContent());
    const shown = parse(await detail.getByTestId('conv-value').textContent());
    expect(partials).toHaveLength(16);
    const byHand = Math.max(0, bias + partials.reduce((a, b) => a + b, 0));
    // Each printed number is rounded to 4 decimals: 18 roundings of at most 0.00005.
    expect(Math.abs(byHand - model)).toBeLessThan(18 * 5e-5 + 1e-6);
    expect(shown).toBe(model);
    return { partials, model };
  };
  const brightest = await check();
  await detail.evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'overview-conv');
  await detail.getByLabel('Row').fill('0');
  await detail.getByLabel('Column').fill('13');
  await expect
    .poll(() => detail.getByRole('table').getByRole('caption').textContent())
    .toBe('At row 0, column 13');
  const corner = await check();
  expect(corner.partials).not.toEqual(brightest.partials);
  // The worked-out computation passes axe and fits a phone.
  expect(severe(await axeScan(page))).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => sidewaysOverflow(page)).toBe(0);
  await page.setViewportSize({ width: 1280, height: 900 });

  // A class: the largest pushes up and down, adding up to its score.
  const three = scores.getByRole('button', { name: /^3 -?\d+\.\d\d \d+\.\d%$/ });
  expect(await three.getAttribute('aria-describedby')).toBeTruthy();
  await three.click();
  const why = page.getByRole('region', { name: 'Why the score of 3' });
  await why.waitFor();
  expect(
    await why.getByRole('region', { name: 'Pushed up' }).getByRole('listitem').count(),
  ).toBeGreaterThan(0);
  const total = (await why.getByTestId('class-total').textContent()) ?? '';
  const [, sum, own] = /= (-?[\d,.]+) \(the model’s score: (-?[\d,.]+)\)$/.exec(total) ?? [];
  expect(parse(sum)).toBeCloseTo(parse(own), 2);

  // Why this digit: the gradient for the predicted class, then for a chosen one.
  const saliency = page.getByRole('region', { name: 'Why this digit?' });
  await saliency
    .getByRole('img', { name: /^Gradient of the score of \d over the input$/ })
    .waitFor();
  await saliency.getByLabel('Explain the score of').selectOption('3');
  await saliency.getByRole('img', { name: 'Gradient of the score of 3 over the input' }).waitFor();
  await saliency.evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'saliency');
  console.log(`[e2e] ${await saliency.getByTestId('saliency-ms').textContent()}`);

  await overview.evaluate((el) => el.scrollIntoView());
  await overviewMaps(page, 'conv2').nth(5).hover();
  await screenshot(page, 'overview');
  expect(pageErrors(page)).toEqual([]);
});

it('follows the weights while the network trains', async () => {
  const page = await openApp(
    browser,
    '#/train?epochs=1&batch=50&lr=0.001&opt=adam&act=relu&seed=1',
  );
  await startTraining(page, 2);
  await page.getByRole('link', { name: 'Inside the network' }).click();
  const scores = page.getByRole('list', { name: 'Class scores and probabilities' });
  await expect.poll(() => scores.getByTestId('class-score').count()).toBe(10);
  const before = await scores.getByTestId('class-score').allTextContents();
  // New weights arrive from the worker as it trains: the scores move without touching the input.
  await expect.poll(() => scores.getByTestId('class-score').allTextContents()).not.toEqual(before);
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
  expect(pageErrors(page)).toEqual([]);
});
