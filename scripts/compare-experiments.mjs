/* global indexedDB -- read inside the page, by page.evaluate */
// Runs the tutorial's ReLU vs sigmoid comparison through the app's Experiments panel in headless
// Chromium (one epoch each unless EPOCHS says otherwise), prints each run's numbers as JSON and
// saves the overlaid charts as docs/screenshots/experiments.png. Build first: `npx vite build`.
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const epochs = Number(process.env.EPOCHS ?? 1);
const server = await preview({ preview: { host: '127.0.0.1', port: 0 } });
const base = server.resolvedUrls?.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en' });
  page.setDefaultTimeout(1_800_000);
  await page.goto(`${base}#/experiments?preset=relu-vs-sigmoid&epochs=${epochs}`);
  await page.getByRole('button', { name: 'Start the queue' }).click();
  await page.getByText(/^The queue has finished/).waitFor();
  const runs = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('digit-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('runs').objectStore('runs').getAll();
          all.onsuccess = () => resolve(all.result);
        };
      }),
  );
  for (const r of runs.sort((a, b) => a.startedAt - b.startedAt)) {
    const loss = r.history.loss;
    const tail = loss.slice(-100);
    console.log(
      JSON.stringify({
        activation: r.modelConfig.activation,
        steps: r.steps,
        epochs: r.epochs,
        finalLoss: loss.at(-1).loss,
        meanLossLast100: tail.reduce((s, p) => s + p.loss, 0) / tail.length,
        testAccuracy10k: r.stats.finalAccuracy,
        imagesPerSecond: r.stats.imagesPerSecond,
        seconds: r.stats.seconds,
        backend: r.stats.backend,
        threads: r.stats.threads,
      }),
    );
  }
  const charts = page.locator('.exp-charts');
  await charts.getByTestId('exp-loss-chart').locator('path.recharts-line-curve').nth(1).waitFor();
  await charts.screenshot({ path: 'docs/screenshots/experiments.png' });
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
