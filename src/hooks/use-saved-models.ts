import { useContext } from 'react';
import { SavedModelsContext, type SavedModelsContextValue } from './saved-models-context';

/** Saved models and their actions; must be used under SavedModelsProvider. */
export function useSavedModels(): SavedModelsContextValue {
  const value = useContext(SavedModelsContext);
  if (!value) throw new Error('useSavedModels must be used inside <SavedModelsProvider>');
  return value;
}
