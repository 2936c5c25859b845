// The PyTorch bridge as a learner uses it: open the tutorial's cnn2.pkl in the Saved models panel,
// see Evaluate report PyTorch's wrong count, refuse bad files, and save a .pkl PyTorch evaluates.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expected, FIXTURES, torchEvaluate } from '../ml/torch/helpers';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const OPEN_LABEL = /^Open model files/;

/**
 * In the page: drops a file on the Saved models panel (as dragging it there does), or clicks a
 * button, and returns the ms until the panel's message changes.
 */
async function timeToMessage(
  page: Page,
  action: { drop: string; bytes: Buffer } | { click: string },
): Promise<number> {
  const arg =
    'drop' in action ? { drop: action.drop, b64: action.bytes.toString('base64') } : action;
  return page.evaluate(async (a) => {
    const message = document.querySelector('[data-testid="models-message"]')!;
    const before = message.textContent;
    const changed = new Promise<number>((resolve) => {
      const watch = new MutationObserver(() => {
        if (message.textContent === before) return;
        watch.disconnect();
        resolve(performance.now());
      });
      watch.observe(message, { childList: true, subtree: true, characterData: true });
    });
    let start: number;
    if ('drop' in a) {
      const dataTransfer = new DataTransfer();
      const data = Uint8Array.from(atob(a.b64), (c) => c.charCodeAt(0));
      dataTransfer.items.add(new File([data], a.drop));
      start = performance.now();
      document
        .querySelector('section.models-drop')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
    } else {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === a.click,
      )!;
      start = performance.now();
      button.click();
    }
    return (await changed) - start;
  }, arg);
}
const dropOnPanel = (page: Page, name: string, bytes: Buffer) =>
  timeToMessage(page, { drop: name, bytes });

