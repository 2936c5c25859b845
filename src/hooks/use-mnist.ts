import { useContext } from 'react';
import { MnistContext, type MnistContextValue } from './mnist-context';

/** The shared MNIST loading state; must be used under MnistProvider. */
export function useMnist(): MnistContextValue {
  const value = useContext(MnistContext);
  if (!value) throw new Error('useMnist must be used inside <MnistProvider>');
  return value;
}
