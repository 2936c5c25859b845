// What a helper thread of the kernel pool runs (kernel-pool.ts): it instantiates our kernels on
// the backend's shared heap, says it is ready, then runs its share of each call it is handed,
// answering through the shared control block. It blocks in Atomics.wait between calls, so it
// costs no CPU while idle, and returns only when told to stop.
import {
  ARGS,
  DONE,
  FAILED,
  OP,
  SEQ,
  SLOT_INTS,
  STOP,
  type HelperReady,
  type HelperStart,
} from './kernel-pool-protocol';

type Kernel = (...args: number[]) => void;

/** Serves one helper slot until told to stop; `post` carries the ready answer to the pool. */
export function runHelper(start: HelperStart, post: (answer: HelperReady) => void): void {
  const { memory, modules, control, slot } = start;
  let kernels: Kernel[];
  try {
    kernels = modules.map(
      ({ module, name }) =>
        new WebAssembly.Instance(module, { env: { memory } }).exports[name] as Kernel,
    );
  } catch (err) {
    post({ ready: false, error: String(err) });
    return;
  }
  const ctl = new Int32Array(control);
  const base = slot * SLOT_INTS;
  // Read before saying ready: a call made as soon as the pool hears it must not be missed.
  let seen = Atomics.load(ctl, base + SEQ);
  post({ ready: true });
  for (;;) {
    Atomics.wait(ctl, base + SEQ, seen);
    const seq = Atomics.load(ctl, base + SEQ);
    if (seq === seen) continue;
    seen = seq;
    const op = ctl[base + OP]!;
    if (op === STOP) return;
    try {
      kernels[op]!(...Array.from(ctl.subarray(base + ARGS, base + ARGS + 12)));
    } catch {
      Atomics.store(ctl, base + FAILED, 1);
    }
    Atomics.store(ctl, base + DONE, seq);
    Atomics.notify(ctl, base + DONE);
  }
}
