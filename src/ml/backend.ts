import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import {
  fasterBackend,
  shouldTimeBackends,
  timeTrainingStep,
  tuneConvolutions,
  type BackendTimings,
} from './backend-timing';
import type { ConvolutionReport } from './wasm/fma/conv-choice';
import type { ThreadPlan } from './worker-threads';
import { initWasmBackend, type CoreCountSource, type WasmPaths } from './wasm/setup';

/** What the active TensorFlow.js backend runs on. */
export interface BackendReport {
  backend: string;
  /** The WebGL renderer string, or null when WebGL is unavailable. */
  renderer: string | null;
  /** True when the renderer is a software rasterizer (no real GPU). */
  softwareRenderer: boolean;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** True when a renderer string names a CPU rasterizer such as SwiftShader or llvmpipe. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

/** The WebGL2 renderer string (unmasked where allowed), from a throwaway OffscreenCanvas. */
export function webglRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = ext
    ? (gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) as string)
    : (gl.getParameter(gl.RENDERER) as string);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

/** Reports the active backend and the renderer behind WebGL. */
export function backendReport(): BackendReport {
  const renderer = webglRenderer();
  return {
    backend: tf.getBackend(),
    renderer,
    softwareRenderer: renderer !== null && isSoftwareRenderer(renderer),
  };
}

/** Backends a training run can ask for; 'auto' picks the fastest one that can train here. */
export const BACKEND_CHOICES = ['auto', 'webgl', 'wasm', 'webgpu', 'cpu'] as const;
/** A backend request. */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** The backend a setup ended on, and why (e.g. a fallback and its cause). */
export interface BackendSetup extends BackendReport {
  requested: BackendChoice;
  /** 'auto' took the fastest it could start; 'requested' got what was asked; 'fallback' did not. */
  outcome: 'auto' | 'requested' | 'fallback';
  /** In words (English, technical), including why each earlier candidate was passed over. */
  reason: string;
  /** Threads of the WASM backend, when it is the one in use. */
  threads?: number;
  /** For 'auto': what decided it (the UI words it in the user's language). */
  autoCause?: AutoCause;
  /** Median training-step ms of each backend, where 'auto' timed them (a real GPU). */
  timings?: BackendTimings;
  /** The training worker's thread decision (the worker adds it). */
  threadPlan?: ThreadPlan;
  /** On WASM with `tuneConvolutions`: which convolution kernels were timed faster. */
  convolutions?: ConvolutionReport;
}

/** The page's or worker's `navigator`, as far as backend setup reads it. */
export interface BackendNavigator extends CoreCountSource {
  /** Present where the browser offers WebGPU. */
  gpu?: unknown;
}

/** Options for setupBackend: where the WASM binaries are served (the bundler knows). */
export interface BackendOptions {
  wasmPaths?: WasmPaths;
  /** WASM threads; default: one per core of `navigator`. */
  threads?: number;
  /**
   * The caller's global `navigator` (pass it in pages and workers): WebGPU is tried only where it
   * has `gpu`, and WASM takes its core count from it. Without it: no WebGPU, 1 WASM thread.
   */
  navigator?: BackendNavigator;
  /**
   * For 'auto' on a real GPU: time training steps on WebGL and on WASM and take the faster (the
   * training worker does; the page, which only predicts, does not).
   */
  timeBackends?: boolean;
  /** On WASM: time our convolution kernels against XNNPACK's before saying ready (the worker). */
  tuneConvolutions?: boolean;
}

