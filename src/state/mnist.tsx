import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MnistData } from '../ml/mnist/dataset';
import type { FileProgress } from '../ml/mnist/download';
import { loadMnist, MNIST_FILE_NAMES, type MnistLoadStats } from '../ml/mnist/load';
import { MNIST_PROGRESS_CHANNEL, mnistFetch } from '../worker/mnist-cache';
import { strictContext } from './strict-context';
import { absoluteUrl } from './url';

/** Bytes of the MNIST download so far, and of all of it once every file has said its size. */
export interface MnistDownload {
  loaded: number;
  total: number | null;
}

/** Where the page's copy of MNIST came from, and whether it is kept for offline use. */
export interface MnistOrigin {
  /** 'cache': every file from the kept copy, no byte over the network. */
  source: 'network' | 'cache';
  /** Every file is in Cache Storage, so the next visit (online or not) downloads nothing. */
  kept: boolean;
}

/** Loading state of the MNIST dataset shared by every panel. */
export type MnistState =
  | { status: 'loading'; download: MnistDownload | null }
  | { status: 'ready'; data: MnistData; stats: MnistLoadStats; origin: MnistOrigin }
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

/** The download across files (page's or worker's); total only once all `files` said theirs. */
export function downloadTotals(progress: Iterable<FileProgress>, files: number): MnistDownload {
  let loaded = 0;
  let total = 0;
  let sized = 0;
  for (const p of progress) {
    loaded += p.loaded;
    if (p.total !== null) {
      total += p.total;
      sized += 1;
    }
  }
  return { loaded, total: sized === files ? total : null };
}

/** Loads MNIST once for the whole app, from the kept copy where there is one. */
export function MnistProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<MnistState>({ status: 'loading', download: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    // Every context's downloads (this page's, the training worker's) report here; files already
    // kept download nothing and are left out of the bar.
    const files = new Map<string, FileProgress>();
    const channel =
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(MNIST_PROGRESS_CHANNEL);
    if (channel) {
      channel.onmessage = (e: MessageEvent<FileProgress>) => {
        if (e.data.source !== 'network') return;
        files.set(e.data.url, e.data);
        const download = downloadTotals(files.values(), MNIST_FILE_NAMES.length);
        if (live) setState((s) => (s.status === 'loading' ? { status: 'loading', download } : s));
      };
    }
    const own = new Map<string, FileProgress>();
    const fetchFn = mnistFetch((p) => {
      if (p.done) own.set(p.url, p);
    });
    loadMnist(absoluteUrl(MNIST_BASE_URL), fetchFn).then(
      ({ data, stats }) => {
        const done = [...own.values()];
        // A file the training worker downloaded came over the network too, this very visit.
        const downloaded = files.size > 0 || done.some((p) => p.source === 'network');
        const origin: MnistOrigin = {
          source: downloaded ? 'network' : 'cache',
          kept: done.length === MNIST_FILE_NAMES.length && done.every((p) => p.kept),
        };
        if (live) setState({ status: 'ready', data, stats, origin });
      },
      (err: unknown) => {
        if (live)
          setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
      channel?.close();
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading', download: null });
    setAttempt((a) => a + 1);
  }, []);
  const value = useMemo(() => ({ state, retry }), [state, retry]);
  return <MnistContext.Provider value={value}>{children}</MnistContext.Provider>;
}
