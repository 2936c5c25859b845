// Whether a forward pass of the tutorial CNN can overflow float32 for any input in [0, 1].
// An interval bound, not a probe: each layer's largest possible |output| per channel follows from
// the sum of |weights| times the largest input, so a bound under the limit proves every pass finite.
import type { ActivationName } from './config';
import type { WeightSnapshot } from './weights';

/** Largest |activation| we let a forward pass reach; float32 overflows at about 3.4e38. */
export const FORWARD_LIMIT = 1e38;

/** Per output channel, the largest |output| of a conv or dense layer given per-input-channel bounds. */
function layerBound(
  kernel: Float32Array,
  bias: Float32Array,
  inBound: (row: number) => number,
): Float64Array {
  const outs = bias.length;
  const out = Float64Array.from(bias, Math.abs);
  // Kernels are laid out with the output channel last: [..., in, out] (conv) or [in, out] (dense).
  for (let i = 0; i < kernel.length; i++) {
    out[i % outs] += Math.abs(kernel[i]) * inBound(Math.floor(i / outs));
  }
  return out;
}

/**
 * The largest |value| any layer of the tutorial CNN can produce for inputs in [0, 1] with these
 * weights (conv1 kernel, bias, conv2 kernel, bias, dense kernel, bias, as `createModel` orders them);
 * Infinity when the weights are not finite.
 */
export function forwardBound(weights: WeightSnapshot, activation: ActivationName): number {
  const [k1, b1, k2, b2, k3, b3] = weights.map((w) => w.data);
  if (!k1 || !b1 || !k2 || !b2 || !k3 || !b3) throw new Error('expected 6 weight tensors');
  const act = (bound: number) => (activation === 'sigmoid' ? Math.min(bound, 1) : bound);
  // conv1: every input pixel is at most 1. Max pooling keeps bounds; the activation may shrink them.
  const c1 = layerBound(k1, b1, () => 1);
  const a1 = c1.map(act);
  const in1 = b1.length;
  const c2 = layerBound(k2, b2, (row) => a1[row % in1]);
  const a2 = c2.map(act);
  // Flattened [7, 7, 32] (channels last): input row r comes from channel r % 32.
  const in2 = b2.length;
  const logits = layerBound(k3, b3, (row) => a2[row % in2]);
  const all = [...c1, ...c2, ...logits];
  return all.some((v) => !Number.isFinite(v)) ? Infinity : Math.max(...all);
}

/** True when no input in [0, 1] can make a forward pass overflow (or produce NaN) with these weights. */
export function forwardStaysFinite(weights: WeightSnapshot, activation: ActivationName): boolean {
  return forwardBound(weights, activation) < FORWARD_LIMIT;
}
