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
