// Page side of the probe: runs the benchmark in a module worker like the app.
const params = Object.fromEntries(new URLSearchParams(location.search));
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const g = globalThis as unknown as { __result?: unknown; __log: string[] };
g.__log = [];
worker.onmessage = (e: MessageEvent) => {
  const msg = e.data as { log?: string; result?: unknown };
  if (msg.log) g.__log.push(msg.log);
  if (msg.result) g.__result = msg.result;
};
worker.onerror = (e) => {
  g.__result = { error: e.message };
};
worker.postMessage({ ...params, isolated: globalThis.crossOriginIsolated });
