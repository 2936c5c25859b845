import { useContext } from 'react';
import { ModelContext, type ModelContextValue } from './model-context';

/** The app's current model; must be used under ModelProvider. */
export function useModel(): ModelContextValue {
  const value = useContext(ModelContext);
  if (!value) throw new Error('useModel must be used inside <ModelProvider>');
  return value;
}
