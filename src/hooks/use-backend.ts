import { useContext } from 'react';
import type { BackendSetup } from '../ml/backend';
import { BackendContext } from './backend-context';

/** The page's backend setup; must be used under BackendProvider. */
export function useBackend(): BackendSetup {
  const value = useContext(BackendContext);
  if (!value) throw new Error('useBackend must be used inside <BackendProvider>');
  return value;
}
