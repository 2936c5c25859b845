// Page side of the probe: runs the benchmark in a module worker like the app,
// or (?main=1) just initialises the backend on the main thread.
const params = Object.fromEntries(new URLSearchParams(location.search));
const g = globalThis as unknown as { __result?: unknown; __log: string[] };
g.__log = [];

async function mainThread(): Promise<void> {
  const { initWasmBackend } = await import('../../src/ml/wasm/setup');
  const { WASM_BINARY_URLS } = await import('../../src/ml/wasm/wasm-urls');
  const tf = await import('@tensorflow/tfjs');
  const init = await initWasmBackend({
    threads: Number(params['threads'] ?? 2),
    wasmPaths: WASM_BINARY_URLS,
  });
  const x = tf.randomNormal([50, 14, 14, 16]) as import('@tensorflow/tfjs').Tensor4D;
  const dy = tf.randomNormal([50, 14, 14, 32]) as import('@tensorflow/tfjs').Tensor4D;
  const out = tf
    .engine()
    .runKernel(
      'Conv2DBackpropFilter',
      { x, dy },
      { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [5, 5, 16, 32] },
    );
  g.__result = {
    ...init,
    where: 'main thread',
    hardwareConcurrency: navigator.hardwareConcurrency,
    out: (out as { shape: number[] }).shape,
  };
}

if (params['main']) {
  mainThread().catch((e: unknown) => (g.__result = { error: String(e) }));
} else {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent) => {
    const msg = e.data as { log?: string; result?: unknown };
    if (msg.log) g.__log.push(msg.log);
    if (msg.result) g.__result = msg.result;
  };
  worker.onerror = (e) => {
    g.__result = { error: e.message };
  };
  worker.postMessage({ ...params, isolated: globalThis.crossOriginIsolated });
}
