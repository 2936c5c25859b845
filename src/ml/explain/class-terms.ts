import type { LayerMaps } from '../features';
import type { WeightSnapshot } from '../weights';

/** One pool2 value's push on a class score: activation × weight. */
export interface ClassTerm {
  channel: number;
  row: number;
  col: number;
  activation: number;
  weight: number;
  product: number;
}

/** Why a class got its score: every pool2 value's contribution, the bias, and their total. */
export interface ClassComputation {
  digit: number;
  bias: number;
  /** All 1,568 terms, largest product first. */
  terms: ClassTerm[];
  /** bias + Σ products: the class score (logit). */
  score: number;
  /** Σ of the positive and of the negative products. */
  up: number;
  down: number;
}

/**
 * Class `digit`'s score from pool2 ([32, 7, 7], channel-first) through the linear layer `out`.
 * TensorFlow.js flattens channels-last, so input row (r·7 + c)·32 + channel holds pool2[channel, r, c].
 */
export function explainClass(
  pool2: LayerMaps,
  weights: WeightSnapshot,
  digit: number,
): ClassComputation {
  const kernel = weights.find((w) => w.name === 'out/kernel');
  const biasW = weights.find((w) => w.name === 'out/bias');
  const { channels, side } = pool2;
  const inputs = channels * side * side;
  if (!kernel || !biasW || kernel.shape[0] !== inputs) {
    throw new Error(`expected out/kernel of shape [${inputs}, classes] and out/bias`);
  }
  const classes = kernel.shape[1];
  if (digit < 0 || digit >= classes) throw new Error(`no class ${digit}`);
  const terms: ClassTerm[] = [];
  let score = biasW.data[digit];
  let up = 0;
  let down = 0;
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      for (let channel = 0; channel < channels; channel++) {
        const activation = pool2.data[(channel * side + row) * side + col];
        const weight = kernel.data[((row * side + col) * channels + channel) * classes + digit];
        const product = activation * weight;
        terms.push({ channel, row, col, activation, weight, product });
        score += product;
        if (product > 0) up += product;
        else down += product;
      }
    }
  }
  terms.sort((a, b) => b.product - a.product);
  return { digit, bias: biasW.data[digit], terms, score, up, down };
}
