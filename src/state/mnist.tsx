import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MnistData } from '../ml/mnist/dataset';
import { loadMnist, type MnistLoadStats } from '../ml/mnist/load';
import { strictContext } from './strict-context';
import { absoluteUrl } from './url';

/** Loading state of the MNIST dataset shared by every panel. */
export type MnistState =
  | { status: 'loading' }
  | { status: 'ready'; data: MnistData; stats: MnistLoadStats }
  | { status: 'error'; message: string };

/** The dataset state and a retry function. */
export interface MnistContextValue {
  state: MnistState;
  retry: () => void;
}

/** Where the build serves the gzipped IDX files. */
export const MNIST_BASE_URL = `${import.meta.env.BASE_URL}mnist/`;

const store = strictContext<MnistContextValue>('Mnist');
/** The context itself, for tests that supply their own value. */
export const MnistContext = store.Context;

/** The shared MNIST loading state and a retry; must be used under MnistProvider. */
export const useMnist = store.use;

/** Loads MNIST once for the whole app. */
export function MnistProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<MnistState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadMnist(absoluteUrl(MNIST_BASE_URL)).then(
      ({ data, stats }) => {
        if (live) setState({ status: 'ready', data, stats });
      },
      (err: unknown) => {
        if (live)
          setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);
  const value = useMemo(() => ({ state, retry }), [state, retry]);
  return <MnistContext.Provider value={value}>{children}</MnistContext.Provider>;
}
