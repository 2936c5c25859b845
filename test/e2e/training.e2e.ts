import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The worker trains on WASM here (WebGL is software), ~40 steps a second: tests watch seconds, not epochs.
const stepsDone = async (page: Page) =>
  Number(((await page.getByTestId('progress-total').textContent()) ?? '').replace(/\D/g, ''));
const phase = (page: Page) => page.getByTestId('train-phase').textContent();

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}
const NOT_SCRIPT = new Set(['(idle)', '(program)', '(root)']);

/**
 * Samples the main thread for `ms` and returns its longest unbroken stretch of JavaScript
 * (GC included), in ms, and the total script time. Unlike long-task entries, this does not count
 * time the OS gave to other processes, which on a loaded 2-core machine is most of a long task.
 */
async function mainThreadScript(
  page: Page,
  ms: number,
): Promise<{ longest: number; total: number; longestTop: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(ms);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const name = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let run = 0;
  let longest = 0;
  let total = 0;
  let runNames = new Map<string, number>();
  let longestNames = runNames;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] / 1000;
    if (i === 0 || NOT_SCRIPT.has(name.get(id) ?? '')) {
      run = 0;
      runNames = new Map();
      return;
    }
    run += dt;
    total += dt;
    const fn = name.get(id) || '(anonymous)';
    runNames.set(fn, (runNames.get(fn) ?? 0) + dt);
    if (run > longest) {
      longest = run;
      longestNames = runNames;
    }
  });
  // The functions most sampled in the longest stretch, to tell our code from GC or preemption.
  const longestTop = [...longestNames]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([fn, t]) => `${fn} ${t.toFixed(1)} ms`)
    .join(', ');
  return { longest, total, longestTop };
}

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
    '#/train?epochs=2&batch=50&lr=0.002&opt=adam&act=relu&seed=1',
  );
});

it('trains in the worker: live curves, pause holds, resume goes on, stop ends; no long tasks', async () => {
  const page = await openApp(
    browser,
    '#/train?epochs=3&batch=50&lr=0.001&opt=adam&act=relu&seed=1',
  );
  await expect
    .poll(() => phase(page), { timeout: 60_000 })
    .toMatch(/^Ready to train · backend: \w+/);
  const worker = await page.getByTestId('status-worker').textContent();
  console.log(`[e2e] ${await phase(page)} | ${worker}`);

  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(50);
  // Steady training from here: no long task on the main thread while steps land.
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const steadyFrom = await stepsDone(page);
  const script = await mainThreadScript(page, 8000);
  const steadyTo = await stepsDone(page);
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  const load = loadavg()[0].toFixed(1);
  console.log(
    `[e2e] steady training: steps ${steadyFrom}→${steadyTo} in 8 s; main-thread script ${script.total.toFixed(0)} ms, longest stretch ${script.longest.toFixed(1)} ms (${script.longestTop}); long-task entries ${JSON.stringify(longTasks)} ms (load average ${load} on ${cpus().length} cores)`,
  );
  expect(steadyTo).toBeGreaterThan(steadyFrom);
  // Our main-thread work never runs 50 ms in one go, and stays under 10% of the window.
  expect(script.longest).toBeLessThan(50);
  expect(script.total).toBeLessThan(800);
  // Long-task entries also count time the OS gave to other processes (this machine is shared and
  // its 2 cores are also running SwiftShader for the worker), so they are bounded in total, not zero.
  expect(longTasks.reduce((a, b) => a + b, 0)).toBeLessThan(800);
  expect(Number(await page.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThan(
    steadyFrom,
  );
  expect(await page.getByRole('log').textContent()).toMatch(
    /^Epoch: 0 \| train loss: \d\.\d{4} \| test accuracy: 0\.\d\d/,
  );
  expect(await page.getByTestId('progress-epoch').textContent()).toBe('Epoch 1/3');
  await screenshot(page, 'train');

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => phase(page), { timeout: 20_000 }).toMatch(/^Paused/);
  const held = await stepsDone(page);
  await page.waitForTimeout(3000);
  expect(await stepsDone(page)).toBe(held);

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => stepsDone(page), { timeout: 20_000 }).toBeGreaterThan(held);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 20_000 }).toMatch(/^Finished/);
  const stopped = await stepsDone(page);
  await page.waitForTimeout(2000);
  expect(await stepsDone(page)).toBe(stopped);
  expect(await page.getByRole('button', { name: 'Continue training' }).isEnabled()).toBe(true);
  expect(await page.getByTestId('status-worker').textContent()).toMatch(
    /Training worker: \w+( \(threads: \d+\))? · Tensors: \d+/,
  );
  expect(pageErrors(page)).toEqual([]);

  // The autosave brings the stopped run back after a reload; Continue goes on from its weights.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Ready to train/);
  await expect
    .poll(() => page.getByText(/restored from a saved model/).count(), { timeout: 20_000 })
    .toBe(1);
  await expect.poll(() => stepsDone(page)).toBe(stopped);
  expect(await page.getByRole('log').textContent()).toMatch(/^Epoch: 0 \| train loss/);
  // The curves are back: the loss chart holds the restored run's points.
  await expect
    .poll(async () => Number(await page.getByTestId('loss-chart').getAttribute('data-points')))
    .toBe(stopped);
  await page.getByRole('button', { name: 'Continue training' }).click();
  await expect.poll(() => stepsDone(page), { timeout: 30_000 }).toBeGreaterThan(stopped);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 20_000 }).toMatch(/^Finished/);
  expect(pageErrors(page)).toEqual([]);
});

it('trains on the WebGL backend when asked to', async () => {
  const page = await openApp(
    browser,
    '?backend=webgl#/train?epochs=1&batch=50&lr=0.001&opt=adam&act=relu&seed=1',
  );
  await expect
    .poll(() => phase(page), { timeout: 120_000 })
    .toMatch(/^Ready to train · backend: webgl/);
  expect(await page.getByTestId('status-backend').textContent()).toMatch(/Backend: webgl/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // WebGL here is SwiftShader (software, ~1 s a step): two steps prove the path works.
  await expect.poll(() => stepsDone(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Finished/);
  expect(pageErrors(page)).toEqual([]);
});
