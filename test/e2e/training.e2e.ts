import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';
import { autosavedSteps, phase, startTraining, stepsDone } from './train-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The worker trains on WASM here (WebGL is software): tests wait for step counts, never for time.
// How smooth the page stays while training is a figure `npm run bench -- --cases app` reports.
const lossPoints = async (page: Page) =>
  Number(await page.getByTestId('loss-chart').getAttribute('data-points'));
const TUTORIAL_LINK = '#/train?epochs=3&batch=50&lr=0.001&opt=adam&act=relu&seed=1';

it('shows the network with its 28,938 parameters', async () => {
  const page = await openApp(browser, '#/model');
  await expect
    .poll(() => page.getByTestId('model-total').textContent(), { timeout: 30_000 })
    .toBe('28,938');
  const printed = await page.getByTestId('model-print').textContent();
  expect(printed).toContain(
    '(0): Conv2d(1, 16, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))',
  );
  expect(printed).toContain('(out): Linear(in_features=1568, out_features=10, bias=True)');
  expect(await page.getByTestId('diagram-pool2').textContent()).toBe('pool232×7×7');
  await screenshot(page, 'model');
  expect(pageErrors(page)).toEqual([]);
});

it('refuses bad settings from a link with a clear message', async () => {
  const page = await openApp(browser, '#/train?epochs=0&lr=abc');
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Ready to train/);
  const alert = page.getByRole('alert').first();
  expect(await alert.textContent()).toContain(
    'Epochs must be a whole number from 1 to 100 (got "0").',
  );
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => page.getByText('no run was started').count()).toBe(1);
  expect(await phase(page)).toMatch(/^Ready to train/);
  // Fixing the field updates the shareable link.
  await page.getByLabel('Epochs').fill('2');
  await page.getByLabel('Learning rate').fill('0.002');
  expect(await page.evaluate(() => location.hash)).toBe(
    '#/train?epochs=2&batch=50&lr=0.002&opt=adam&act=relu&init=pytorch&seed=1',
  );
  // The form says which initialisation is used; the other one goes into the link too.
  const init = page.getByLabel('Initial weights');
  expect(await init.locator('option:checked').textContent()).toMatch(/^PyTorch’s default/);
  await init.selectOption('glorot');
  expect(await page.evaluate(() => location.hash)).toMatch(/&init=glorot&/);
});

