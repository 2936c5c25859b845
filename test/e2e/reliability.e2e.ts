import * as tf from '@tensorflow/tfjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createModel } from '../../src/ml/model';
import { layersModelFiles } from '../../src/ml/model-files';
import { launchBrowser, openApp, pageErrors } from './browser';
import { phase, startTraining, stepsDone, storedRuns } from './train-helpers';

// Each fault the app once mishandled, reproduced the way it happens to users, sized to a few
// training steps: a trained model replaced by Train, a full disk, a dead worker, blocked site data,
// two tabs, a reload mid-epoch, a lost WebGL context, absurd weights, the security policy, and a
// training step that fails.
let browser: Browser;
beforeAll(async () => {
  await tf.setBackend('cpu');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const link = (act = 'relu', epochs = 1) =>
  `#/train?epochs=${epochs}&batch=50&lr=0.001&opt=adam&act=${act}&seed=1`;
const goTo = (page: Page, route: string) => page.goto(page.url().replace(/#.*/, `#/${route}`));

/** Stops the run and waits until the stopped run is on disk with exactly its steps. */
async function stopAndSave(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  const steps = await stepsDone(page);
  await expect
    .poll(async () => (await storedRuns(page)).some((r) => r.steps === steps), { timeout: 60_000 })
    .toBe(true);
  return steps;
}

it('1: Train and Reset ask before replacing a trained model, and the old run stays', async () => {
  const page = await openApp(browser, link());
  await startTraining(page, 20);
  const first = await stopAndSave(page);

  // After a reload the run comes back, with the banner that says so.
  await page.reload();
  await expect.poll(() => phase(page), { timeout: 120_000 }).toMatch(/^Ready to train/);
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBe(first);
  const confirm = page.getByRole('alertdialog');
  for (const button of ['Train', 'Reset']) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect
      .poll(() => confirm.textContent())
      .toMatch(
        /random weights\. The current model \(0 epochs, [\d,]+ steps\) stays in Saved models/,
      );
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await phase(page)).toMatch(/^Ready to train/);
    expect(await stepsDone(page)).toBe(first);
  }

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await confirm.getByRole('button', { name: 'Start a new run' }).click();
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeLessThan(first);
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
  const second = await stopAndSave(page);
  // Two runs on disk: the first one was not overwritten by the second.
  const runs = await storedRuns(page);
  expect(runs.map((r) => r.steps).sort((a, b) => a - b)).toEqual(
    [first, second].sort((a, b) => a - b),
  );
  // The restored-model banner no longer claims the current model.
  await goTo(page, 'models');
  await expect.poll(() => page.getByTestId('run-list').getByRole('row').count()).toBe(3);
  expect(await page.getByTestId('restored').count()).toBe(0);
  expect(pageErrors(page)).toEqual([]);
});

it('2: a full disk is named on every save path, in both languages', async () => {
  const page = await openApp(browser, link());
  await startTraining(page, 10);
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1000 });

  // Autosave on Stop fails, and the Train panel says why.
  await page.getByRole('button', { name: 'Stop' }).click();
  const trainAlert = page.getByTestId('train-autosave-error');
  await expect
    .poll(() => trainAlert.textContent(), { timeout: 60_000 })
    .toBe(
      'Autosave failed: Storage is full: free space on this device or delete saved models, then try again. This run is not saved.',
    );
  expect(await storedRuns(page)).toEqual([]);

  // Save as fails with the same cause (it once read "That did not work: " and nothing more).
  await goTo(page, 'models');
  await page.getByLabel('Save current as…', { exact: true }).fill('kept');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const message = page.getByTestId('models-message');
  await expect
    .poll(() => message.textContent())
    .toBe('Storage is full: free space on this device or delete saved models, then try again.');
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => page.getByTestId('autosave-error').textContent()).toMatch(/存储空间已满/);
  await page.getByRole('button', { name: 'English' }).click();

  // With room again, the same model saves.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => message.textContent()).toBe('Saved “kept”.');
  expect(pageErrors(page)).toEqual([]);
});

