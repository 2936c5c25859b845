import type * as tf from '@tensorflow/tfjs';
import { confusionMatrix, evaluateSplit, summarize } from '../evaluate';
import { NUM_CLASSES, type MnistSplit } from '../mnist/dataset';

/** One digit's share right: `correct` of `total` images of it. */
export interface DigitScore {
  digit: number;
  total: number;
  correct: number;
}

/** A misread personal image: its place in the set, its label, what the model said and how surely. */
export interface MisreadDigit {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
}

/** How a model reads the personal set. */
export interface PersonalReport {
  total: number;
  correct: number;
  /** Fraction right in [0, 1] (0 for an empty set). */
  accuracy: number;
  /** Length 10. */
  perDigit: DigitScore[];
  /** 10×10, `confusion[label][predicted]`. */
  confusion: number[][];
  /** Every misread image, in set order. */
  wrong: MisreadDigit[];
}

/** Scores predictions against labels (pure, for tests and for `evaluatePersonal`). */
export function personalReport(
  predicted: ArrayLike<number>,
  confidence: ArrayLike<number>,
  labels: ArrayLike<number>,
): PersonalReport {
  const summary = summarize(predicted, labels);
  const confusion = confusionMatrix(predicted, labels);
  const perDigit = Array.from({ length: NUM_CLASSES }, (_, digit) => ({
    digit,
    total: confusion[digit].reduce((a, b) => a + b, 0),
    correct: confusion[digit][digit],
  }));
  const wrong: MisreadDigit[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (predicted[i] !== labels[i]) {
      wrong.push({
        index: i,
        label: labels[i],
        predicted: predicted[i],
        confidence: confidence[i],
      });
    }
  }
  const correct = summary.total - summary.wrong;
  return { total: summary.total, correct, accuracy: summary.accuracy, perDigit, confusion, wrong };
}

/** Runs `model` on the personal set and scores it. */
export async function evaluatePersonal(
  model: tf.LayersModel,
  split: MnistSplit,
): Promise<PersonalReport> {
  const { predicted, confidence } = await evaluateSplit(model, split, { batchSize: 500 });
  return personalReport(predicted, confidence, split.labels);
}
