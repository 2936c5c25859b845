/** Hidden-layer activations the lab compares. */
export type CurveName = 'relu' | 'sigmoid';

/** ReLU: max(0, x). */
export const relu = (x: number): number => Math.max(0, x);
/** ReLU's derivative: 1 for x > 0, else 0 (0 at x = 0, as TensorFlow.js and PyTorch use). */
export const reluDerivative = (x: number): number => (x > 0 ? 1 : 0);
/** Sigmoid: 1 / (1 + e^−x). */
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
/** Sigmoid's derivative: σ(x)(1 − σ(x)), at most 0.25. */
export const sigmoidDerivative = (x: number): number => sigmoid(x) * (1 - sigmoid(x));

/** One sample of both activations and their derivatives at x. */
export interface CurvePoint {
  x: number;
  relu: number;
  reluDerivative: number;
  sigmoid: number;
  sigmoidDerivative: number;
}

/** `count` evenly spaced samples from `from` to `to` inclusive. */
export function activationCurves(from: number, to: number, count: number): CurvePoint[] {
  return Array.from({ length: count }, (_, i) => {
    const x = from + ((to - from) * i) / (count - 1);
    return {
      x,
      relu: relu(x),
      reluDerivative: reluDerivative(x),
      sigmoid: sigmoid(x),
      sigmoidDerivative: sigmoidDerivative(x),
    };
  });
}
