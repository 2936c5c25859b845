import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openApp, pageErrors } from './browser';
import { storedRuns } from './train-helpers';

// The Experiments panel, as a learner uses it: a link fills the queue with ReLU vs sigmoid, a
// step limit keeps both runs short, Start trains them one after the other in the worker, and the
// run table and the overlaid charts show both; a run's steps download as CSV.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STEPS = 120;

/** The lines drawn in one overlaid chart. */
const lines = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('path.recharts-line-curve').count();

/** A downloaded file's text, from clicking `button`. */
async function downloadText(page: Page, click: () => Promise<void>) {
  const downloaded = page.waitForEvent('download');
  await click();
  const download = await downloaded;
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** CSV text as rows of cells (RFC 4180: quoted cells may hold commas and ""), without the BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted && c === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      cell += c;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    }
  }
  return rows;
}

it('queues ReLU vs sigmoid, trains both, overlays their curves and exports the steps', async () => {
  const page = await openApp(browser, `#/experiments?preset=relu-vs-sigmoid&steps=${STEPS}`);
  const queue = page.getByTestId('experiment-queue');
  await expect.poll(() => queue.locator('tbody tr').count()).toBe(2);
  expect(await page.getByLabel('Activation of queued run 1').inputValue()).toBe('relu');
  expect(await page.getByLabel('Activation of queued run 2').inputValue()).toBe('sigmoid');
  expect(await page.getByLabel('Step limit of queued run 2').inputValue()).toBe(String(STEPS));
  expect(await storedRuns(page)).toEqual([]);

  // Start waits for the worker to be ready (the button is disabled until then).
  await page.getByRole('button', { name: 'Start the queue' }).click({ timeout: 180_000 });
  await expect
    .poll(() => page.getByTestId('queue-phase').textContent(), { timeout: 300_000 })
    .toMatch(/^The queue has finished/);
  expect(await queue.getByTestId('queue-status').allTextContents()).toEqual([
    'done (stopped)',
    'done (stopped)',
  ]);

  const runs = await storedRuns(page);
  expect(runs.map((r) => [r.activation, r.steps]).sort()).toEqual([
    ['relu', STEPS],
    ['sigmoid', STEPS],
  ]);
  const table = page.getByTestId('experiment-runs');
  await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
  // Both runs were ticked as the queue ran them: two lines per chart, named by what differs.
  await expect.poll(() => lines(page, 'exp-loss-chart')).toBe(2);
  await expect.poll(() => lines(page, 'exp-accuracy-chart')).toBe(2);
  const legend = await page
    .getByTestId('exp-loss-chart')
    .locator('.recharts-legend-item-text')
    .allTextContents();
  expect(legend.sort()).toEqual(['ReLU', 'Sigmoid']);
  for (const axis of ['epoch', 'seconds']) {
    await page.getByRole('radio', { name: axis }).check();
    await expect.poll(() => lines(page, 'exp-loss-chart')).toBe(2);
  }

  // One CSV row per step, steps in order, losses and seconds as numbers.
  const row = table.locator('tbody tr', { hasText: 'ReLU' });
  const steps = await downloadText(page, () =>
    row.getByRole('button', { name: /^Download the steps of .* as CSV$/ }).click(),
  );
  expect(steps.name).toMatch(/^digit-lab-run-.+\.csv$/);
  const [header, ...rows] = parseCsv(steps.text);
  expect(header).toEqual(['step', 'epoch', 'loss', 'subset_accuracy', 'test_accuracy', 'seconds']);
  expect(rows.map((r) => Number(r[0]))).toEqual([...Array(STEPS).keys()]);
  for (const r of rows) {
    expect(Number(r[2])).toBeGreaterThan(0);
    expect(Number(r[5])).toBeGreaterThan(0);
  }
  expect(rows.filter((r) => r[3] !== '').map((r) => r[0])).toEqual(['0', '100']);

  const all = await downloadText(page, () =>
    page.getByRole('button', { name: 'Download the table as CSV' }).click(),
  );
  const [runHeader, ...runRows] = parseCsv(all.text);
  expect(runHeader.slice(0, 4)).toEqual(['id', 'name', 'started', 'status']);
  expect(runRows.map((r) => r[runHeader.indexOf('activation')]).sort()).toEqual([
    'relu',
    'sigmoid',
  ]);
  const link = runRows[0][runHeader.indexOf('settings_link')];
  expect(link).toMatch(/^#\/train\?epochs=1&batch=50&lr=0\.001&opt=adam&act=(relu|sigmoid)&/);

  // The overlaid charts as one SVG (with its own legend) and as a PNG.
  const svg = await downloadText(page, () =>
    page.getByRole('button', { name: 'Download charts as SVG' }).click(),
  );
  expect(svg.name).toBe('digit-lab-experiments.svg');
  expect(svg.text.match(/<path[^>]*recharts-line-curve/g)).toHaveLength(4);
  expect(svg.text).toContain('>ReLU</text>');
  expect(svg.text).toContain('>Sigmoid</text>');
  const downloadedPng = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download charts as PNG' }).click();
  const png = readFileSync(await (await downloadedPng).path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  // A run renamed keeps its name after the reload below.
  const sigmoid = table.locator('tbody tr', { hasText: 'Sigmoid' });
  await sigmoid.getByRole('button', { name: /^Rename / }).click();
  await sigmoid.getByRole('textbox', { name: /^New name for / }).fill('sigmoid, first look');
  await sigmoid.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(() => page.getByTestId('exp-message').textContent())
    .toBe('Renamed to “sigmoid, first look”.');

  // Open asks first, since the current model (the sigmoid run) is trained; it stays in the table.
  await row.getByRole('button', { name: /^Open .* as the current model$/ }).click();
  const confirm = page.getByRole('alertdialog');
  expect(await confirm.textContent()).toMatch(/is autosaved and stays in the table/);
  await confirm.getByRole('button', { name: 'Open it' }).click();
  await expect.poll(() => page.getByTestId('exp-message').textContent()).toMatch(/^Opened run of /);

  // Sorting is by buttons in the column headers, which say how the column is sorted.
  const accuracy = page.getByRole('columnheader', { name: 'Accuracy' });
  expect(await accuracy.getAttribute('aria-sort')).toBe('none');
  await accuracy.getByRole('button').press('Enter');
  await expect.poll(() => accuracy.getAttribute('aria-sort')).toBe('descending');

  // Runs survive a reload; on a phone-width screen the panel does not overflow (its wide tables
  // scroll inside their own boxes).
  await page.setViewportSize({ width: 390, height: 800 });
  await page.reload();
  await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
  expect(await table.getByRole('rowheader', { name: /^sigmoid, first look/ }).count()).toBe(1);
  // The queue came back with the reload, so its two runs are ticked again; the keyboard unticks
  // and ticks them.
  await expect.poll(() => lines(page, 'exp-loss-chart')).toBe(2);
  const boxes = await table.getByRole('checkbox', { name: /^Compare / }).all();
  for (const box of boxes) {
    await box.focus();
    await page.keyboard.press('Space');
  }
  await expect.poll(() => lines(page, 'exp-loss-chart')).toBe(0);
  for (const box of boxes) {
    await box.focus();
    await page.keyboard.press('Space');
  }
  await expect.poll(() => lines(page, 'exp-loss-chart')).toBe(2);
  const overflow = await page.evaluate(() => {
    const panel = document.querySelector('section.experiments') as HTMLElement;
    return Math.max(
      panel.scrollWidth - panel.clientWidth,
      panel.getBoundingClientRect().right - innerWidth,
    );
  });
  expect(overflow).toBeLessThanOrEqual(0);
  expect(pageErrors(page)).toEqual([]);
});

it('keeps the weights of the newest five runs and the records of older ones', async () => {
  const page = await openApp(browser, '#/experiments?preset=learning-rates&steps=3');
  const queue = page.getByTestId('experiment-queue');
  await expect.poll(() => queue.locator('tbody tr').count()).toBe(3);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add a run' }).click();
  await page.getByRole('button', { name: 'Start the queue' }).click({ timeout: 180_000 });
  await expect
    .poll(() => page.getByTestId('queue-phase').textContent(), { timeout: 300_000 })
    .toMatch(/^The queue has finished/);
  await expect.poll(async () => (await storedRuns(page)).length).toBe(6);
  const table = page.getByTestId('experiment-runs');
  // The oldest run lost its weights once the sixth was saved: curves only, nothing to open.
  const oldest = table.locator('tbody tr', { hasText: 'curves only' });
  await expect.poll(() => oldest.count()).toBe(1);
  expect(await oldest.getByRole('button', { name: /^Open / }).isDisabled()).toBe(true);
  expect(await oldest.getByRole('checkbox').isDisabled()).toBe(false);
  const weightKeys = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('digit-lab');
        open.onsuccess = () => {
          const keys = open.result.transaction('weights').objectStore('weights').getAllKeys();
          keys.onsuccess = () =>
            resolve((keys.result as string[]).filter((k) => k.startsWith('run/')));
        };
      }),
  );
  expect(weightKeys).toHaveLength(5);
  // Saved models lists only the runs that can still be loaded.
  await page.getByRole('link', { name: 'Saved models' }).click();
  await expect.poll(() => page.getByTestId('run-list').locator('tbody tr').count()).toBe(5);
  expect(pageErrors(page)).toEqual([]);
});

