import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openApp, pageErrors } from './browser';
import { serveStatic, type StaticServer } from './static-server';
import { phase, startTraining, stepsDone, storedRuns } from './train-helpers';

// Offline after one visit, and isolation (WASM threads) on a static host that sends no headers:
// both come from the service worker, so every test here lets it run in a fresh context.
let browser: Browser;
let host: StaticServer;
beforeAll(async () => {
  browser = await launchBrowser();
  host = await serveStatic(path.resolve('dist'), '/school/digit-lab/');
});
afterAll(async () => {
  await host?.close();
  await browser?.close();
});

const TRAIN_LINK = '#/train?epochs=1&batch=50&lr=0.001&opt=adam&act=relu&seed=1';
const MNIST_DIR = path.resolve('dist/mnist');
const MNIST_BYTES = readdirSync(MNIST_DIR).reduce(
  (s, f) => s + statSync(`${MNIST_DIR}/${f}`).size,
  0,
);

const newContext = (serviceWorkers: 'allow' | 'block' = 'allow') =>
  browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en', serviceWorkers });
const goTo = (page: Page, route: string) => page.goto(page.url().replace(/#.*/, `#/${route}`));
const statusText = (page: Page, id: string) => page.getByTestId(id).textContent();

/** Waits until the status bar says the app shell and MNIST are both kept on this device. */
const offlineReady = (page: Page) =>
  expect.poll(() => statusText(page, 'status-offline')).toMatch(/^Offline: ready/);

/** Records every text the MNIST download bar shows, from before the app starts. */
const recordDownloadBar = (context: BrowserContext) =>
  context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { downloadBar: string[] }).downloadBar = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="mnist-download"]');
      const progress = bar?.querySelector('progress');
      if (bar && progress) seen.push(`${bar.textContent} [${progress.value}/${progress.max}]`);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });

/** Draws a 7 and waits for the ten probability bars of its prediction. */
async function drawSeven(page: Page) {
  const box = (await page.getByLabel('Drawing area: draw a digit here').boundingBox())!;
  const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  await page.mouse.move(...at(0.75, 0.2));
  await page.mouse.move(...at(0.45, 0.85));
  await page.mouse.up();
  await expect.poll(() => page.getByRole('meter').count()).toBe(10);
  return Number(await page.getByTestId('top-digit').textContent());
}

it('reloads offline: MNIST from the device, trains, opens the saved run, evaluates, predicts', async () => {
  const context = await newContext();
  await recordDownloadBar(context);
  const page = await openApp(browser, TRAIN_LINK, 'en', { context });
  await startTraining(page, 5);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page)).toMatch(/^Stopped/);
  const online = await stepsDone(page);
  await expect
    .poll(async () => (await storedRuns(page)).some((r) => r.steps === online))
    .toBe(true);
  await offlineReady(page);
  console.log(`[e2e] ${await statusText(page, 'status-offline')}`);

  // The first visit showed its download: bytes and percent of all four files.
  const bar = await page.evaluate(
    () => (window as unknown as { downloadBar: string[] }).downloadBar,
  );
  expect(bar.length).toBeGreaterThan(0);
  const sized = bar.filter((b) => /\(\d+%\)/.test(b));
  expect(sized.at(-1)).toMatch(
    new RegExp(
      `^Downloading MNIST once for offline use: [\\d.]+ of ${(MNIST_BYTES / 1e6).toFixed(1)} MB \\(\\d+%\\) \\[\\d+/${MNIST_BYTES}\\]$`,
    ),
  );

  await context.setOffline(true);
  await page.reload();
  await expect
    .poll(() => statusText(page, 'status-data'))
    .toMatch(/^MNIST ready: from the copy on this device \(11\.\d MB\)/);
  // The stopped run came back from IndexedDB, and Saved models lists it.
  await expect.poll(() => stepsDone(page)).toBe(online);
  await goTo(page, 'models');
  await expect
    .poll(() =>
      page
        .getByRole('button', { name: /^Load run of/ })
        .first()
        .isEnabled(),
    )
    .toBe(true);

  // Five training steps offline.
  await goTo(page, TRAIN_LINK.slice(2));
  await expect.poll(() => phase(page)).toMatch(/^Ready to train|^Stopped/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Start a new run' }).click();
  await expect.poll(() => stepsDone(page)).toBeGreaterThanOrEqual(5);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page)).toMatch(/^Stopped/);

  // The whole test set evaluates, and a drawn digit is predicted.
  await goTo(page, 'evaluate');
  await page.getByRole('button', { name: 'Evaluate all 10,000 test images' }).click();
  await expect
    .poll(() => page.getByTestId('eval-summary').textContent(), { timeout: 240_000 })
    .toMatch(/^10000 total, \d+ wrong, accuracy \d+\.\d\d%$/);
  await goTo(page, 'draw');
  const top = await drawSeven(page);
  console.log(
    `[e2e] offline: ${await page.getByTestId('eval-summary').count()} · drawn 7 → ${top}`,
  );
  expect(pageErrors(page).filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  await context.close();
});
