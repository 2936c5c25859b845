import { useContext } from 'react';
import { EvaluationContext, type EvaluationContextValue } from './evaluation-context';

/** The latest test-set evaluation; must be used under EvaluationProvider. */
export function useEvaluation(): EvaluationContextValue {
  const value = useContext(EvaluationContext);
  if (!value) throw new Error('useEvaluation must be used inside <EvaluationProvider>');
  return value;
}
