import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mnistDataDir } from '../../scripts/vite-plugin-mnist';
import {
  confusionMatrix,
  evaluateSplit,
  formatDigits,
  formatSummary,
  summarize,
} from '../../src/ml/evaluate';
import type { MnistSplit } from '../../src/ml/mnist/dataset';
import { createModel } from '../../src/ml/model';
import { layersModelFiles } from '../../src/ml/model-files';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';
import { storedRuns } from './train-helpers';

// The Node reference runs stock TensorFlow.js on its WASM backend (tfjs `cpu` in Node needs
// about a minute for 10,000 images); the page runs whatever its default backend is.
let browser: Browser;
beforeAll(async () => {
  await tf.setBackend('wasm');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const images = readFileSync(`${mnistDataDir()}/t10k-images-idx3-ubyte`).subarray(16);
const labels = readFileSync(`${mnistDataDir()}/t10k-labels-idx1-ubyte`).subarray(8);
const test: MnistSplit = { count: 10_000, images, labels };

/** The first ten test images' predicted digits and their probabilities, as the page shows them. */
async function firstTen(page: Page): Promise<{ digits: string; probs: number[] }> {
  await page.goto(page.url().replace(/#.*/, '#/evaluate'));
  const pre = page.getByTestId('first-predictions');
  await pre.waitFor({ timeout: 60_000 });
  const text = (await pre.textContent()) ?? '';
  const probs =
    (await page.getByTestId('first-confidences').getAttribute('data-probabilities')) ?? '';
  return { digits: text.split('\n')[0], probs: probs.split(' ').map(Number) };
}

/** The same, computed in Node with stock TensorFlow.js. */
function nodeFirstTen(model: tf.LayersModel) {
  return tf.tidy(() => {
    const x = tf.tensor4d(
      Float32Array.from(images.subarray(0, 7840), (b) => b / 255),
      [10, 28, 28, 1],
    );
    const p = tf.softmax(model.predict(x) as tf.Tensor2D);
    return {
      digits: `${formatDigits(p.argMax(1).dataSync())} prediction number`,
      probs: Array.from(p.max(1).dataSync()),
    };
  });
}

function expectClose(a: number[], b: number[]) {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-3));
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    try {
      res.end(readFileSync(join(dir, (req.url ?? '/').slice(1))));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

it('downloads files that stock tf.loadLayersModel reads, and evaluates the untrained model', async () => {
  const page = await openApp(browser, '#/models');
  await page.getByRole('heading', { name: 'Save, reload and share the model' }).waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'digit-lab-'));
  const downloads: string[] = [];
  page.on('download', (d) => {
    const path = join(dir, d.suggestedFilename());
    downloads.push(d.suggestedFilename());
    void d.saveAs(path);
  });
  await page.getByRole('button', { name: 'Download model files' }).click();
  await expect
    .poll(() => downloads.sort())
    .toEqual(['digit-lab-cnn.json', 'digit-lab-cnn.weights.bin']);
  await expect
    .poll(() => {
      try {
        return readFileSync(join(dir, 'digit-lab-cnn.weights.bin')).length;
      } catch {
        return 0;
      }
    })
    .toBe(115_752);

  const { server, url } = await serve(dir);
  const model = await tf.loadLayersModel(`${url}digit-lab-cnn.json`);
  server.close();
  const expected = nodeFirstTen(model);

  const shown = await firstTen(page);
  expect(shown.digits).toBe(expected.digits);
  expectClose(shown.probs, expected.probs);
  await expect.poll(() => page.getByRole('note').first().textContent()).toMatch(/untrained/);

  // Full evaluation in the page against the same weights evaluated in Node.
  const t0 = performance.now();
  const reference = await evaluateSplit(model, test);
  console.log(`[e2e] Node WASM reference evaluation: ${Math.round(performance.now() - t0)} ms`);
  const want = summarize(reference.predicted, labels);
  await page.getByRole('button', { name: 'Evaluate all 10,000 test images' }).click();
  const summary = page.getByTestId('eval-summary');
  await summary.waitFor({ timeout: 240_000 });
  console.log(
    `[e2e] page: ${await summary.textContent()} — ${await page.getByTestId('eval-time').textContent()}`,
  );
  console.log(`[e2e] node: ${formatSummary(want)}`);
  const match = /^10000 total, (\d+) wrong, accuracy (\d+\.\d\d)%$/.exec(
    (await summary.textContent()) ?? '',
  );
  expect(match).not.toBeNull();
  // Backends round differently; an untrained model has near-ties, so allow a couple of flips.
  expect(Math.abs(Number(match![1]) - want.wrong)).toBeLessThanOrEqual(3);

  // A confusion cell opens exactly its images.
  const m = confusionMatrix(reference.predicted, labels);
  const [t, p] = [7, m[7].indexOf(Math.max(...m[7]))];
  await page
    .getByRole('button', { name: new RegExp(`^\\d+ images of ${t} predicted as ${p}$`) })
    .click();
  const gallery = page.getByRole('list', { name: new RegExp(`^Images of ${t} predicted as ${p}`) });
  const count = await gallery.getByRole('img').count();
  expect(Math.abs(count - Math.min(100, m[t][p]))).toBeLessThanOrEqual(3);
  await screenshot(page, 'evaluate');
  expect(pageErrors(page)).toEqual([]);
  model.dispose();
});

it('saves, refuses broken uploads, loads a good one, and restores the autosave after a reload', async () => {
  const page = await openApp(browser, '#/models');
  const message = page.getByTestId('models-message');
  await page.getByLabel('Save current as…', { exact: true }).fill('first');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => message.textContent()).toBe('Saved “first”.');
  await expect.poll(() => page.getByRole('row', { name: /^first/ }).count()).toBe(1);
  await page.getByLabel('Save current as…', { exact: true }).fill('first');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => message.textContent()).toMatch(/already exists/);
  const before = await firstTen(page);

  // A model made in Node: other seed, sigmoid, with metadata saying it had 2 epochs.
  const other = createModel({ activation: 'sigmoid', seed: 7 });
  other.setUserDefinedMetadata({ digitLab: { trained: true, steps: 2400, epochs: 2 } });
  const made = await layersModelFiles(other, 'other');
  const files = { json: Buffer.from(made.json), bin: Buffer.from(made.weights) };
  const otherPrediction = nodeFirstTen(other);
  expect(otherPrediction.digits).not.toBe(before.digits); // else the comparison below proves nothing

  const upload = async (list: { name: string; buffer: Buffer }[]) => {
    await page.goto(page.url().replace(/#.*/, '#/models'));
    await page
      .getByLabel(/^Open model files/)
      .setInputFiles(list.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
  };
  const broken: [string, { name: string; buffer: Buffer }[], RegExp][] = [
    [
      'truncated weights',
      [
        { name: 'm.json', buffer: files.json },
        { name: 'other.weights.bin', buffer: files.bin.subarray(0, 1000) },
      ],
      /holds 1000 bytes but model.json says 115752/,
    ],
    ['missing weights', [{ name: 'm.json', buffer: files.json }], /other.weights.bin is missing/],
    ['not JSON', [{ name: 'm.json', buffer: Buffer.from('garbage') }], /not valid JSON/],
    [
      'another network',
      [
        {
          name: 'm.json',
          buffer: Buffer.from(files.json.toString().replace('"filters":16', '"filters":8')),
        },
        { name: 'other.weights.bin', buffer: files.bin },
      ],
      /not the tutorial CNN: layer conv1 has 8 filters/,
    ],
  ];
  for (const [what, list, reason] of broken) {
    await upload(list);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { message: what }).toMatch(reason);
    expect(await alert.textContent()).toMatch(/current model is unchanged/);
  }
  await screenshot(page, 'saved-models-error');
  const after = await firstTen(page);
  expect(after.digits).toBe(before.digits);
  expectClose(after.probs, before.probs);

  await upload([
    { name: 'digit-lab-cnn.json', buffer: files.json },
    { name: 'other.weights.bin', buffer: files.bin },
  ]);
  await expect.poll(() => message.textContent()).toMatch(/^Loaded .*sigmoid CNN, 2 epochs/);
  // The upload became a run of its own in IndexedDB, so a reload brings it back.
  await expect
    .poll(async () => (await storedRuns(page)).map((r) => [r.steps, r.epochs, r.status]))
    .toEqual([[2400, 2, 'idle']]);
  const uploaded = await firstTen(page);
  expect(uploaded.digits).toBe(otherPrediction.digits);
  expectClose(uploaded.probs, otherPrediction.probs);

  // Reload: the autosave comes back as the current model.
  await page.reload();
  await page.goto(page.url().replace(/#.*/, '#/models'));
  await expect
    .poll(() => page.getByTestId('restored').textContent(), { timeout: 30_000 })
    .toMatch(
      /Restored this tab’s run, autosaved .*: 2 epochs, 2,400 steps.*restarts the optimizer state/,
    );
  const restored = await firstTen(page);
  expect(restored.digits).toBe(otherPrediction.digits);
  expectClose(restored.probs, otherPrediction.probs);

  // Load the first save back, rename it, delete it.
  await page.goto(page.url().replace(/#.*/, '#/models'));
  await page.getByRole('button', { name: 'Load first' }).click();
  await expect
    .poll(() => message.textContent())
    .toBe('Loaded “first”: it is now the current model.');
  const loaded = await firstTen(page);
  expect(loaded.digits).toBe(before.digits);
  expectClose(loaded.probs, before.probs);
  await page.goto(page.url().replace(/#.*/, '#/models'));
  await page.getByRole('button', { name: 'Rename first' }).click();
  await page.getByLabel('New name for first').fill('baseline');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect.poll(() => message.textContent()).toBe('Renamed “first” to “baseline”.');
  await screenshot(page, 'saved-models');
  await page.getByRole('button', { name: 'Delete baseline' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.getByRole('row', { name: /^baseline/ }).count()).toBe(1);
  await page.getByRole('button', { name: 'Delete baseline' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect.poll(() => message.textContent()).toBe('Deleted “baseline”.');
  expect(await page.getByRole('row', { name: /^baseline/ }).count()).toBe(0);
  expect(pageErrors(page)).toEqual([]);
  other.dispose();
});