it('a reload mid-queue keeps the waiting runs, marks the cut one, and Start goes on', async () => {
  const page = await openApp(browser, '#/experiments?preset=learning-rates&steps=100000');
  const queue = page.getByTestId('experiment-queue');
  await expect.poll(() => queue.locator('tbody tr').count()).toBe(3);
  await page.getByLabel('Step limit of queued run 3').fill('2');
  await page.getByRole('button', { name: 'Start the queue' }).click({ timeout: 180_000 });
  await expect
    .poll(async () => (await queue.getByTestId('queue-status').allTextContents())[0], {
      timeout: 120_000,
    })
    .toMatch(/^training: [1-9][\d,]* of /);

  // The page asks before it goes (steps are unsaved); the user goes anyway.
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await expect.poll(() => queue.locator('tbody tr').count(), { timeout: 120_000 }).toBe(3);
  expect(await queue.getByTestId('queue-status').allTextContents()).toEqual([
    'interrupted by a reload (its autosave is in the runs below)',
    'waiting',
    'waiting',
  ]);
  expect(await page.getByLabel('Learning rate of queued run 2').inputValue()).toBe('0.001');
  expect(await page.getByLabel('Step limit of queued run 3').inputValue()).toBe('2');
  // Nothing trains by itself after the reload; the page says how to go on.
  await expect.poll(() => page.getByTestId('queue-restored').textContent()).toMatch(/Start/);
  expect(await page.getByTestId('queue-phase').textContent()).toBe('2 runs waiting.');

  // Go on: the second run starts; Stop ends it and cancels the third.
  await page.getByRole('button', { name: 'Start the queue' }).click({ timeout: 180_000 });
  // The cut run had no minute's autosave yet, so the model is untrained: no question to answer.
  expect(await page.getByRole('alertdialog').count()).toBe(0);
  await expect
    .poll(async () => (await queue.getByTestId('queue-status').allTextContents())[1], {
      timeout: 120_000,
    })
    .toMatch(/^training: /);
  expect(await page.getByTestId('queue-restored').count()).toBe(0);
  await page.getByRole('button', { name: 'Stop the queue' }).click();
  await expect
    .poll(() => queue.getByTestId('queue-status').allTextContents(), { timeout: 120_000 })
    .toEqual([
      'interrupted by a reload (its autosave is in the runs below)',
      'done (stopped)',
      'cancelled',
    ]);
  expect(pageErrors(page)).toEqual([]);
});