/** The first ten test images' predicted digits, as the Evaluate panel shows them. */
async function firstTen(page: Page): Promise<string> {
  await page.goto(page.url().replace(/#.*/, '#/evaluate'));
  const pre = page.getByTestId('first-predictions');
  await pre.waitFor();
  return ((await pre.textContent()) ?? '').split('\n')[0];
}

/** Runs the full evaluation in the page and returns its wrong count. */
async function evaluateWrong(page: Page): Promise<number> {
  await page.goto(page.url().replace(/#.*/, '#/evaluate'));
  // The first predictions mean MNIST is loaded and the model answers: the page can take a click.
  await page.getByTestId('first-predictions').waitFor();
  await page.getByRole('button', { name: 'Evaluate all 10,000 test images' }).click();
  const summary = page.getByTestId('eval-summary');
  await summary.waitFor({ timeout: 240_000 });
  const text = (await summary.textContent()) ?? '';
  console.log(`[e2e] page: ${text}`);
  const match = /^10000 total, (\d+) wrong, accuracy (\d+\.\d\d)%$/.exec(text);
  expect(match, text).not.toBeNull();
  return Number(match![1]);
}

it('opens cnn2.pkl and evaluates to PyTorch’s wrong count; refuses bad files; saves a .pkl PyTorch reads', async () => {
  const want = expected();
  const page = await openApp(browser, '#/models');
  const message = page.getByTestId('models-message');
  const cnn2 = readFileSync(`${FIXTURES}/cnn2.pkl`);

  // Open through the file input, as the tutorial's file comes from a learner's disk.
  await page.getByLabel(OPEN_LABEL).setInputFiles({
    name: 'cnn2.pkl',
    mimeType: 'application/octet-stream',
    buffer: cnn2,
  });
  await expect
    .poll(() => message.textContent())
    .toBe(
      'Opened cnn2.pkl: a state_dict in the zip format (torch ≥ 1.6). It is now the current model. ' +
        'A state_dict does not record the activation: ReLU is used, as in the tutorial.',
    );
  expect(await evaluateWrong(page)).toBe(want.wrong);
  const imported = await firstTen(page);

  // Bad files, dropped on the panel: each refused with its reason, the model unchanged.
  await page.goto(page.url().replace(/#.*/, '#/models'));
  const bad: [string, Buffer, RegExp][] = [
    ['bad-os-system.pkl', readFileSync(`${FIXTURES}/bad-os-system.pkl`), /run posix\.system/],
    ['bad-eval.pkl', readFileSync(`${FIXTURES}/bad-eval.pkl`), /run builtins\.eval/],
    ['cut.pkl', cnn2.subarray(0, 60_000), /damaged or incomplete: not a complete zip archive/],
    ['bad-1gb-zip.pkl', readFileSync(`${FIXTURES}/bad-1gb-zip.pkl`), /claims 1073741824 bytes/],
    [
      'bad-missing-keys.pkl',
      readFileSync(`${FIXTURES}/bad-missing-keys.pkl`),
      /Missing: conv2\.0\.weight, conv2\.0\.bias, out\.weight, out\.bias/,
    ],
    [
      'bad-kernel-3x3.pkl',
      readFileSync(`${FIXTURES}/bad-kernel-3x3.pkl`),
      /conv1\.0\.weight has shape \[16, 1, 3, 3\]/,
    ],
    ['empty.pkl', Buffer.alloc(0), /empty\.pkl is empty/],
  ];
  for (const [name, bytes, reason] of bad) {
    await dropOnPanel(page, name, bytes);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { message: name }).toMatch(reason);
    expect(await alert.textContent()).toMatch(/current model is unchanged/);
  }
  await screenshot(page, 'saved-models-torch-error');
  expect(await firstTen(page)).toBe(imported);

  // Dropping the legacy file works the same way; time it in the page.
  await page.goto(page.url().replace(/#.*/, '#/models'));
  const importMs = await dropOnPanel(
    page,
    'cnn2-legacy.pkl',
    readFileSync(`${FIXTURES}/cnn2-legacy.pkl`),
  );
  await expect
    .poll(() => message.textContent())
    .toMatch(/^Opened cnn2-legacy\.pkl: .*legacy format/);
  console.log(
    `[e2e] open cnn2-legacy.pkl (117 KB) by drop: ${importMs.toFixed(1)} ms to the message`,
  );

  // Save for PyTorch: PyTorch evaluates the downloaded file to the page's own wrong count.
  const dir = mkdtempSync(join(tmpdir(), 'digit-lab-torch-e2e-'));
  const downloaded = page.waitForEvent('download');
  const exportMs = await timeToMessage(page, { click: 'Save for PyTorch (.pkl)' });
  console.log(`[e2e] save for PyTorch: ${exportMs.toFixed(1)} ms from the click to the message`);
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('digit-lab-cnn.pkl');
  await download.saveAs(join(dir, 'digit-lab-cnn.pkl'));
  await expect.poll(() => message.textContent()).toMatch(/^Downloaded digit-lab-cnn\.pkl/);
  await expect
    .poll(() => page.getByTestId('python-lines').textContent())
    .toMatch(/cnn\.load_state_dict\(torch\.load\('digit-lab-cnn\.pkl'\)\)/);
  await screenshot(page, 'saved-models-torch');
  const torch = torchEvaluate(join(dir, 'digit-lab-cnn.pkl'));
  expect(torch.wrong).toBe(await evaluateWrong(page));
  expect(pageErrors(page)).toEqual([]);
});

it('shows the Python lines in Chinese, with the sigmoid hint for a sigmoid model', async () => {
  const page = await openApp(browser, '#/models', 'zh-CN');
  await page.getByLabel(/^打开模型文件/).setInputFiles({
    name: 'module-sigmoid-float16.pkl',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(`${FIXTURES}/module-sigmoid-float16.pkl`),
  });
  await expect
    .poll(() => page.getByTestId('models-message').textContent())
    .toMatch(/^已打开 module-sigmoid-float16\.pkl.*激活函数 Sigmoid.*float16/);
  const lines = page.getByTestId('python-lines');
  await expect.poll(() => lines.textContent()).toMatch(/# CNN 是教程中的类/);
  expect(await lines.textContent()).toMatch(/nn\.Sigmoid\(\)/);
  expect(pageErrors(page)).toEqual([]);
});
