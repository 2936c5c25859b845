/* global window */
// The `app` bench case: drives the real app (Train panel, worker, charts) in headless Chromium and
// reports the worker's images/s and how busy the page's main thread is while it trains.

import { writeFileSync } from 'node:fs';

const NOT_SCRIPT = new Set(['(idle)', '(program)', '(root)']);

/**
 * Longest unbroken stretch of main-thread JavaScript (GC included) in a CDP CPU profile, and the
 * total. Unlike long-task entries, this leaves out time the OS gave to other processes.
 */
export function scriptStretches(profile, sampleMs = 0.5) {
  const name = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let run = 0;
  let longest = 0;
  let total = 0;
  // On a busy machine a descheduled thread shows as one long sample: capping each sample at two
  // intervals counts (about) the CPU the page's JavaScript took, not the time it waited.
  let cpu = 0;
  let runNames = new Map();
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
    cpu += Math.min(dt, 2 * sampleMs);
    const fn = name.get(id) || '(anonymous)';
    runNames.set(fn, (runNames.get(fn) ?? 0) + dt);
    if (run > longest) {
      longest = run;
      longestNames = runNames;
    }
  });
  const top = [...longestNames]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([fn, t]) => `${fn} ${t.toFixed(1)} ms`)
    .join(', ');
  return { longest, total, cpu, top };
}

const stepsDone = async (page) =>
  Number(((await page.getByTestId('progress-total').textContent()) ?? '').replace(/\D/g, ''));

async function until(check, what, timeoutMs = 180_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`app case: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Opens `appUrl` (the built index.html), trains the tutorial's settings for `seconds` of steady
 * training and returns one bench record.
 */
export async function runAppCase(
  browser,
  appUrl,
  { seconds = 10, batch = 50, threads: askThreads = null, profileOut = null, fromStep = 50 } = {},
) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const pageQuery = askThreads ? `?threads=${askThreads}` : '';
    await page.goto(
      `${appUrl}${pageQuery}#/train?epochs=10&batch=${batch}&lr=0.001&opt=adam&act=relu&seed=1`,
    );
    const phase = page.getByTestId('train-phase');
    await until(async () => /^Ready to train/.test((await phase.textContent()) ?? ''), 'ready');
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // Past the first steps (kernel compilation, first charts) before measuring.
    await until(async () => (await stepsDone(page)) >= fromStep, `${fromStep} steps`);
    await page.evaluate(() => (window.__longTasks = []));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    const from = await stepsDone(page);
    const t0 = Date.now();
    await cdp.send('Profiler.start');
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const { profile } = await cdp.send('Profiler.stop');
    if (profileOut) writeFileSync(profileOut, JSON.stringify(profile));
    const to = await stepsDone(page);
    const wall = (Date.now() - t0) / 1000;
    await cdp.detach();
    const longTasks = await page.evaluate(() => window.__longTasks);
    const worker = (await page.getByTestId('status-worker').textContent()) ?? '';
    await page.getByRole('button', { name: 'Stop' }).click();
    const script = scriptStretches(profile);
    const threads = /threads: (\d+)/.exec(worker)?.[1];
    const backend = /: (\w+)/.exec(worker)?.[1] ?? null;
    const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
    return {
      case: 'app',
      worker: worker.replace(/ · Tensors.*$/, ''),
      backend,
      threads: threads ? Number(threads) : null,
      batch,
      seconds: round(wall),
      steps: to - from,
      images_per_s: round(((to - from) * batch) / wall),
      main_script_ms_per_s: round(script.total / wall),
      main_script_cpu_ms_per_s: round(script.cpu / wall),
      longest_script_ms: round(script.longest),
      longest_script_top: script.top,
      long_tasks: longTasks.length,
      longest_task_ms: round(Math.max(0, ...longTasks)),
    };
  } finally {
    await page.close();
  }
}