it('trains in the worker with live curves and log while the page answers input', async () => {
  const page = await openApp(browser, TUTORIAL_LINK);
  await startTraining(page, 120);
  console.log(
    `[e2e] ${await phase(page)} | ${await page.getByTestId('status-worker').textContent()}`,
  );
  // Steps keep landing, and the charts and log follow them.
  const from = await stepsDone(page);
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThan(from);
  await expect.poll(() => lossPoints(page), { timeout: 30_000 }).toBeGreaterThan(from);
  expect(await page.getByRole('log').textContent()).toMatch(
    /^Epoch: 0 \| train loss: \d\.\d{4} \| test accuracy: 0\.\d\d/,
  );
  expect(await page.getByTestId('progress-epoch').textContent()).toBe('Epoch 1/3');
  await screenshot(page, 'train');

  // The page answers the user while the worker trains: another panel opens, a digit is drawn and
  // predicted, and the run is still going when the user comes back.
  await page.getByRole('link', { name: 'Draw & predict' }).click();
  const pad = (await page.getByLabel('Drawing area: draw a digit here').boundingBox())!;
  await page.mouse.move(pad.x + pad.width * 0.5, pad.y + pad.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(pad.x + pad.width * 0.5, pad.y + pad.height * 0.8, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.getByRole('meter').count(), { timeout: 30_000 }).toBe(10);
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  expect(await phase(page)).toMatch(/^Training/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  expect(await page.getByTestId('status-worker').textContent()).toMatch(
    /Training worker: \w+( \(threads: \d+\))? · Tensors: \d+/,
  );
  // ... and how many threads it trains on, and why (a software WebGL is said to be untimed).
  // ... and which convolution kernels were timed faster (Chromium has relaxed SIMD). Those long
  // lines are folded away until the disclosure is opened from the keyboard.
  const speed = page.getByTestId('status-speed');
  const bar = page.getByRole('contentinfo', { name: 'Status' });
  expect(await speed.isVisible()).toBe(false);
  const folded = (await bar.boundingBox())!.height;
  await page.getByText('Speed, renderer and why').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => speed.isVisible()).toBe(true);
  expect((await bar.boundingBox())!.height).toBeGreaterThan(folded);
  expect(await speed.textContent()).toMatch(
    /^Training speed: (WebGL is software here, so it was not timed \(WASM\) · )?(\d+ of \d+ cores: one stays with the page|1 thread: this device has one core).* · convolutions: our relaxed-SIMD kernels for \d of 5 shapes, XNNPACK for the rest \([\d.]+ ms a step; XNNPACK alone [\d.]+ ms\)$/,
  );
  expect(pageErrors(page)).toEqual([]);
});

const followLink = (page: Page, hash: string) =>
  page.evaluate((h) => {
    location.hash = h;
  }, hash);
const progressLine = (page: Page) => page.getByTestId('train-progress').textContent();

it('pause holds the run, resume goes on from the same step, stop ends it', async () => {
  const page = await openApp(browser, TUTORIAL_LINK);
  // A link followed in the open tab sets the form, with no reload.
  await followLink(page, TUTORIAL_LINK.replace('epochs=3', 'epochs=4'));
  await expect.poll(() => page.getByLabel('Epochs').inputValue()).toBe('4');
  // No progress line before the first step.
  expect(await page.getByTestId('train-progress').count()).toBe(0);
  await startTraining(page, 20);
  await expect.poll(() => progressLine(page)).toMatch(/images\/s.*about \d+:\d\d left$/);
  await page.getByRole('button', { name: 'Pause' }).click();
  // "Paused" comes from the worker once its loop has stopped between two steps.
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Paused/);
  const held = await stepsDone(page);
  // Every step taken before the pause reached the chart, and none after it.
  await expect.poll(() => lossPoints(page), { timeout: 30_000 }).toBe(held);
  expect(await page.getByRole('button', { name: 'Resume' }).isEnabled()).toBe(true);
  expect(await progressLine(page)).toMatch(/steps in allPaused$/);

  // A link to other settings, opened during the run, leaves the run and its form alone.
  await followLink(page, TUTORIAL_LINK.replace('act=relu', 'act=sigmoid'));
  await expect
    .poll(() => page.getByTestId('held-link').textContent())
    .toContain('Epochs: 3; Activation: Sigmoid');
  expect(await page.getByLabel('Activation').inputValue()).toBe('relu');
  expect(await page.getByLabel('Epochs').inputValue()).toBe('4');

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThan(held);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  expect(await progressLine(page)).toMatch(/steps in allStopped$/);
  // Once the run has ended, the form takes the link's settings.
  await expect.poll(() => page.getByLabel('Activation').inputValue()).toBe('sigmoid');
  expect(await page.getByLabel('Epochs').inputValue()).toBe('3');
  expect(await page.getByTestId('held-link').count()).toBe(0);
  const stopped = await stepsDone(page);
  // One loss point per step: the run went on from the held step with none lost or repeated.
  await expect.poll(() => lossPoints(page), { timeout: 30_000 }).toBe(stopped);
  expect(await page.getByRole('button', { name: 'Continue training' }).isEnabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Pause' }).isDisabled()).toBe(true);
  expect(pageErrors(page)).toEqual([]);
});

it('brings a stopped run back after a reload and continues from its weights', async () => {
  const page = await openApp(browser, TUTORIAL_LINK);
  await startTraining(page, 20);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  const stopped = await stepsDone(page);
  // Stop writes the autosave slot; reload only once it holds this run.
  await expect.poll(() => autosavedSteps(page), { timeout: 60_000 }).toBe(stopped);

  await page.reload();
  await expect.poll(() => phase(page), { timeout: 120_000 }).toMatch(/^Ready to train/);
  await expect
    .poll(() => page.getByText(/restored from a saved model/).count(), { timeout: 60_000 })
    .toBe(1);
  await expect.poll(() => stepsDone(page)).toBe(stopped);
  expect(await page.getByRole('log').textContent()).toMatch(/^Epoch: 0 \| train loss/);
  // The curves are back: the loss chart holds the restored run's points.
  await expect.poll(() => lossPoints(page)).toBe(stopped);
  await page.getByRole('button', { name: 'Continue training' }).click();
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThan(stopped);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  expect(pageErrors(page)).toEqual([]);
});

it('trains on the WebGL backend when asked to', async () => {
  const page = await openApp(
    browser,
    '?backend=webgl#/train?epochs=1&batch=50&lr=0.001&opt=adam&act=relu&seed=1',
  );
  await expect
    .poll(() => phase(page), { timeout: 240_000 })
    .toMatch(/^Ready to train · backend: webgl/);
  expect(await page.getByTestId('status-backend').textContent()).toMatch(/Backend: webgl/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // WebGL here is SwiftShader (software, ~1 s a step): two steps prove the path works.
  await expect.poll(() => stepsDone(page), { timeout: 240_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 120_000 }).toMatch(/^Stopped/);
  expect(pageErrors(page)).toEqual([]);
});

it('trains with the convolution kernels the address forces, and says so', async () => {
  const page = await openApp(browser, `?conv=xnnpack${TUTORIAL_LINK}`);
  await expect.poll(() => phase(page), { timeout: 120_000 }).toMatch(/^Ready to train/);
  expect(await page.getByTestId('status-speed').textContent()).toMatch(
    / · convolutions: XNNPACK, as the address asks \(\?conv=\)$/,
  );
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepsDone(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  expect(pageErrors(page)).toEqual([]);
});

it('runs our convolution kernels on helper threads of their own where the worker has two', async () => {
  const page = await openApp(browser, `?threads=2&conv=fma${TUTORIAL_LINK}`);
  await expect.poll(() => phase(page), { timeout: 120_000 }).toMatch(/^Ready to train/);
  expect(await page.getByTestId('status-speed').textContent()).toMatch(
    /convolutions: our relaxed-SIMD kernels, as the address asks \(\?conv=\) \(ours on 2 threads\)$/,
  );
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepsDone(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  // The first step's log line: a finite loss and an accuracy from weights the split kernels
  // trained (a wrong share would give NaN or a diverged run).
  expect(await page.getByRole('log').textContent()).toMatch(
    /^Epoch: 0 \| train loss: \d\.\d{4} \| test accuracy: 0\.\d\d/,
  );
  expect(pageErrors(page)).toEqual([]);
});

it('checks the timed kernel choice by whole training steps where our kernels have helpers', async () => {
  const page = await openApp(browser, `?threads=2${TUTORIAL_LINK}`);
  await expect.poll(() => phase(page), { timeout: 120_000 }).toMatch(/^Ready to train/);
  const line = (await page.getByTestId('status-speed').textContent()) ?? '';
  const [, fma, all, kept, xnnpack] =
    /convolutions: our relaxed-SIMD kernels for (\d) of (\d) shapes, XNNPACK for the rest, checked by whole training steps \(([\d.]+) ms a step; XNNPACK alone ([\d.]+) ms\) \(ours on 2 threads\)$/.exec(
      line,
    ) ?? [];
  expect(line).toContain('checked by whole training steps');
  expect(Number(all)).toBe(5);
  expect(Number(fma)).toBeLessThanOrEqual(5);
  // The kept set is the fastest of those timed, XNNPACK's among them.
  expect(Number(kept)).toBeLessThanOrEqual(Number(xnnpack));
  expect(pageErrors(page)).toEqual([]);
});
