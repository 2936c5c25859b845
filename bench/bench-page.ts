import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '../src/ml/mnist/load';
import { convChooser, type ConvKernelMode } from '../src/ml/wasm/fma/conv-choice';
import type { BenchCase, BenchContext, BenchOptions, BenchRecord } from './bench-context';

// Every module in bench/cases/ is a case, named by its file: add a file to add a case.
const CASES = import.meta.glob<BenchCase>('./cases/*.ts', { eager: true });

const out = document.getElementById('out')!;
const params = new URLSearchParams(location.search);
const list = (key: string, fallback: string) =>
  (params.get(key) ?? fallback).split(',').filter(Boolean);
const options: BenchOptions = {
  backends: list('backend', 'auto'),
  batches: list('batch', '50').map(Number),
  steps: Number(params.get('steps') ?? 20),
  epochs: params.has('epochs') ? Number(params.get('epochs')) : null,
  skipEval: params.get('skipEval') === '1',
  threads: params.has('threads') ? Number(params.get('threads')) : null,
  conv: (params.get('conv') ?? 'auto') as ConvKernelMode,
};
if (!['auto', 'fma', 'xnnpack'].includes(options.conv)) {
  throw new Error(`bad conv "${options.conv}": expected auto, fma or xnnpack`);
}
convChooser.mode = options.conv;

let loaded: ReturnType<BenchContext['mnist']> | null = null;
const ctx: BenchContext = {
  options,
  mnist: () => (loaded ??= loadMnist(new URL('../mnist/', location.href).href)),
  emit: (record: BenchRecord) => {
    const line = JSON.stringify(record);
    out.textContent += `\n${line}`;
    console.log(`BENCH ${line}`);
  },
};

// `flags=WEBGL_PACK:false,WEBGL_CONV_IM2COL:false` sets TensorFlow.js flags before any backend starts.
function applyFlags(): void {
  for (const entry of list('flags', '')) {
    const [name, raw] = entry.split(':');
    const value = raw === 'true' ? true : raw === 'false' ? false : Number(raw);
    if (!name || (typeof value === 'number' && Number.isNaN(value))) {
      throw new Error(`bad flag "${entry}": expected NAME:true|false|number`);
    }
    tf.env().set(name, value);
  }
}

async function main() {
  applyFlags();
  // Without `cases`, every case but those that run only on request.
  const wanted = list(
    'cases',
    Object.entries(CASES)
      .filter(([, mod]) => !mod.onRequestOnly)
      .map(([p]) => p.replace(/^.*\/|\.ts$/g, ''))
      .join(','),
  );
  for (const name of wanted) {
    const mod = CASES[`./cases/${name}.ts`];
    if (typeof mod?.run !== 'function') {
      throw new Error(`bench/cases/${name}.ts must export run(ctx) (see bench/bench-context.ts)`);
    }
    await mod.run(ctx);
  }
}

main().then(
  () => console.log('BENCH_DONE'),
  (err: unknown) =>
    console.log(`BENCH_ERROR ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
);
