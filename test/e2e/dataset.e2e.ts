import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mnistDataDir } from '../../scripts/vite-plugin-mnist';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const trainLabels = readFileSync(`${mnistDataDir()}/train-labels-idx1-ubyte`).subarray(8);
const testLabels = readFileSync(`${mnistDataDir()}/t10k-labels-idx1-ubyte`).subarray(8);

it('loads the real MNIST and browses it with correct labels', async () => {
  const page = await openApp(browser, '#/dataset');
  await expect
    .poll(() => page.getByTestId('dataset-counts').textContent(), { timeout: 60_000 })
    .toBe('60,000 training images · 10,000 test images');
  const status = await page.getByTestId('status-data').textContent();
  console.log(`[e2e] ${status}`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // Page 4 of the training set: the 301st image's label matches the real label file.
  await page.getByLabel('Page', { exact: true }).fill('4');
  await page.getByRole('button', { name: `Image 300, label ${trainLabels[300]}` }).click();
  await expect
    .poll(() => page.getByTestId('detail-title').textContent())
    .toBe(`Training image #300 — label ${trainLabels[300]}`);
  // The pixel matrix shows 28 rows of 28 values.
  expect(await page.locator('.pixel-matrix tr').count()).toBe(28);
  expect(await page.locator('.pixel-matrix tr').first().locator('td').count()).toBe(28);

  // Filtering the test set by digit shows only that digit, and the count matches the file.
  await page.getByLabel('Test (10,000)').check();
  await page.getByLabel('Digit', { exact: true }).selectOption('7');
  const sevens = testLabels.filter((l) => l === 7).length;
  await expect
    .poll(() => page.getByText(/^Showing 1–100 of/).textContent())
    .toBe(`Showing 1–100 of ${sevens.toLocaleString('en')}`);
  const labels = await page.locator('.image-grid .grid-label').allTextContents();
  expect(labels).toHaveLength(100);
  expect(new Set(labels)).toEqual(new Set(['7']));
  await screenshot(page, 'dataset');

  // The status bar names the backend and renderer.
  await expect.poll(() => page.getByTestId('status-backend').textContent()).toMatch(/Backend: \w+/);
  // ... and says, in words, why auto chose it.
  expect(await page.getByTestId('status-reason').textContent()).toMatch(
    /^Why: (WebGL runs on your GPU|WebGL is software here|no WebGL here)/,
  );
  expect(pageErrors(page)).toEqual([]);
});

it('switches to Simplified Chinese and remembers it', async () => {
  const page = await openApp(browser, '#/dataset');
  await page.getByRole('button', { name: '中文' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 2 }).textContent())
    .toBe('MNIST 数据集');
  await expect.poll(() => page.getByRole('link', { name: '训练' }).count()).toBe(1);
  await page.reload();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('数字实验室');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
});
