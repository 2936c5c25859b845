import { useEffect, useState, type ReactNode } from 'react';
import { setupBackend, watchWebglContext, type BackendSetup } from '../ml/backend';
import { WASM_BINARY_URLS } from '../ml/wasm/wasm-urls';
import { preferredBackend } from './backend-preference';
import { strictContext } from './strict-context';

/** The page's backend setup, and whether a lost WebGL context made it switch (or fail to). */
export type PageBackend = BackendSetup & {
  contextLost?: { switched: true } | { switched: false; message: string };
};

const store = strictContext<PageBackend>('Backend');
/** The context itself, for tests that supply their own value. */
export const BackendContext = store.Context;

/** The page's TensorFlow.js backend setup; must be used under BackendProvider. */
export const useBackend = store.use;

type Boot =
  | { status: 'starting' }
  | { status: 'ready'; setup: PageBackend }
  | { status: 'error'; message: string };

/**
 * Sets up the page's backend (the same choice the training worker makes) before any model is
 * built, then renders the app; the caller supplies the starting and failure views.
 */
export function BackendProvider(props: {
  children: ReactNode;
  starting: ReactNode;
  failed: (message: string) => ReactNode;
}) {
  const [boot, setBoot] = useState<Boot>({ status: 'starting' });
  useEffect(() => {
    let live = true;
    setupBackend(preferredBackend(), { wasmPaths: WASM_BINARY_URLS, navigator }).then(
      (setup) => live && setBoot({ status: 'ready', setup }),
      (err: unknown) => live && setBoot({ status: 'error', message: String(err) }),
    );
    return () => {
      live = false;
    };
  }, []);

  // A lost WebGL context returns zeros from then on: move the page to WASM (the model context
  // rebuilds its inference model there from the weights it keeps as plain arrays).
  const backend = boot.status === 'ready' ? boot.setup.backend : null;
  useEffect(() => {
    if (backend !== 'webgl') return;
    let live = true;
    const stop = watchWebglContext(() => {
      stop();
      setupBackend('wasm', { wasmPaths: WASM_BINARY_URLS, navigator }).then(
        (setup) =>
          live &&
          setBoot({ status: 'ready', setup: { ...setup, contextLost: { switched: true } } }),
        (err: unknown) =>
          live &&
          setBoot((b) =>
            b.status === 'ready'
              ? {
                  ...b,
                  setup: { ...b.setup, contextLost: { switched: false, message: String(err) } },
                }
              : b,
          ),
      );
    });
    return () => {
      live = false;
      stop();
    };
  }, [backend]);

  if (boot.status === 'starting') return props.starting;
  if (boot.status === 'error') return props.failed(boot.message);
  return <BackendContext.Provider value={boot.setup}>{props.children}</BackendContext.Provider>;
}
