import type { ActivationName } from '../config';
import { mapAt, type KernelSet, type LayerMaps } from '../features';

/** One input channel's share of a convolution output: the patch it sees, its kernel, their dot product. */
export interface ConvTerm {
  channel: number;
  /** The input window under the kernel, row-major `size × size`; zeros where it hangs over the edge. */
  patch: Float32Array;
  /** The kernel for this input channel, row-major `size × size`. */
  kernel: Float32Array;
  /** Σ patch × kernel. */
  partial: number;
}

/** How one value of a convolution's output map comes about, with the numbers of this input. */
export interface ConvComputation {
  out: number;
  row: number;
  col: number;
  size: number;
  terms: ConvTerm[];
  bias: number;
  /** bias + Σ partials (the value before the activation). */
  sum: number;
  activation: ActivationName;
  /** activation(sum): the map's value at (row, col). */
  value: number;
}

/**
 * Output map `out` at (row, col) of a stride-1, 'same'-padded convolution over `input`
 * (channel-first maps) with `kernels` and `bias`, followed by `activation`: the tutorial's arithmetic
 * done by hand, so every number on screen can be checked.
 */
export function explainConv(
  input: LayerMaps,
  kernels: KernelSet,
  bias: ArrayLike<number>,
  out: number,
  row: number,
  col: number,
  activation: ActivationName,
): ConvComputation {
  const { size, inChannels } = kernels;
  if (inChannels !== input.channels) {
    throw new Error(`kernels take ${inChannels} channels, the input has ${input.channels}`);
  }
  if (out < 0 || out >= kernels.outChannels) throw new Error(`no output map ${out}`);
  const side = input.side;
  if (row < 0 || col < 0 || row >= side || col >= side) {
    throw new Error(`(${row}, ${col}) is outside a ${side} × ${side} map`);
  }
  const pad = (size - 1) >> 1;
  const terms: ConvTerm[] = [];
  // Accumulated in float64, so the hand sum is at least as exact as the model's own.
  let sum = bias[out];
  for (let c = 0; c < inChannels; c++) {
    const map = mapAt(input, c);
    const kStart = (out * inChannels + c) * size * size;
    const kernel = kernels.data.slice(kStart, kStart + size * size);
    const patch = new Float32Array(size * size);
    let partial = 0;
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        const r = row + i - pad;
        const q = col + j - pad;
        const v = r >= 0 && q >= 0 && r < side && q < side ? map[r * side + q] : 0;
        patch[i * size + j] = v;
        partial += v * kernel[i * size + j];
      }
    }
    terms.push({ channel: c, patch, kernel, partial });
    sum += partial;
  }
  const value = activation === 'relu' ? Math.max(0, sum) : 1 / (1 + Math.exp(-sum));
  return { out, row, col, size, terms, bias: bias[out], sum, activation, value };
}

/** The position of the largest value of a map, row-major first on ties: a telling place to start. */
export function argmaxCell(values: ArrayLike<number>, side: number): { row: number; col: number } {
  let best = 0;
  for (let i = 1; i < side * side; i++) if (values[i] > values[best]) best = i;
  return { row: Math.floor(best / side), col: best % side };
}
