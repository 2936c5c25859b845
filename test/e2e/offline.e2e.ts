import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { precacheManifest, SW_FILE } from '../../scripts/vite-plugin-service-worker';
import type { PrecacheManifest } from '../../src/sw/sw-core';
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
    .toMatch(/^MNIST ready: from this device in [\d,]+ ms$/);
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
  const evaluated = await page.getByTestId('eval-summary').textContent();
  await goTo(page, 'draw');
  const top = await drawSeven(page);
  console.log(`[e2e] offline: evaluated ${evaluated}; drawn 7 → ${top}`);
  expect(pageErrors(page)).toEqual([]);
  await context.close();
});

const mnistServed = () =>
  host.served.filter((s) => s.path.startsWith('mnist/')).reduce((s, r) => s + r.bytes, 0);
const allServed = () => host.served.reduce((s, r) => s + r.bytes, 0);

it('runs from a sub-path of a header-less static host: isolated by the worker, MNIST downloaded once', async () => {
  const plain = await fetch(host.url);
  expect(plain.headers.get('Cross-Origin-Embedder-Policy')).toBeNull();
  expect(plain.headers.get('Cross-Origin-Opener-Policy')).toBeNull();

  const context = await newContext();
  const page = await context.newPage();
  host.served.length = 0;
  await page.goto(`${host.url}#/dataset`);
  await expect
    .poll(() => page.getByTestId('dataset-counts').textContent())
    .toBe('60,000 training images · 10,000 test images');
  // The page reloaded once under the worker, which added the headers the host does not send.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await page.getByTestId('status-offline').getAttribute('title')).toContain(
    'Cross-origin isolated through the service worker: WASM can use threads.',
  );
  expect(await page.getByTestId('status-isolation').count()).toBe(0);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const threads = Math.min(8, cores);
  await expect
    .poll(() => statusText(page, 'status-backend'))
    .toMatch(new RegExp(`^Backend: wasm \\(threads: ${threads}\\)`));
  await goTo(page, 'train');
  await expect.poll(() => phase(page)).toMatch(/^Ready to train · backend: wasm/);
  // The training worker, started from the page, is isolated too: threads are open to it.
  const trainer = page.workers().find((w) => w.url().includes('trainer.worker'));
  expect(await trainer!.evaluate(() => crossOriginIsolated)).toBe(true);
  console.log(
    `[e2e] header-less host, ${cores} cores: ${await statusText(page, 'status-backend')}; ${await statusText(page, 'status-worker')}`,
  );
  await offlineReady(page);
  // Page and training worker share one download of each MNIST file.
  const mnistFiles = host.served.filter((s) => s.path.startsWith('mnist/')).map((s) => s.path);
  expect(mnistFiles.sort()).toEqual(
    readdirSync(MNIST_DIR)
      .map((f) => `mnist/${f}`)
      .sort(),
  );
  expect(mnistServed()).toBe(MNIST_BYTES);
  const firstVisit = allServed();

  // Installable: Chromium parses the manifest without an error, finds its icons, and reports
  // no missing piece (its one objection is the test's incognito profile).
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest', {});
  expect(manifest.errors).toEqual([]);
  expect(manifest.url).toBe(`${host.url}manifest.webmanifest`);
  const parsed = manifest.manifest!;
  expect(parsed.name).toBe('Digit Lab');
  expect(parsed.startUrl).toBe(host.url);
  expect(parsed.themeColor).toBeDefined();
  expect(parsed.icons?.map((i) => i.url)).toContain(`${host.url}icons/icon-512.png`);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
  for (const icon of ['icon-192.png', 'icon-512.png']) {
    expect(host.served.some((s) => s.path === `icons/${icon}` && s.bytes > 0)).toBe(true);
  }

  // A second visit downloads no MNIST byte (the host forbids HTTP caching: only the app keeps it).
  await page.close();
  host.served.length = 0;
  const again = await context.newPage();
  await again.goto(`${host.url}#/train`);
  await expect
    .poll(() => statusText(again, 'status-data'))
    .toMatch(/^MNIST ready: from this device in [\d,]+ ms$/);
  await expect.poll(() => phase(again)).toMatch(/^Ready to train · backend: wasm/);
  expect(mnistServed()).toBe(0);
  const repeat = host.served.map((s) => `${s.path} ${s.bytes}`);
  console.log(
    `[e2e] header-less host: first visit ${(firstVisit / 1e6).toFixed(2)} MB (MNIST ${(MNIST_BYTES / 1e6).toFixed(2)} MB); repeat visit ${allServed()} bytes: ${repeat.join(', ') || 'nothing'}`,
  );
  expect(pageErrors(again)).toEqual([]);
  await context.close();
});

it('says WASM runs one thread, and why, where no service worker may run', async () => {
  const context = await newContext('block');
  const page = await context.newPage();
  await page.goto(`${host.url}#/dataset`);
  await expect
    .poll(() => page.getByTestId('dataset-counts').textContent())
    .toBe('60,000 training images · 10,000 test images');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  expect(await statusText(page, 'status-backend')).toMatch(/^Backend: wasm \(threads: 1\)/);
  expect(await statusText(page, 'status-isolation')).toMatch(
    /^One WASM thread: not cross-origin isolated, as the service worker could not start$/,
  );
  console.log(`[e2e] no service worker: ${await statusText(page, 'status-isolation')}`);
  await context.close();
});

it('offers a new build as "update available — reload" and switches only when asked', async () => {
  // A copy of the build, so this test can publish a "new version" of it.
  const root = mkdtempSync(path.join(tmpdir(), 'digit-lab-update-'));
  cpSync('dist', root, { recursive: true });
  const site = await serveStatic(root, '/update/');
  try {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}#/dataset`);
    await offlineReady(page);
    expect(await page.getByTestId('update-ready').count()).toBe(0);

    // The next build changes index.html; its worker lists the new revision, as the plugin writes it.
    const html = readFileSync(`${root}/index.html`, 'utf8');
    writeFileSync(
      `${root}/index.html`,
      html.replace('<head>', '<head>\n    <meta name="digit-lab-build" content="2" />'),
    );
    const sw = readFileSync(`${root}/${SW_FILE}`, 'utf8');
    const old = /\{"version":"[^"]+","entries":\[[^\]]*\]\}/.exec(sw)![0];
    const files = (JSON.parse(old) as PrecacheManifest).entries.map((e): [string, Uint8Array] => [
      e.url,
      readFileSync(`${root}/${e.url}`),
    ]);
    writeFileSync(`${root}/${SW_FILE}`, sw.replace(old, JSON.stringify(precacheManifest(files))));

    site.served.length = 0;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect
      .poll(() => page.getByTestId('update-ready').textContent())
      .toBe('Update available — reload to use the new version.Reload');
    // Until the user reloads, this page stays on its own build; the update fetched only what changed.
    expect(await page.locator('meta[name="digit-lab-build"]').count()).toBe(0);
    expect(site.served.map((s) => s.path).sort()).toEqual(['index.html', SW_FILE]);

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.locator('meta[name="digit-lab-build"]').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('dataset-counts').textContent())
      .toBe('60,000 training images · 10,000 test images');
    expect(await page.getByTestId('update-ready').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  } finally {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  }
});
