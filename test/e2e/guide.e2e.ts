import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';
import { axeScan, severe, sidewaysOverflow } from './page-checks';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('opens on the guided path, sees tasks done, keeps progress and the last panel', async () => {
  const page = await openApp(browser);
  await page.getByRole('heading', { name: 'Start here: the tutorial, step by step' }).waitFor();
  expect(await page.getByRole('link', { name: 'Start here' }).getAttribute('aria-current')).toBe(
    'page',
  );
  const progress = page.getByTestId('guide-progress');
  const status = page.getByTestId('guide-task-status');
  expect(await progress.textContent()).toBe('0 of 9 tasks done');
  expect(await page.getByRole('heading', { level: 3 }).textContent()).toBe('§1.1 Convolution');
  expect(await status.textContent()).toBe('Not done yet');
  const steps = page.getByRole('navigation', { name: 'Steps of the guided path' });
  expect(await steps.getByRole('button').count()).toBe(9);

  // §1.1: the tutorial's edge kernel answers every edge; a Sobel-like one only horizontal ones.
  const sobelY = [-1, -2, -1, 0, 0, 0, 1, 2, 1];
  for (const [i, v] of sobelY.entries()) {
    const cell = page.getByLabel(`Kernel row ${Math.floor(i / 3) + 1}, column ${(i % 3) + 1}`);
    await cell.fill(String(v));
    if (i < sobelY.length - 1) expect(await status.textContent()).toBe('Not done yet');
  }
  await expect.poll(() => status.textContent()).toBe('Done ✓');
  expect(await progress.textContent()).toBe('1 of 9 tasks done');
  expect(await steps.getByRole('button', { name: /Convolution \(done\)$/ }).count()).toBe(1);
  await screenshot(page, 'guide');

  // §1.2 from the keyboard: a 4 × 4 block turns 28 × 28 into 7 × 7.
  await page.getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('Enter');
  expect(await page.getByRole('heading', { level: 3 }).textContent()).toBe('§1.2 Pooling');
  // The focus follows to the new step's title, so the keyboard goes on from there.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent))
    .toBe('§1.2 Pooling');
  expect(await status.textContent()).toBe('Not done yet');
  await page.getByLabel('Block size').selectOption('4');
  await expect.poll(() => status.textContent()).toBe('Done ✓');
  expect(await page.getByTestId('pool-size').textContent()).toBe('Output: 7 × 7');
  expect(
    await page.getByRole('link', { name: 'Open the full panel: Convolution lab' }).count(),
  ).toBe(1);

  // A later visit without a route opens where the learner left off; the guide kept its place.
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Train the network' }).waitFor();
  const again = await page.context().newPage();
  await again.goto(`${inject('baseUrl')}`);
  await again.getByRole('heading', { level: 2, name: 'Train the network' }).waitFor();
  await again.getByRole('link', { name: 'Start here' }).click();
  await expect
    .poll(() => again.getByTestId('guide-progress').textContent())
    .toBe('2 of 9 tasks done');
  expect(await again.getByRole('heading', { level: 3 }).textContent()).toBe('§1.2 Pooling');
  expect(await again.getByTestId('guide-task-status').textContent()).toBe('Done ✓');
  expect(pageErrors(page)).toEqual([]);
});

it('shows every step in Chinese on a phone, with no serious axe violation and nothing sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en' });
  const page = await openApp(browser, '#/guide', 'en', { context });
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '从这里开始：一步一步走完教程' }).waitFor();
  const steps = page.getByRole('navigation', { name: '引导路线的步骤' }).getByRole('button');
  const reports: { step: number; title: string; overflow: number; severe: unknown[] }[] = [];
  for (let i = 0; i < 9; i++) {
    await steps.nth(i).click();
    await expect.poll(() => steps.nth(i).getAttribute('aria-current')).toBe('step');
    const title = (await page.getByRole('heading', { level: 3 }).textContent()) ?? '';
    reports.push({
      step: i,
      title,
      overflow: await sidewaysOverflow(page),
      severe: severe(await axeScan(page)),
    });
  }
  console.log(`[e2e] guide steps: ${reports.map((r) => r.title).join(' · ')}`);
  expect(reports.map((r) => r.title)).toEqual([
    '§1.1 卷积',
    '§1.2 池化',
    '§1.3 卷积神经网络',
    '§2.1 激活函数',
    '§2.2 损失',
    '§2.3 数据',
    '§2.4 代码中的网络',
    '§2.5 训练',
    '§2.6 测试',
  ]);
  expect(reports.filter((r) => r.overflow > 0 || r.severe.length > 0)).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
  await context.close();
});
