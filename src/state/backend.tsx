import { useEffect, useState, type ReactNode } from 'react';
import { setupBackend, type BackendSetup } from '../ml/backend';
import { WASM_BINARY_URLS } from '../ml/wasm/wasm-urls';
import { preferredBackend } from './backend-preference';
import { strictContext } from './strict-context';

const store = strictContext<BackendSetup>('Backend');
/** The context itself, for tests that supply their own value. */
export const BackendContext = store.Context;

/** The page's TensorFlow.js backend setup; must be used under BackendProvider. */
export const useBackend = store.use;

type Boot =
  | { status: 'starting' }
  | { status: 'ready'; setup: BackendSetup }
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
  if (boot.status === 'starting') return props.starting;
  if (boot.status === 'error') return props.failed(boot.message);
  return <BackendContext.Provider value={boot.setup}>{props.children}</BackendContext.Provider>;
}
