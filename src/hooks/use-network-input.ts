import { useContext } from 'react';
import { InputContext, type InputContextValue } from './input-context';

/** The shared network input; must be used under InputProvider. */
export function useNetworkInput(): InputContextValue {
  const value = useContext(InputContext);
  if (!value) throw new Error('useNetworkInput must be used inside <InputProvider>');
  return value;
}
