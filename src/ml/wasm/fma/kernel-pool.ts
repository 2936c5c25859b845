// Our relaxed-SIMD kernels on every thread the WASM backend has. tfjs runs XNNPACK on its own
// pthread pool, which our modules cannot join; so where the backend's heap is shared (threads,
// cross-origin isolation) we start helper workers of our own on that same heap, and each kernel
// call is split by images: this thread runs the first share, each helper one of the others, and
// the call returns when all are done. The helpers block in Atomics.wait between calls.
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backendMemory, type KernelBytes } from './heap';
import {
  ARGS,
  DONE,
  FAILED,
  OP,
  SEQ,
  SLOT_INTS,
  STOP,
  type HelperModule,
  type HelperReady,
  type HelperStart,
} from './kernel-pool-protocol';

/** The kernels a pool runs, by their OP number. */
export const POOL_OPS = { conv: 0, filterGrad: 1 } as const;
export type PoolOp = keyof typeof POOL_OPS;

/** How long a call waits for a helper before it gives up on the pool. */
const HELPER_TIMEOUT_MS = 30_000;
/** How long starting the helpers may take before the pool is left out. */
const START_TIMEOUT_MS = 20_000;

/** A range of images [from, to). */
export interface ImageRange {
  from: number;
  to: number;
}

/** n images in `parts` near-equal ranges, the larger first; empty ranges left out. */
export function splitImages(n: number, parts: number): ImageRange[] {
  const ranges: ImageRange[] = [];
  let from = 0;
  for (let p = 0; p < parts; p++) {
    const size = Math.floor(n / parts) + (p < n % parts ? 1 : 0);
    if (size > 0) ranges.push({ from, to: from + size });
    from += size;
  }
  return ranges;
}

function canBlock(): boolean {
  const scope = globalThis as unknown as { WorkerGlobalScope?: new () => unknown };
  return scope.WorkerGlobalScope !== undefined && globalThis instanceof scope.WorkerGlobalScope;
}

/** Helper workers on one backend's heap, and the control block they answer through. */
export class KernelPool {
  private readonly ctl: Int32Array;
  private seq = 0;
  private readonly blocking = canBlock();
  /** False once a helper failed or stopped answering: calls run on this thread alone. */
  usable = true;

  constructor(
    control: SharedArrayBuffer,
    private readonly workers: HelperThread[],
    private readonly timeoutMs = HELPER_TIMEOUT_MS,
  ) {
    this.ctl = new Int32Array(control);
  }

  /** Threads a call is split over: this one and the helpers. */
  get threads(): number {
    return this.usable ? this.workers.length + 1 : 1;
  }

  /**
   * Runs `op` with `args[0]` on this thread (through `local`) and `args[i]` on helper i-1, and
   * returns when all are done. Throws where a helper failed or stopped answering.
   */
  run(op: PoolOp, local: (...a: number[]) => void, args: number[][]): void {
    const seq = ++this.seq;
    const helpers = args.length - 1;
    if (helpers > this.workers.length) throw new Error('more shares than helper threads');
    for (let h = 0; h < helpers; h++) {
      const base = h * SLOT_INTS;
      this.ctl[base + OP] = POOL_OPS[op];
      this.ctl.set(args[h + 1]!, base + ARGS);
      Atomics.store(this.ctl, base + SEQ, seq);
      Atomics.notify(this.ctl, base + SEQ);
    }
    local(...args[0]!);
    const deadline = performance.now() + this.timeoutMs;
    for (let h = 0; h < helpers; h++) {
      const done = h * SLOT_INTS + DONE;
      while (Atomics.load(this.ctl, done) !== seq) {
        if (this.blocking) Atomics.wait(this.ctl, done, Atomics.load(this.ctl, done), 100);
        if (performance.now() > deadline) {
          this.usable = false;
          throw new Error('a convolution helper thread stopped answering');
        }
      }
      if (Atomics.load(this.ctl, h * SLOT_INTS + FAILED) !== 0) {
        this.usable = false;
        throw new Error('a convolution helper thread failed');
      }
    }
  }

