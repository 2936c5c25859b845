import { createContext, useMemo, useState, type ReactNode } from 'react';
import type { SplitPredictions } from '../ml/evaluate';

/** A finished evaluation on the test set, tied to the model version it measured. */
export interface EvaluationResult {
  /** `useModel().current.version` when it ran; stale once the model changes. */
  version: number;
  predictions: SplitPredictions;
  accuracy: number;
  ms: number;
  backend: string;
}

/** The latest evaluation and its setter. */
export interface EvaluationContextValue {
  result: EvaluationResult | null;
  setResult: (result: EvaluationResult | null) => void;
}

/** The evaluation context; read it with `useEvaluation`. */
export const EvaluationContext = createContext<EvaluationContextValue | null>(null);

/** Keeps the latest test-set evaluation, so it survives tab switches and saving can use it. */
export function EvaluationProvider({ children }: { children: ReactNode }) {
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const value = useMemo(() => ({ result, setResult }), [result]);
  return <EvaluationContext.Provider value={value}>{children}</EvaluationContext.Provider>;
}
