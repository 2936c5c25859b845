import { useEffect, useRef, useState } from 'react';
import { AUTOSAVE_NAME, loadSavedModel, type SavedModelMeta } from '../ml/storage/saved-models';
import type { WeightSnapshot } from '../ml/weights';

/** What happened to the autosave slot when the app started. */
export type StartupRestore =
  | { status: 'checking' }
  | { status: 'none' }
  | { status: 'restored'; meta: SavedModelMeta }
  | { status: 'failed'; message: string };

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Once, when the app starts: brings back the autosave slot through `apply` (which throws if it no
 * longer fits the network), then calls `done` whatever happened.
 */
export function useStartupRestore(
  apply: (meta: SavedModelMeta, weights: WeightSnapshot) => void,
  done: () => void,
): StartupRestore {
  const [startup, setStartup] = useState<StartupRestore>({ status: 'checking' });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    loadSavedModel(AUTOSAVE_NAME)
      .then(
        ({ meta, weights }) => {
          try {
            apply(meta, weights);
            setStartup({ status: 'restored', meta });
          } catch (err) {
            // A slot that no longer fits the network is reported, and autosave goes on.
            setStartup({ status: 'failed', message: messageOf(err) });
          }
        },
        (err: unknown) => {
          const missing = err instanceof Error && err.name === 'SavedModelError';
          setStartup(missing ? { status: 'none' } : { status: 'failed', message: messageOf(err) });
        },
      )
      .finally(done);
  }, [apply, done]);
  return startup;
}
