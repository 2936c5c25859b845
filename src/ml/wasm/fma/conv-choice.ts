// Which convolution kernel runs each convolution shape: our relaxed-SIMD ones or XNNPACK's. Ours
// win on one thread (one core of FMA beats XNNPACK's single-thread path ~1.3-1.8× on this model);
// XNNPACK wins where it has several threads. Which applies depends on the CPU, the thread count
// and the shape, so each shape is timed while tuning (a few throwaway training steps before a run
// of a new batch size), the two kernels taking turns, and the faster one runs from then on. Real
// training never alternates: a shape nobody tuned runs on XNNPACK, so a run is the same whether
// or not it was resumed.

/** 'auto' times both; the others force one kernel (tests, benchmarks, `?conv=`). */
export type ConvKernelMode = 'auto' | 'fma' | 'xnnpack';
/** The convolutions a training step runs. */
export type ConvOp = 'conv' | 'input-grad' | 'filter-grad';
/** One of the two kernels. */
export type ConvKernelName = 'fma' | 'xnnpack';

/** The choice made for one convolution shape, with the medians it was made from. */
export interface ConvChoice {
  op: ConvOp;
  /** Input and filter (or gradient) shapes, e.g. "50x14x14x16 * 5x5x16x32". */
  shape: string;
  kernel: ConvKernelName;
  fmaMs: number;
  xnnpackMs: number;
}

/** What the WASM backend's convolutions settled on at start, for the status bar. */
export interface ConvolutionReport {
  mode: ConvKernelMode;
  /** False where the engine has no relaxed SIMD (or the kernels could not load): XNNPACK only. */
  available: boolean;
  /** Threads our kernels run on (helpers of our own beside this one; 1 without). */
  fmaThreads?: number;
  /** The tutorial's shapes, timed at start ('auto' only). */
  choices: ConvChoice[];
  /** Where our kernels have helper threads: the whole-step check that followed (see below). */
  stepCheck?: StepCheck;
}

/**
 * The kernel sets a whole-step check compares: the per-shape choices, ours for every shape, and
 * XNNPACK for every shape.
 */
export type KernelSet = 'per-shape' | 'fma' | 'xnnpack';

/** Median ms of a whole training step with each kernel set timed, and the set kept. */
export interface StepCheck {
  kept: KernelSet;
  ms: Partial<Record<KernelSet, number>>;
}

/** The set with the fastest whole step; a tie keeps the per-shape choices. */
export function fastestSet(ms: Partial<Record<KernelSet, number>>): KernelSet {
  let best: KernelSet = 'per-shape';
  for (const set of ['per-shape', 'fma', 'xnnpack'] as const) {
    const v = ms[set];
    const b = ms[best];
    if (v !== undefined && (b === undefined || v < b)) best = set;
  }
  return best;
}

/** Step ms of the chosen kernels and of XNNPACK alone, summed over the timed shapes. */
export function convStepMs(choices: readonly ConvChoice[]): { chosen: number; xnnpack: number } {
  let chosen = 0;
  let xnnpack = 0;
  for (const c of choices) {
    chosen += c.kernel === 'fma' ? c.fmaMs : c.xnnpackMs;
    xnnpack += c.xnnpackMs;
  }
  return { chosen, xnnpack };
}

/** Untimed calls of each kernel first (XNNPACK builds its operator on the first). */
export const WARMUP_CALLS = 2;
/** Timed calls of each kernel before the choice. */
export const TIMED_CALLS = 3;

/** The faster kernel by median ms; a tie keeps XNNPACK, the library's own path. */
export function fasterKernel(fmaMs: number, xnnpackMs: number): ConvKernelName {
  return fmaMs < xnnpackMs ? 'fma' : 'xnnpack';
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Trial {
  calls: number;
  fma: number[];
  xnnpack: number[];
}

/** Times the two kernels per shape and remembers the faster; one per backend. */
export class ConvChooser {
  mode: ConvKernelMode = 'auto';
  /** True while tuning steps run: only then are open shapes timed. */
  tuning = false;
  private readonly tuned = new Set<string>();
  private readonly trials = new Map<string, Trial>();
  private readonly chosen = new Map<string, ConvChoice>();
  /** Each shape's own timed choice, kept while `assign` runs them all on one kernel. */
  private readonly perShape = new Map<string, ConvKernelName>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Runs one convolution with the kernel chosen for (op, shape), timing both kernels while the
   * choice is open. `fma` is null where our kernel does not cover the case.
   */
  run<T>(op: ConvOp, shape: string, fma: (() => T) | null, xnnpack: () => T): T {
    if (fma === null || this.mode === 'xnnpack') return xnnpack();
    if (this.mode === 'fma') return fma();
    const key = `${op} ${shape}`;
    const done = this.chosen.get(key);
    if (done) return done.kernel === 'fma' ? fma() : xnnpack();
    if (!this.tuning) return xnnpack();
    const trial = this.trials.get(key) ?? { calls: 0, fma: [], xnnpack: [] };
    this.trials.set(key, trial);
    const useFma = trial.calls % 2 === 0;
    const t0 = this.now();
    const out = useFma ? fma() : xnnpack();
    const ms = this.now() - t0;
    if (trial.calls >= 2 * WARMUP_CALLS) (useFma ? trial.fma : trial.xnnpack).push(ms);
    trial.calls++;
    if (trial.fma.length >= TIMED_CALLS && trial.xnnpack.length >= TIMED_CALLS) {
      const fmaMs = median(trial.fma);
      const xnnpackMs = median(trial.xnnpack);
      this.chosen.set(key, { op, shape, kernel: fasterKernel(fmaMs, xnnpackMs), fmaMs, xnnpackMs });
      this.trials.delete(key);
    }
    return out;
  }

  /**
   * Runs every chosen shape on `kernel`, or back on its own per-shape choice (null); what
   * `choices` reports follows.
   */
  assign(kernel: ConvKernelName | null): void {
    for (const [key, c] of this.chosen) {
      const own = this.perShape.get(key) ?? c.kernel;
      this.perShape.set(key, own);
      this.chosen.set(key, { ...c, kernel: kernel ?? own });
    }
  }

  /** Shapes still being timed. */
  openTrials(): number {
    return this.trials.size;
  }

  /** True once `tag` (e.g. a batch size) was tuned; marks it. */
  firstTuning(tag: string): boolean {
    if (this.tuned.has(tag)) return false;
    this.tuned.add(tag);
    return true;
  }

  /** The choices made so far, in the order they were made. */
  choices(): ConvChoice[] {
    return [...this.chosen.values()];
  }

  /** Forgets every choice (a new thread count or backend times again). */
  reset(): void {
    this.trials.clear();
    this.chosen.clear();
    this.perShape.clear();
    this.tuned.clear();
  }
}

/** The chooser the WASM backend's convolution kernels share. */
export const convChooser = new ConvChooser();

/** A shape key: the shapes joined, e.g. "50x14x14x16 * 5x5x16x32 pad 2,2,2,2". */
export function shapeKey(
  a: readonly number[],
  b: readonly number[],
  pad: readonly number[],
): string {
  return `${a.join('x')} * ${b.join('x')} pad ${pad.join(',')}`;
}
