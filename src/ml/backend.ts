import * as tf from '@tensorflow/tfjs';

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
}

async function trySet(name: string): Promise<string | null> {
  try {
    if (name === 'webgpu') {
      if (typeof navigator === 'undefined' || !('gpu' in navigator))
        return 'WebGPU is not available';
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

// Stock tfjs WASM has no Conv2DBackpropFilter kernel (tensorflow/tfjs#8474), so it cannot train
// this model; the WASM backend with training kernels (initWasmBackend) goes first here once merged.
const CANDIDATES: Record<BackendChoice, string[]> = {
  auto: ['webgl', 'cpu'],
  webgl: ['webgl', 'cpu'],
  wasm: ['webgl', 'cpu'],
  webgpu: ['webgpu', 'webgl', 'cpu'],
  cpu: ['cpu'],
};

/** Sets up the backend for training (the one place that does) and reports what it got and why. */
export async function setupBackend(choice: BackendChoice): Promise<BackendSetup> {
  const notes: string[] = [];
  if (choice === 'wasm') notes.push('the WASM backend with training kernels is not in this build');
  for (const name of CANDIDATES[choice]) {
    const failure = await trySet(name);
    if (failure === null) {
      await tf.ready();
      const reason =
        notes.length === 0
          ? choice === 'auto'
            ? `${name} is the fastest backend available here`
            : `${name} as requested`
          : `${notes.join('; ')}; using ${name}`;
      const outcome = notes.length > 0 ? 'fallback' : choice === 'auto' ? 'auto' : 'requested';
      return { ...backendReport(), requested: choice, outcome, reason };
    }
    notes.push(failure);
  }
  throw new Error(`no TensorFlow.js backend could start: ${notes.join('; ')}`);
}
