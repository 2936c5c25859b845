import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS, MNIST_SIDE, NUM_CLASSES, type MnistSplit } from './mnist/dataset';

/** The model's answer for every image of a split: digit and its softmax probability. */
export interface SplitPredictions {
  /** Predicted digit per image, length = split count. */
  predicted: Uint8Array;
  /** Softmax probability of the predicted digit per image, length = split count. */
  confidence: Float32Array;
}

/** Options for `evaluateSplit`. */
export interface EvaluateOptions {
  /** Images per forward pass; 500–1000 keeps memory small and the page responsive. */
  batchSize?: number;
  /** Called after each batch with the number of images done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between batches when aborted (the promise rejects with an AbortError). */
  signal?: AbortSignal;
}

/** Default images per batch for evaluation. */
export const EVAL_BATCH_SIZE = 1000;

/**
 * Runs `model` on every image of `split`, batch by batch, on whatever backend is active.
 * Each batch is built, predicted and reduced inside `tf.tidy`; only two small arrays leave it.
 */
export async function evaluateSplit(
  model: tf.LayersModel,
  split: MnistSplit,
  options: EvaluateOptions = {},
): Promise<SplitPredictions> {
  const { batchSize = EVAL_BATCH_SIZE, onProgress, signal } = options;
  const predicted = new Uint8Array(split.count);
  const confidence = new Float32Array(split.count);
  for (let start = 0; start < split.count; start += batchSize) {
    signal?.throwIfAborted();
    const size = Math.min(batchSize, split.count - start);
    const [digits, probs] = tf.tidy(() => {
      const bytes = split.images.subarray(start * MNIST_PIXELS, (start + size) * MNIST_PIXELS);
      const x = tf.tensor4d(bytes, [size, MNIST_SIDE, MNIST_SIDE, 1], 'float32').div(255);
      const p = tf.softmax(model.predict(x) as tf.Tensor2D);
      return [p.argMax(1), p.max(1)];
    });
    // Awaiting the read lets the browser paint progress between batches.
    const [d, c] = await Promise.all([digits.data(), probs.data()]);
    tf.dispose([digits, probs]);
    predicted.set(d, start);
    confidence.set(c, start);
    onProgress?.(start + size, split.count);
  }
  return { predicted, confidence };
}

/** Totals as the tutorial prints them. */
export interface EvalSummary {
  total: number;
  wrong: number;
  /** Fraction correct in [0, 1]. */
  accuracy: number;
}

function checkLengths(predicted: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (predicted.length !== labels.length) {
    throw new Error(
      `expected one prediction per label, got ${predicted.length} predictions for ${labels.length} labels`,
    );
  }
}

/** Counts right and wrong answers. */
export function summarize(predicted: ArrayLike<number>, labels: ArrayLike<number>): EvalSummary {
  checkLengths(predicted, labels);
  let wrong = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] !== labels[i]) wrong++;
  const total = labels.length;
  return { total, wrong, accuracy: total ? (total - wrong) / total : 0 };
}

/** The tutorial's line, e.g. "10000 total, 165 wrong, accuracy 98.35%". */
export function formatSummary(s: EvalSummary): string {
  return `${s.total} total, ${s.wrong} wrong, accuracy ${(s.accuracy * 100).toFixed(2)}%`;
}

/** Digits printed as numpy prints an int array, e.g. "[7 2 1 0 4 1 4 9 5 9]". */
export function formatDigits(digits: ArrayLike<number>): string {
  return `[${Array.from(digits).join(' ')}]`;
}

/** Confusion counts, 10×10: `matrix[trueDigit][predictedDigit]`. */
export function confusionMatrix(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
): number[][] {
  checkLengths(predicted, labels);
  const m = Array.from({ length: NUM_CLASSES }, () => new Array<number>(NUM_CLASSES).fill(0));
  for (let i = 0; i < labels.length; i++) m[labels[i]][predicted[i]]++;
  return m;
}

/** Precision and recall of one digit; null when undefined (nothing predicted / no examples). */
export interface ClassMetrics {
  digit: number;
  /** Of the images predicted as this digit, the fraction that really are it. */
  precision: number | null;
  /** Of the images of this digit, the fraction predicted as it. */
  recall: number | null;
  /** Images of this digit in the split. */
  support: number;
}

/** Per-digit precision and recall from a confusion matrix (rows true, columns predicted). */
export function classMetrics(matrix: number[][]): ClassMetrics[] {
  return matrix.map((row, d) => {
    const support = row.reduce((a, b) => a + b, 0);
    const predictedAs = matrix.reduce((a, r) => a + r[d], 0);
    return {
      digit: d,
      precision: predictedAs ? row[d] / predictedAs : null,
      recall: support ? row[d] / support : null,
      support,
    };
  });
}

/** One misclassified image. */
export interface WrongExample {
  index: number;
  predicted: number;
  label: number;
  confidence: number;
}

/** Indices of the images with true digit `label` predicted as `predictedDigit`, in split order. */
export function cellIndices(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  label: number,
  predictedDigit: number,
): number[] {
  checkLengths(predicted, labels);
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === label && predicted[i] === predictedDigit) out.push(i);
  }
  return out;
}

/** The `k` wrong answers the model was most sure of, most confident first (ties: lower index). */
export function mostConfidentlyWrong(
  p: SplitPredictions,
  labels: ArrayLike<number>,
  k: number,
): WrongExample[] {
  checkLengths(p.predicted, labels);
  const wrong: WrongExample[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (p.predicted[i] !== labels[i]) {
      wrong.push({
        index: i,
        predicted: p.predicted[i],
        label: labels[i],
        confidence: p.confidence[i],
      });
    }
  }
  wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return wrong.slice(0, k);
}
