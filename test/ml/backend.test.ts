import { describe, expect, it } from 'vitest';
import { backendCandidates, isSoftwareRenderer, setupBackend } from '../../src/ml/backend';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const NVIDIA =
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('backend choice', () => {
  it('tells software renderers from GPUs', () => {
    expect(isSoftwareRenderer(SWIFTSHADER)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer(NVIDIA)).toBe(false);
  });

  it('auto prefers WebGL on a GPU and WASM on software WebGL or none', () => {
    expect(backendCandidates('auto', NVIDIA)[0]).toBe('webgl');
    expect(backendCandidates('auto', SWIFTSHADER)[0]).toBe('wasm');
    expect(backendCandidates('auto', null)[0]).toBe('wasm');
  });

  it('puts an explicit choice first and always ends on a working fallback', () => {
    for (const choice of ['webgl', 'wasm', 'webgpu', 'cpu'] as const) {
      const list = backendCandidates(choice, NVIDIA);
      expect(list[0]).toBe(choice);
      expect(list.at(-1)).toBe('cpu');
    }
  });
});

describe('setupBackend', () => {
  it('shares one setup between concurrent calls for the same choice', async () => {
    const first = setupBackend('cpu');
    const second = setupBackend('cpu');
    expect(second).toBe(first);
    const setup = await first;
    expect(setup).toMatchObject({ backend: 'cpu', requested: 'cpu', outcome: 'requested' });
  });
});