async function trySet(name: string, opts: BackendOptions): Promise<string | null> {
  try {
    if (name === 'wasm') {
      await initWasmBackend({
        wasmPaths: opts.wasmPaths,
        threads: opts.threads,
        navigator: opts.navigator,
      });
      return null;
    }
    if (name === 'webgpu') {
      if (opts.navigator?.gpu === undefined) return 'WebGPU is not available';
      await import('@tensorflow/tfjs-backend-webgpu');
    }
    if (name === 'webgl' && webglRenderer() === null && typeof OffscreenCanvas !== 'undefined') {
      return 'WebGL2 is not available';
    }
    return (await tf.setBackend(name)) ? null : `${name} did not initialise`;
  } catch (err) {
    return `${name} failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/**
 * Backends to try, best first. 'auto' prefers WebGL only on a real GPU: on a software renderer
 * (SwiftShader, llvmpipe) the WASM backend with our training kernels is ~40× faster.
 */
export function backendCandidates(choice: BackendChoice, renderer: string | null): string[] {
  switch (choice) {
    case 'auto':
      return renderer !== null && !isSoftwareRenderer(renderer)
        ? ['webgl', 'wasm', 'cpu']
        : ['wasm', 'webgl', 'cpu'];
    case 'webgl':
      return ['webgl', 'wasm', 'cpu'];
    case 'wasm':
      return ['wasm', 'webgl', 'cpu'];
    case 'webgpu':
      return ['webgpu', 'webgl', 'wasm', 'cpu'];
    case 'cpu':
      return ['cpu'];
  }
}

/**
 * Why 'auto' picked its backend: a real GPU, a software WebGL, no WebGL at all, or timed training
 * steps on both (see `timings`).
 */
export type AutoCause = 'gpu' | 'software-webgl' | 'no-webgl' | 'timed';

function autoCause(name: string, renderer: string | null): AutoCause | undefined {
  if (name === 'webgl') return 'gpu';
  if (name === 'wasm') return renderer === null ? 'no-webgl' : 'software-webgl';
  return undefined;
}

function autoReason(name: string, renderer: string | null): string {
  if (name === 'webgl') return `WebGL runs on a GPU (${renderer ?? 'unknown renderer'})`;
  if (name === 'wasm') {
    return renderer === null
      ? 'no WebGL here, so the CPU runs the WASM backend'
      : 'WebGL renders in software here (no GPU), so the WASM backend on the CPU is faster';
  }
  return `${name} is the fastest backend available here`;
}

let inFlight: { choice: BackendChoice; setup: Promise<BackendSetup> } | null = null;

/**
 * Sets up the backend (the one place that does, page and worker alike) and says what and why.
 * A second call for the same choice shares the first one's setup (React runs effects twice in
 * development, and two concurrent WASM start-ups would race); a failed setup can be retried.
 */
export function setupBackend(
  choice: BackendChoice,
  opts: BackendOptions = {},
): Promise<BackendSetup> {
  if (inFlight?.choice === choice) return inFlight.setup;
  const setup = startBackend(choice, opts);
  const entry = { choice, setup };
  inFlight = entry;
  setup.catch(() => {
    if (inFlight === entry) inFlight = null;
  });
  return setup;
}

/** Times WASM, then WebGL, and keeps the faster; null when neither could train. */
async function timedSetup(
  opts: BackendOptions,
  renderer: string | null,
): Promise<BackendSetup | null> {
  const timings: BackendTimings = { webgl: null, wasm: null };
  for (const name of ['wasm', 'webgl'] as const) {
    if ((await trySet(name, opts)) !== null) continue;
    try {
      timings[name] = await timeTrainingStep();
    } catch {
      timings[name] = null; // e.g. WebGL out of memory: the other one trains
    }
  }
  const name = fasterBackend(timings);
  if (timings[name] === null || !(await tf.setBackend(name))) return null;
  await tf.ready();
  const ms = (v: number | null) => (v === null ? 'failed' : `${v.toFixed(1)} ms`);
  return {
    ...backendReport(),
    requested: 'auto',
    outcome: 'auto',
    reason:
      `timed a training step on a GPU (${renderer ?? 'unknown renderer'}): ` +
      `WebGL ${ms(timings.webgl)}, WASM ${ms(timings.wasm)}; ${name} is faster`,
    threads: name === 'wasm' ? getThreadsCount() : undefined,
    autoCause: 'timed',
    timings,
  };
}

async function startBackend(choice: BackendChoice, opts: BackendOptions): Promise<BackendSetup> {
  const setup = await pickBackend(choice, opts);
  if (setup.backend !== 'wasm' || !opts.tuneConvolutions) return setup;
  return { ...setup, convolutions: await tuneConvolutions() };
}

async function pickBackend(choice: BackendChoice, opts: BackendOptions): Promise<BackendSetup> {
  const notes: string[] = [];
  const renderer = webglRenderer();
  const software = renderer !== null && isSoftwareRenderer(renderer);
  if (opts.timeBackends && shouldTimeBackends(choice === 'auto', renderer, software)) {
    const timed = await timedSetup(opts, renderer);
    if (timed) return timed;
    notes.push('neither WebGL nor WASM could train a timed step');
  }
  for (const name of backendCandidates(choice, renderer)) {
    const failure = await trySet(name, opts);
    if (failure === null) {
      await tf.ready();
      const reason =
        notes.length === 0
          ? choice === 'auto'
            ? autoReason(name, renderer)
            : `${name} as requested`
          : `${notes.join('; ')}; using ${name}`;
      const outcome = notes.length > 0 ? 'fallback' : choice === 'auto' ? 'auto' : 'requested';
      const threads = name === 'wasm' ? getThreadsCount() : undefined;
      const cause = outcome === 'auto' ? autoCause(name, renderer) : undefined;
      return { ...backendReport(), requested: choice, outcome, reason, threads, autoCause: cause };
    }
    notes.push(failure);
  }
  throw new Error(`no TensorFlow.js backend could start: ${notes.join('; ')}`);
}

/**
 * Calls `lost` once the WebGL backend's context is lost (a driver reset, the GPU out of memory):
 * from then on every kernel returns zeros or garbage. Returns the unsubscribe; a no-op on other
 * backends.
 */
export function watchWebglContext(lost: () => void): () => void {
  if (tf.getBackend() !== 'webgl') return () => {};
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
  const canvas = gl?.canvas;
  if (!gl || !canvas) return () => {};
  const onLost = (e: Event) => {
    e.preventDefault();
    lost();
  };
  canvas.addEventListener('webglcontextlost', onLost);
  if (gl.isContextLost()) queueMicrotask(lost);
  return () => canvas.removeEventListener('webglcontextlost', onLost);
}
