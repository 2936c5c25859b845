import {
  createContext,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { TUTORIAL_CONFIG, type TrainConfig } from '../ml/config';
import type { TrainingHistory } from '../ml/history';
import type { ParsedModelFiles } from '../ml/model-files';
import {
  AUTOSAVE_NAME,
  deleteSavedModel,
  listSavedModels,
  loadSavedModel,
  renameSavedModel,
  saveModelAs,
  type SavedModelMeta,
} from '../ml/storage/saved-models';
import type { WeightSnapshot } from '../ml/weights';
import { useAutosave, type AutosaveState } from './use-autosave';
import { useEvaluation } from './use-evaluation';
import { useModel } from './use-model';
import { useTrainerLink } from './trainer-link';

/** What happened to the autosave slot when the app started. */
export type StartupRestore =
  | { status: 'checking' }
  | { status: 'none' }
  | { status: 'restored'; meta: SavedModelMeta }
  | { status: 'failed'; message: string };

/** Saved models, the startup restore, autosave, and the actions of the Saved models panel. */
export interface SavedModelsContextValue {
  /** Saved models, newest first; null until first listed. */
  entries: SavedModelMeta[] | null;
  listError: string | null;
  startup: StartupRestore;
  autosave: AutosaveState;
  /** The current model's training history: the live run's, else the one saved with it. */
  history: TrainingHistory | null;
  /** Test accuracy known for the current weights, or null. */
  testAccuracy: number | null;
  /** The train config behind the current weights, when known. */
  trainConfig: TrainConfig | null;
  refresh: () => Promise<void>;
  saveAs: (name: string) => Promise<SavedModelMeta>;
  load: (name: string) => Promise<SavedModelMeta>;
  rename: (from: string, to: string) => Promise<SavedModelMeta>;
  remove: (name: string) => Promise<void>;
  /** Makes checked uploaded files the current model. */
  applyUploaded: (parsed: ParsedModelFiles) => void;
  /** Writes the autosave slot now (the trainer calls this on Stop if it does not bump stopCount). */
  autosaveNow: () => Promise<void>;
}

/** The saved-models context; read it with `useSavedModels`. */
export const SavedModelsContext = createContext<SavedModelsContextValue | null>(null);

/** Where the current weights came from, when that was storage or an upload. */
interface Origin {
  weights: WeightSnapshot;
  testAccuracy: number | null;
  trainConfig: TrainConfig | null;
  history: TrainingHistory | null;
}

/** Restores the autosave at startup, autosaves during training, and runs saved-model actions. */
export function SavedModelsProvider({ children }: { children: ReactNode }) {
  const { current, setModel, clearEpochSnapshots } = useModel();
  const { result } = useEvaluation();
  const trainer = useTrainerLink();
  const [entries, setEntries] = useState<SavedModelMeta[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [startup, setStartup] = useState<StartupRestore>({ status: 'checking' });
  const [origin, setOrigin] = useState<Origin | null>(null);

  const fromOrigin = origin && origin.weights === current.weights ? origin : null;
  // A model just loaded carries its own history and settings; the trainer's are the previous run's
  // until the worker has taken the restore.
  const history = fromOrigin ? fromOrigin.history : trainer.history;
  const lastFull = history?.accuracy.filter(
    (a) => a.scope === 'full' && a.epoch === current.epochs,
  );
  const testAccuracy =
    result && result.version === current.version
      ? result.accuracy
      : (fromOrigin?.testAccuracy ?? lastFull?.at(-1)?.accuracy ?? null);
  const trainConfig = fromOrigin ? fromOrigin.trainConfig : (trainer.history?.config ?? null);

  const refresh = useCallback(async () => {
    try {
      setEntries(await listSavedModels());
      setListError(null);
    } catch (err) {
      setListError(err instanceof Error ? err.message : String(err));
    }
  }, []);

  const { restore } = trainer;
  const apply = useCallback(
    (meta: SavedModelMeta, weights: WeightSnapshot) => {
      setModel({
        config: meta.modelConfig,
        weights,
        trained: meta.trained,
        steps: meta.steps,
        epochs: meta.epochs,
      });
      clearEpochSnapshots();
      setOrigin({
        weights,
        testAccuracy: meta.testAccuracy,
        trainConfig: meta.trainConfig,
        history: meta.history,
      });
      const config = meta.trainConfig ??
        meta.history?.config ?? { ...TUTORIAL_CONFIG, ...meta.modelConfig };
      restore?.({ weights, config, history: meta.history });
    },
    [setModel, clearEpochSnapshots, restore],
  );

  // Once, at startup: bring back the autosave slot, then list what is saved.
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
            setStartup({
              status: 'failed',
              message: err instanceof Error ? err.message : String(err),
            });
          }
        },
        (err: unknown) => {
          const missing = err instanceof Error && err.name === 'SavedModelError';
          setStartup(
            missing
              ? { status: 'none' }
              : { status: 'failed', message: err instanceof Error ? err.message : String(err) },
          );
        },
      )
      .finally(() => void refresh());
  }, [apply, refresh]);

  const saved = useAutosave({
    history,
    testAccuracy,
    stopCount: trainer.stopCount,
    enabled: startup.status !== 'checking',
  });
  const { saveNow } = saved;
  const autosaveState = useMemo(
    () => ({ savedAt: saved.savedAt, error: saved.error }),
    [saved.savedAt, saved.error],
  );
  // The list shows the autosave slot too, so refresh it after each write.
  useEffect(() => {
    if (autosaveState.savedAt) void refresh();
  }, [autosaveState.savedAt, refresh]);

  const saveAs = useCallback(
    async (name: string) => {
      const meta = await saveModelAs(name, current, { testAccuracy, trainConfig, history });
      await refresh();
      return meta;
    },
    [current, testAccuracy, trainConfig, history, refresh],
  );
  const load = useCallback(
    async (name: string) => {
      const { meta, weights } = await loadSavedModel(name);
      apply(meta, weights);
      return meta;
    },
    [apply],
  );
  const rename = useCallback(
    async (from: string, to: string) => {
      const meta = await renameSavedModel(from, to);
      await refresh();
      return meta;
    },
    [refresh],
  );
  const remove = useCallback(
    async (name: string) => {
      await deleteSavedModel(name);
      await refresh();
    },
    [refresh],
  );
  const applyUploaded = useCallback(
    (parsed: ParsedModelFiles) => {
      const { metadata: m } = parsed;
      apply(
        {
          name: '',
          savedAt: Date.now(),
          trained: m.trained ?? true,
          steps: m.steps ?? 0,
          epochs: m.epochs ?? 0,
          testAccuracy: null,
          modelConfig: parsed.config,
          trainConfig: m.trainConfig ?? null,
          history: null,
        },
        parsed.weights,
      );
    },
    [apply],
  );

  const value = useMemo(
    () => ({
      entries,
      listError,
      startup,
      autosave: autosaveState,
      history,
      testAccuracy,
      trainConfig,
      refresh,
      saveAs,
      load,
      rename,
      remove,
      applyUploaded,
      autosaveNow: saveNow,
    }),
    [
      entries,
      listError,
      startup,
      autosaveState,
      history,
      testAccuracy,
      trainConfig,
      refresh,
      saveAs,
      load,
      rename,
      remove,
      applyUploaded,
      saveNow,
    ],
  );
  return <SavedModelsContext.Provider value={value}>{children}</SavedModelsContext.Provider>;
}
