import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { TUTORIAL_CONFIG } from '../ml/config';
import type { TrainingHistory } from '../ml/history';
import type { ParsedModelFiles } from '../ml/model-files';
import {
  deleteSavedModel,
  listSavedModels,
  loadSavedModel,
  renameSavedModel,
  saveModelAs,
  type SavedModelMeta,
} from '../ml/storage/saved-models';
import type { TrainConfig } from '../ml/config';
import type { WeightSnapshot } from '../ml/weights';
import { useAutosave, type AutosaveState } from './autosave';
import { useModel } from './model';
import { usePanelState } from './panel-state';
import { provenanceOf, type Origin } from './provenance';
import { useStartupRestore, type StartupRestore } from './startup-restore';
import { strictContext } from './strict-context';
import { useTrainer } from './trainer';

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
}

const store = strictContext<SavedModelsContextValue>('SavedModels');
const SavedModelsContext = store.Context;

/** Saved models and their actions; must be used under SavedModelsProvider. */
export const useSavedModels = store.use;

/** Lists and manages saved models, restores the autosave at startup, and autosaves training. */
export function SavedModelsProvider({ children }: { children: ReactNode }) {
  const { current, setModel, clearEpochSnapshots } = useModel();
  const { evaluation } = usePanelState();
  const trainer = useTrainer();
  const [entries, setEntries] = useState<SavedModelMeta[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [origin, setOrigin] = useState<Origin | null>(null);
  const { history, testAccuracy, trainConfig } = provenanceOf({
    current,
    origin,
    runHistory: trainer.history,
    evaluation,
  });

  const refresh = useCallback(async () => {
    try {
      setEntries(await listSavedModels());
      setListError(null);
    } catch (err) {
      setListError(err instanceof Error ? err.message : String(err));
    }
  }, []);

  // Loaded weights become the current model and go into the worker, so Continue goes on from them.
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
      restore({ weights, config, history: meta.history });
    },
    [setModel, clearEpochSnapshots, restore],
  );

  const listAfterStart = useCallback(() => void refresh(), [refresh]);
  const startup = useStartupRestore(apply, listAfterStart);
  const autosave = useAutosave({
    history,
    testAccuracy,
    finishedRuns: trainer.finishedRuns,
    enabled: startup.status !== 'checking',
  });
  // The list shows the autosave slot too, so refresh it after each write.
  useEffect(() => {
    if (autosave.savedAt) void refresh();
  }, [autosave.savedAt, refresh]);

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
      autosave,
      history,
      testAccuracy,
      trainConfig,
      refresh,
      saveAs,
      load,
      rename,
      remove,
      applyUploaded,
    }),
    [
      entries,
      listError,
      startup,
      autosave,
      history,
      testAccuracy,
      trainConfig,
      refresh,
      saveAs,
      load,
      rename,
      remove,
      applyUploaded,
    ],
  );
  return <SavedModelsContext.Provider value={value}>{children}</SavedModelsContext.Provider>;
}
