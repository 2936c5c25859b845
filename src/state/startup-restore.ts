import { useEffect, useRef, useState } from 'react';
import { hasWeights, listRuns, loadRun, type RunIdentity, type RunMeta } from '../ml/storage/runs';
import {
  AUTOSAVE_NAME,
  loadSavedModel,
  SavedModelError,
  type ModelRecord,
} from '../ml/storage/saved-models';
import { StorageError } from '../ml/storage/storage-error';
import type { WeightSnapshot } from '../ml/weights';
import { claimRun, heldRuns } from './run-locks';
import { readTabValue, settingsBlocked } from './site-storage';

/** The sessionStorage key under which a tab keeps the id of its run, so a reload finds it. */
export const TAB_RUN_KEY = 'digit-lab.run';

/** Where the restored model came from: this tab's own run, the newest run, or an old autosave. */
export type RestoreSource = 'own' | 'latest' | 'legacy';

/** What the app found in storage when it started. */
export type StartupRestore =
  | { status: 'checking' }
  | { status: 'none' }
  | {
      status: 'restored';
      record: ModelRecord;
      source: RestoreSource;
      /** The run restored is still open (training, perhaps) in another tab. */
      liveElsewhere: boolean;
    }
  | { status: 'failed'; error: unknown }
  /** The browser blocks site data: nothing can be saved or restored. */
  | { status: 'blocked' };

const identityOf = ({ id, startedAt, origin, parentId }: RunMeta): RunIdentity => ({
  id,
  startedAt,
  origin,
  parentId,
});

/** A reloaded tab's old page may hold its run's lock for a moment while it goes away. */
const RELOAD_GRACE_MS = 1500;

async function findStartModel() {
  if (settingsBlocked()) throw new StorageError('blocked', 'localStorage is not available');
  const runs = await listRuns();
  const mine = runs.find((r) => r.id === readTabValue(TAB_RUN_KEY));
  if (mine) {
    const release = await claimRun(mine.id, RELOAD_GRACE_MS);
    release?.();
    const found = await loadRun(mine.id);
    if (found && release) {
      return { ...found, source: 'own' as const, liveElsewhere: false, mine: identityOf(mine) };
    }
  }
  // A new tab (or a duplicate of one still open) starts from the newest run, without owning it.
  const latest = runs.find(hasWeights);
  const newest = latest ? await loadRun(latest.id) : null;
  if (newest) {
    const live = (await heldRuns()).has(newest.meta.id);
    return { ...newest, source: 'latest' as const, liveElsewhere: live, mine: null };
  }
  const legacy = await loadSavedModel(AUTOSAVE_NAME);
  return { ...legacy, source: 'legacy' as const, liveElsewhere: false, mine: null };
}

/**
 * Once, when the app starts: brings back this tab's own run (after a reload), else the newest run,
 * else an old autosave slot, through `apply` (which throws if the model does not fit); `own` is
 * called with the tab's run when it is one. Then calls `done` whatever happened.
 */
export function useStartupRestore(
  apply: (record: ModelRecord, weights: WeightSnapshot) => void,
  own: (identity: RunIdentity) => void,
  done: () => void,
): StartupRestore {
  const [startup, setStartup] = useState<StartupRestore>({ status: 'checking' });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    findStartModel()
      .then(
        ({ meta, weights, source, liveElsewhere, mine }) => {
          try {
            apply(meta, weights);
            if (mine) own(mine);
            setStartup({ status: 'restored', record: meta, source, liveElsewhere });
          } catch (error) {
            // A model that no longer fits the network is reported, and the app starts untrained.
            setStartup({ status: 'failed', error });
          }
        },
        (error: unknown) => {
          if (error instanceof SavedModelError) setStartup({ status: 'none' });
          else if (error instanceof StorageError && error.problem === 'blocked')
            setStartup({ status: 'blocked' });
          else setStartup({ status: 'failed', error });
        },
      )
      .finally(done);
  }, [apply, own, done]);
  return startup;
}