  /** Ends the helpers. */
  stop(): void {
    this.usable = false;
    for (let h = 0; h < this.workers.length; h++) {
      const base = h * SLOT_INTS;
      this.ctl[base + OP] = STOP;
      Atomics.add(this.ctl, base + SEQ, 1);
      Atomics.notify(this.ctl, base + SEQ);
    }
  }
}

/** A helper thread as the pool sees it: started with its message, answering once ready. */
export interface HelperThread {
  /** Posts the start message; resolves true once the helper's kernels are instantiated. */
  start(message: HelperStart): Promise<boolean>;
  terminate(): void;
}

/** A helper in a browser worker of its own (module worker, same origin). */
export function browserHelper(): HelperThread {
  const worker = new Worker(new URL('./kernel-helper.worker.ts', import.meta.url), {
    type: 'module',
  });
  return {
    start: (message) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
        worker.onmessage = (e: MessageEvent<HelperReady>) => {
          clearTimeout(timer);
          resolve(e.data.ready);
        };
        worker.onerror = () => {
          clearTimeout(timer);
          resolve(false);
        };
        worker.postMessage(message);
      }),
    terminate: () => worker.terminate(),
  };
}

/** Compiled kernel modules for helpers, in POOL_OPS order. */
export function helperModules(modules: { bytes: KernelBytes; name: string }[]): HelperModule[] {
  return modules.map(({ bytes, name }) => ({ module: new WebAssembly.Module(bytes.shared), name }));
}

/**
 * `threads - 1` helpers on a shared memory, or null where any fails to start (those that did are
 * ended).
 */
export async function createKernelPool(
  memory: WebAssembly.Memory,
  threads: number,
  modules: HelperModule[],
  spawn: () => HelperThread = browserHelper,
  timeoutMs = HELPER_TIMEOUT_MS,
): Promise<KernelPool | null> {
  const helpers = threads - 1;
  if (helpers < 1) return null;
  const control = new SharedArrayBuffer(helpers * SLOT_INTS * 4);
  const workers: HelperThread[] = [];
  try {
    const answers: Promise<boolean>[] = [];
    for (let slot = 0; slot < helpers; slot++) {
      const worker = spawn();
      workers.push(worker);
      answers.push(worker.start({ memory, modules, control, slot }));
    }
    if (!(await Promise.all(answers)).every(Boolean)) throw new Error('a helper did not start');
  } catch {
    for (const w of workers) w.terminate();
    return null;
  }
  return new KernelPool(control, workers, timeoutMs);
}

const pools = new WeakMap<object, KernelPool | null>();

/** The pool started on this backend's heap, or null (one thread, or none could start). */
export function kernelPool(backend: BackendWasm): KernelPool | null {
  const pool = pools.get(backend.wasm);
  return pool?.usable ? pool : null;
}

/**
 * Starts `threads - 1` helpers on the backend's heap where it is shared and workers can start,
 * once per backend; resolves to the pool, or null where it cannot be had (the kernels then run on
 * one thread).
 */
export async function startKernelPool(
  backend: BackendWasm,
  threads: number,
  modules: { bytes: KernelBytes; name: string }[],
  spawn: () => HelperThread = browserHelper,
): Promise<KernelPool | null> {
  if (pools.has(backend.wasm)) return kernelPool(backend);
  const memory = backendMemory(backend);
  const shared =
    typeof SharedArrayBuffer !== 'undefined' && memory?.buffer instanceof SharedArrayBuffer;
  if (
    threads < 2 ||
    !memory ||
    !shared ||
    (spawn === browserHelper && typeof Worker === 'undefined')
  ) {
    return null;
  }
  const pool = await createKernelPool(memory, threads, helperModules(modules), spawn);
  pools.set(backend.wasm, pool);
  return pool;
}