it('3: a dead training worker is noticed, reported and replaced, keeping its last weights', async () => {
  const page = await openApp(browser, link());
  await startTraining(page, 30);
  // The page has weights from the worker once the Saved models panel counts steps.
  await goTo(page, 'models');
  await expect
    .poll(
      async () =>
        Number(
          /(\d+) steps/.exec((await page.getByTestId('current-model').textContent()) ?? '')?.[1] ??
            0,
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  const worker = page.workers().find((w) => w.url().includes('trainer.worker'));
  expect(worker).toBeDefined();
  // As an out-of-memory kill does: the worker is gone without a word.
  await worker!.evaluate(() => self.close()).catch(() => {});

  const notice = page.getByTestId('notice-worker');
  await expect
    .poll(() => notice.textContent(), { timeout: 30_000 })
    .toMatch(
      /^The training worker stopped unexpectedly .* last weights it reported \(([\d,]+) steps\)/,
    );
  const kept = Number(
    /\(([\d,]+) steps\)/.exec((await notice.textContent()) ?? '')![1].replace(/,/g, ''),
  );
  expect(kept).toBeGreaterThan(0);
  // The interrupted run was saved with exactly those weights.
  await expect
    .poll(async () => (await storedRuns(page)).map((r) => [r.steps, r.status]), { timeout: 30_000 })
    .toEqual([[kept, 'interrupted']]);
  // A new worker is up with those weights: Continue goes on from them, and nothing is disabled.
  await goTo(page, 'train');
  await expect.poll(() => phase(page), { timeout: 120_000 }).toMatch(/^Ready to train/);
  // The new worker says Ready before the kept weights and their history are back in it.
  await expect.poll(() => stepsDone(page)).toBe(kept);
  expect(await page.getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Continue training' }).click();
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThan(kept);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  await goTo(page, 'models');
  expect(
    await page
      .getByRole('button', { name: /^Load run of/ })
      .first()
      .isEnabled(),
  ).toBe(true);
  expect(pageErrors(page)).toEqual([]);
});

it('4: with site data blocked the app runs, trains, and says nothing will be saved', async () => {
  const page = await openApp(browser, link(), 'en', {
    beforeLoad: (p) =>
      p.addInitScript(() => {
        // What a browser set to block site data does: storage access throws.
        const denied = () => {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        };
        for (const name of ['localStorage', 'sessionStorage'])
          Object.defineProperty(window, name, { get: denied, configurable: true });
        IDBFactory.prototype.open = denied;
      }),
  });
  await expect
    .poll(() => page.getByTestId('notice-storage').textContent(), { timeout: 60_000 })
    .toMatch(/^This browser blocks site data for this page, so nothing will be saved/);
  await startTraining(page, 5);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  // The language switch still works for this visit.
  await page.getByRole('button', { name: '中文' }).click();
  await expect
    .poll(() => page.getByTestId('notice-storage').textContent())
    .toMatch(/^浏览器禁止本页面保存网站数据，所以什么都不会被保存/);
  expect(await page.getByTestId('train-autosave-error').count()).toBe(0);
  expect(pageErrors(page)).toEqual([]);
});

it('5: two tabs autosave into runs of their own; a reload brings back its own tab’s run', async () => {
  const a = await openApp(browser, link('relu', 2));
  const b = await openApp(browser, link('sigmoid', 2), 'en', { context: a.context() });
  await startTraining(a, 10);
  await startTraining(b, 10);
  const stepsA = await stopAndSave(a);
  const stepsB = await stopAndSave(b);
  expect((await storedRuns(a)).map((r) => [r.activation, r.steps]).sort()).toEqual(
    [
      ['relu', stepsA],
      ['sigmoid', stepsB],
    ].sort(),
  );

  await a.reload();
  await expect.poll(() => phase(a), { timeout: 120_000 }).toMatch(/^Ready to train/);
  await expect.poll(() => stepsDone(a), { timeout: 60_000 }).toBe(stepsA);
  await goTo(a, 'models');
  await expect
    .poll(() => a.getByTestId('restored').textContent())
    .toMatch(
      new RegExp(`^Restored this tab’s run, .*: 0 epochs, ${stepsA.toLocaleString('en')} steps`),
    );
  // Its own row is the ReLU run; the other tab's sigmoid run is listed beside it, untouched.
  const own = a.getByTestId('run-list').getByRole('row').filter({ hasText: 'this tab' });
  await expect.poll(() => own.textContent()).toMatch(/ReLU/);
  expect(
    await a.getByTestId('run-list').getByRole('row').filter({ hasText: 'Sigmoid' }).count(),
  ).toBe(1);
  expect(pageErrors(a)).toEqual([]);
  expect(pageErrors(b)).toEqual([]);
});

it('6: a reload mid-epoch asks first, and the minute-by-minute autosave keeps the steps', async () => {
  const page = await openApp(browser, link(), 'en', { beforeLoad: (p) => p.clock.install() });
  await startTraining(page, 30);
  // Leaving while steps are unsaved asks first; staying keeps the run going.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    }),
  );
  await page.evaluate(() => setTimeout(() => location.reload()));
  expect(await asked).toBe('beforeunload');
  const held = await stepsDone(page);
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThan(held);

  // A minute of training passes (the page's clock jumps): the run is written mid-epoch.
  await page.clock.fastForward(61_000);
  await expect
    .poll(async () => (await storedRuns(page))[0]?.status, { timeout: 60_000 })
    .toBe('training');
  const [saved] = await storedRuns(page);
  expect(saved.epochs).toBe(0);
  expect(saved.steps).toBeGreaterThan(0);

  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await expect.poll(() => phase(page), { timeout: 120_000 }).toMatch(/^Ready to train/);
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBe(saved.steps);
  // Continue goes on inside the same epoch, from the step it was saved at.
  await page.getByRole('button', { name: 'Continue training' }).click();
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThan(saved.steps);
  const step = Number(
    /step ([\d,]+)\//
      .exec((await page.getByTestId('progress-step').textContent()) ?? '')![1]
      .replace(/,/g, ''),
  );
  expect(step).toBeGreaterThan(saved.steps);
  expect(pageErrors(page)).toEqual([]);

  // Closing the tab right after Stop (it once lost the Stop save): either the save is already on
  // disk, or the browser asks first; staying lets it finish.
  let askedAgain = false;
  page.once('dialog', (d) => {
    askedAgain = true;
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.close({ runBeforeUnload: true });
  const context = page.context();
  await expect.poll(() => askedAgain || page.isClosed(), { timeout: 60_000 }).toBe(true);
  const reader = page.isClosed() ? await context.newPage() : page;
  if (reader !== page) await reader.goto(page.url().replace(/#.*/, '#/dataset'));
  await expect
    .poll(async () => (await storedRuns(reader))[0]?.status, { timeout: 60_000 })
    .toBe('stopped');
});

/** The percentages the ten probability bars announce. */
async function barPercents(page: Page): Promise<number[]> {
  const names = await page
    .getByRole('meter')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return names.map((n) => Number(/: ([\d.]+|NaN)%$/.exec(n)?.[1]));
}

it('7: a lost WebGL context is reported, the page moves to WASM, and predictions go on', async () => {
  const page = await openApp(browser, '?backend=webgl#/draw', 'en', {
    beforeLoad: (p) =>
      p.addInitScript(() => {
        // Keep every WebGL context the page makes, so the test can lose them.
        const kept: WebGLRenderingContext[] = [];
        (window as unknown as { glContexts: typeof kept }).glContexts = kept;
        for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype]) {
          const get = proto.getContext as (...a: unknown[]) => unknown;
          (proto as { getContext: unknown }).getContext = function (
            this: unknown,
            ...args: unknown[]
          ) {
            const ctx = get.apply(this, args);
            if (typeof args[0] === 'string' && args[0].startsWith('webgl') && ctx)
              kept.push(ctx as WebGLRenderingContext);
            return ctx;
          };
        }
      }),
  });
  await expect
    .poll(() => page.getByTestId('status-backend').textContent(), { timeout: 120_000 })
    .toMatch(/^Backend: webgl/);
  const box = (await page.getByLabel('Drawing area: draw a digit here').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
  await page.mouse.down();
  // One move: every live prediction while drawing sees the finished line, so the bars read
  // below are those of the final drawing, whenever they are read.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8);
  await page.mouse.up();
  await expect.poll(() => page.getByRole('meter').count(), { timeout: 60_000 }).toBe(10);
  const before = await barPercents(page);

  await page.evaluate(() => {
    for (const gl of (window as unknown as { glContexts: WebGLRenderingContext[] }).glContexts)
      gl.getExtension('WEBGL_lose_context')?.loseContext();
  });
  await expect
    .poll(() => page.getByTestId('notice-context').textContent(), { timeout: 60_000 })
    .toMatch(/^The graphics \(WebGL\) context was lost.*Predictions now run on WASM/);
  await expect
    .poll(() => page.getByTestId('status-backend').textContent())
    .toMatch(/^Backend: wasm/);
  // The same weights on WASM give the same bars (rounding aside), not 0.0% everywhere.
  await expect
    .poll(
      async () => {
        const after = await barPercents(page);
        return after.every((p, d) => Math.abs(p - before[d]) <= 0.2);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const sum = (await barPercents(page)).reduce((x, y) => x + y, 0);
  expect(Math.abs(sum - 100)).toBeLessThan(0.6);
  expect(pageErrors(page)).toEqual([]);
});

it('8: weights that overflow a forward pass are refused, and absurd counts are not shown', async () => {
  const page = await openApp(browser, '#/models');
  const model = createModel({ activation: 'relu', seed: 1 });
  model.setUserDefinedMetadata({ digitLab: { trained: true, steps: 1e308, epochs: 2 } });
  const made = await layersModelFiles(model, 'm');
  model.dispose();
  const json = Buffer.from(made.json);
  const huge = Buffer.from(new Float32Array(made.weights.byteLength / 4).fill(3e38).buffer);
  const upload = (bin: Buffer) =>
    page.getByLabel(/^Open model files/).setInputFiles([
      { name: 'm.json', mimeType: 'application/json', buffer: json },
      { name: 'm.weights.bin', mimeType: 'application/octet-stream', buffer: bin },
    ]);
  const facts = page.getByTestId('current-model');
  const untrained = await facts.textContent();
  await upload(huge);
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toBe(
      'These files were not loaded, the current model is unchanged. The weights are so large that a prediction would overflow to NaN (values beyond 10³⁸): no trained copy of this network has weights like these.',
    );
  expect(await facts.textContent()).toBe(untrained);

  await upload(Buffer.from(made.weights));
  await expect
    .poll(() => page.getByTestId('models-message').textContent())
    .toMatch(/^Loaded m\.json, m\.weights\.bin: a relu CNN, 2 epochs/);
  expect(await facts.textContent()).toMatch(/^trained · 2 epochs · 0 steps/);
  expect(pageErrors(page)).toEqual([]);
});

it('9: a strict Content-Security-Policy and nosniff are served, and hold', async () => {
  const page = await openApp(browser, link());
  const response = await page.request.get(page.url());
  const headers = response.headers();
  expect(headers['content-security-policy']).toMatch(
    /script-src 'self' 'wasm-unsafe-eval' blob:;.*style-src 'self';.*frame-ancestors 'none'/,
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(await response.text()).toMatch(/<meta http-equiv="Content-Security-Policy"/);
  // The app trains (WASM with threads) under the policy with no violation.
  await startTraining(page, 5);
  expect(await page.getByTestId('status-worker').textContent()).toMatch(/wasm/);
  expect(pageErrors(page)).toEqual([]);
  // An injected inline script does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.head.append(s);
    return (window as unknown as { injected?: boolean }).injected ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => pageErrors(page).join('\n')).toMatch(/CSP violation: script-src/);
});

it('10: a training step that fails ends the run with its whole steps kept, saved and continued', async () => {
  const page = await openApp(browser, link());
  await startTraining(page, 5);
  const worker = page.workers().find((w) => w.url().includes('trainer.worker'));
  expect(worker).toBeDefined();
  // As a kernel failing mid-run does: the worker's next step throws.
  await worker!.evaluate(() => {
    const scope = self as unknown as Record<string, unknown>;
    scope.keptMessageChannel = scope.MessageChannel;
    scope.MessageChannel = class {
      constructor() {
        throw new Error('injected step failure');
      }
    };
  });
  const alert = page.getByRole('alert');
  await expect
    .poll(() => alert.textContent(), { timeout: 60_000 })
    .toMatch(
      /^The training worker reported: Error: injected step failure Training stopped there\. The weights of its last whole step \(([\d,]+) steps\) were kept and saved\.$/,
    );
  const kept = Number(
    /\(([\d,]+) steps\)/.exec((await alert.textContent()) ?? '')![1].replace(/,/g, ''),
  );
  expect(kept).toBeGreaterThanOrEqual(5);
  await expect.poll(() => phase(page), { timeout: 60_000 }).toMatch(/^Stopped/);
  // Every step's metrics reached the page, and the run is on disk with exactly those weights.
  expect(await stepsDone(page)).toBe(kept);
  await expect
    .poll(async () => (await storedRuns(page)).map((r) => [r.steps, r.status]), { timeout: 30_000 })
    .toEqual([[kept, 'interrupted']]);
  // Once the fault is gone, Continue goes on from those weights in the same worker.
  await worker!.evaluate(() => {
    const scope = self as unknown as Record<string, unknown>;
    scope.MessageChannel = scope.keptMessageChannel;
  });
  await page.getByRole('button', { name: 'Continue training' }).click();
  await expect.poll(() => stepsDone(page), { timeout: 60_000 }).toBeGreaterThan(kept);
  expect(await page.getByRole('alert').count()).toBe(0);
  await stopAndSave(page);
  expect(pageErrors(page)).toEqual([]);
});
