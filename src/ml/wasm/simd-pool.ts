// A tiny hand-assembled WASM SIMD kernel for the 2×2/stride-2 MaxPoolGrad,
// run directly on tfjs' WASM heap (imports its Memory, so no copies). JS takes
// ~15 ns per window here because the argmax branches are unpredictable; four
// lanes of compare/select masks have no branches. No wat2wasm in the toolchain,
// hence the bytes are built below.
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

const I32 = 0x7f;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function str(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

// Params 0..5: x, g, dx (byte offsets), rows (= N·Ho), wo, c (channels, % 4 = 0).
const [X, G, DX, ROWS, WO, C] = [0, 1, 2, 3, 4, 5];
// i32 locals 6..12, v128 locals 13..
const [CB, RS, R, OW, K, I0, O] = [6, 7, 8, 9, 10, 11, 12];
const [A, B, D, E, V, BEST, GA, GB, GD, GE] = [13, 14, 15, 16, 17, 18, 19, 20, 21, 22];

const get = (l: number) => [0x20, l];
const set = (l: number) => [0x21, l];
const simd = (op: number) => [0xfd, ...uleb(op)];
const load = (addr: number[]) => [...addr, ...simd(0x00), 0, 0];
const at = (ptr: number, ...offs: number[]) => [
  ...get(ptr),
  ...get(O),
  0x6a,
  ...offs.flatMap((o) => [...get(o), 0x6a]),
];
const storeMasked = (addr: number[], mask: number) => [
  ...addr,
  ...get(V),
  ...get(mask),
  ...simd(0x4e),
  ...simd(0x0b),
  0,
  0,
];
// prettier-ignore
const gtSelect = (val: number, flag: number) => [
  ...get(val), ...get(BEST), ...simd(0x44), ...set(flag), // flag = val > best (NaN: false)
  ...get(val), ...get(BEST), ...get(flag), ...simd(0x52), ...set(BEST), // best = flag ? val : best
];
const andnot = (a: number, b: number) => [...get(a), ...get(b), ...simd(0x4f), ...set(a)];
const NEG_INF = [
  ...simd(0x0c),
  ...Array.from({ length: 4 }, () => [0x00, 0x00, 0x80, 0xff]).flat(),
];

// prettier-ignore
const body: number[] = [
  ...get(C), 0x41, 2, 0x74, ...set(CB), // cb = c*4 bytes per pixel
  ...get(WO), ...get(CB), 0x6c, 0x41, 1, 0x74, ...set(RS), // rs = 2·wo·cb (one input row)
  0x41, 0, ...set(R),
  0x02, 0x40, 0x03, 0x40, // block, loop over rows
  ...get(R), ...get(ROWS), 0x4f, 0x0d, 1, // r >= rows → exit
  ...get(R), ...get(RS), 0x6c, 0x41, 1, 0x74, ...set(I0), // i0 = 2·r·rs
  0x41, 0, ...set(OW),
  0x02, 0x40, 0x03, 0x40, // loop over output columns
  ...get(OW), ...get(WO), 0x4f, 0x0d, 1,
  0x41, 0, ...set(K),
  0x02, 0x40, 0x03, 0x40, // loop over channel quads
  ...get(K), ...get(CB), 0x4f, 0x0d, 1,
  ...get(I0), ...get(K), 0x6a, ...set(O),
  ...load(at(X)), ...set(A),
  ...load(at(X, CB)), ...set(B),
  ...load(at(X, RS)), ...set(D),
  ...load(at(X, RS, CB)), ...set(E),
  ...get(G), ...simd(0x00), 0, 0, ...set(V),
  ...NEG_INF, ...set(BEST),
  ...gtSelect(A, GA), ...gtSelect(B, GB), ...gtSelect(D, GD),
  ...get(E), ...get(BEST), ...simd(0x44), ...set(GE),
  // First strict maximum wins: keep each flag only if no later one is set.
  ...andnot(GD, GE), ...andnot(GB, GD), ...andnot(GB, GE),
  ...andnot(GA, GB), ...andnot(GA, GD), ...andnot(GA, GE),
  ...storeMasked(at(DX), GA), ...storeMasked(at(DX, CB), GB),
  ...storeMasked(at(DX, RS), GD), ...storeMasked(at(DX, RS, CB), GE),
  ...get(G), 0x41, 16, 0x6a, ...set(G),
  ...get(K), 0x41, 16, 0x6a, ...set(K),
  0x0c, 0, 0x0b, 0x0b, // continue channel loop; end loop, block
  ...get(I0), ...get(CB), 0x41, 1, 0x74, 0x6a, ...set(I0),
  ...get(OW), 0x41, 1, 0x6a, ...set(OW),
  0x0c, 0, 0x0b, 0x0b,
  ...get(R), 0x41, 1, 0x6a, ...set(R),
  0x0c, 0, 0x0b, 0x0b,
  0x0b,
];

function moduleBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  const locals = [2, ...uleb(7), I32, ...uleb(10), V128];
  const func = [...locals, ...body];
  const limits = shared ? [0x03, ...uleb(1), ...uleb(65536)] : [0x00, ...uleb(1)];
  // prettier-ignore
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 6, I32, I32, I32, I32, I32, I32, 0]),
    ...section(2, [1, ...str('env'), ...str('memory'), 0x02, ...limits]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...str('pool2x2'), 0x00, 0]),
    ...section(10, [1, ...uleb(func.length), ...func]),
  ]);
}

/** Signature of the SIMD kernel: byte offsets of x, dy, dx, then N·Ho, Wo, C. */
export type Pool2x2Grad = (
  x: number,
  g: number,
  dx: number,
  rows: number,
  wo: number,
  c: number,
) => void;

const cache = new WeakMap<object, Pool2x2Grad | null>();

/** The SIMD kernel bound to this backend's heap, or null where it cannot load. */
export function simdPool2x2Grad(backend: BackendWasm): Pool2x2Grad | null {
  const module = backend.wasm as unknown as {
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
  };
  if (cache.has(module)) return cache.get(module) ?? null;
  let fn: Pool2x2Grad | null = null;
  try {
    const memory = module.wasmMemory ?? module.asm?.memory;
    if (memory) {
      const shared =
        typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
      const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes(shared)), {
        env: { memory },
      });
      fn = instance.exports['pool2x2'] as Pool2x2Grad;
    }
  } catch {
    fn = null; // No SIMD or an unexpected heap: the JS loop stays in use.
  }
  cache.set(module, fn);
  return fn;
}
