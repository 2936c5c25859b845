import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { TUTORIAL_CONFIG, type TrainConfig } from '../ml/config';
import { forwardStaysFinite } from '../ml/forward-bound';
import type { TrainingHistory } from '../ml/history';
import { ModelFileError } from '../ml/model-file-error';
import type { ParsedModelFiles } from '../ml/model-files';
import { deleteRuns, listRuns, loadRun, type RunMeta } from '../ml/storage/runs';
import {
  deleteSavedModel,
  listSavedModels,
  loadSavedModel,
  renameSavedModel,
  saveModelAs,
  SavedModelError,
  type ModelRecord,
  type SavedModelMeta,
} from '../ml/storage/saved-models';
import { asStorageError } from '../ml/storage/storage-error';
import type { WeightSnapshot } from '../ml/weights';
import { useAutosave, type AutosaveState } from './autosave';
import { useLeaveGuard } from './leave-guard';
import { useModel } from './model';
import { usePanelState } from './panel-state';
import { provenanceOf, type AccuracyFact, type Origin } from './provenance';
import { useStartupRestore, type StartupRestore } from './startup-restore';
import { strictContext } from './strict-context';
import { useTabRun } from './tab-run';
import { useTrainer } from './trainer';

/** Saved models, runs, the startup restore, autosave, and the actions of the Saved models panel. */
export interface SavedModelsContextValue {
  /** Saved models, newest first; null until first listed. */
  entries: SavedModelMeta[] | null;
  /** Autosaved runs of every tab, newest first; null until first listed. */
  runs: RunMeta[] | null;
  /** The run this tab autosaves into, if any. */
  tabRunId: string | null;
  listError: unknown;
  startup: StartupRestore;
  /** True while the startup restore's model is still the current one. */
  startupCurrent: boolean;
  autosave: AutosaveState;
  /** The browser blocks site data: nothing is saved, and a reload starts over. */
  storageBlocked: boolean;
  /** False when the current model is trained but stored nowhere (replacing it would lose it). */
  currentKept: boolean;
  /** The current model's training history: the live run's, else the one saved with it. */
  history: TrainingHistory | null;
  /** Test accuracy known for the current weights, or null. */
  testAccuracy: number | null;
  /** The test accuracy to show for the current weights, with where it comes from. */
  accuracyFact: AccuracyFact | null;
  /** The train config behind the current weights, when known. */
  trainConfig: TrainConfig | null;
  refresh: () => Promise<void>;
  saveAs: (name: string) => Promise<SavedModelMeta>;
  load: (name: string) => Promise<SavedModelMeta>;
  loadRun: (id: string) => Promise<RunMeta>;
  removeRun: (id: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<SavedModelMeta>;
  remove: (name: string) => Promise<void>;
  /** Makes checked uploaded files the current model. */
  applyUploaded: (parsed: ParsedModelFiles) => void;
}

const store = strictContext<SavedModelsContextValue>('SavedModels');
const SavedModelsContext = store.Context;

/** Saved models and their actions; must be used under SavedModelsProvider. */
export const useSavedModels = store.use;

type Source = 'startup' | 'load' | 'upload';

/** Lists and manages saved models and runs, restores at startup, and autosaves training. */
export function SavedModelsProvider({ children }: { children: ReactNode }) {
  const { current, setModel, clearEpochSnapshots } = useModel();
  const { evaluation } = usePanelState();
  const trainer = useTrainer();
  const [entries, setEntries] = useState<SavedModelMeta[] | null>(null);
  const [runs, setRuns] = useState<RunMeta[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [origin, setOrigin] = useState<(Origin & { source: Source; runId: string | null }) | null>(
    null,
  );
  const fromOrigin = origin?.weights === current.weights ? origin : null;
  const { history, testAccuracy, trainConfig, accuracyFact } = provenanceOf({
    current,
    origin,
    runHistory: trainer.history,
    evaluation,
  });
  const tabRun = useTabRun(trainer.runRequest, fromOrigin?.runId ?? null);
  const { change: changeSlot } = tabRun;

  const refresh = useCallback(async () => {
    try {
      const [saved, autosaved] = await Promise.all([listSavedModels(), listRuns()]);
      setEntries(saved);
      setRuns(autosaved);
      setListError(null);
    } catch (err) {
      setListError(asStorageError(err));
    }
  }, []);

  // Loaded weights become the current model and go into the worker, so Continue goes on from them.
  const { restore } = trainer;
  const applyFrom = useCallback(
    (source: Source, record: ModelRecord, weights: WeightSnapshot, runId: string | null = null) => {
      // Weights that overflow a forward pass would show NaN everywhere: refuse them, change nothing.
      if (!forwardStaysFinite(weights, record.modelConfig.activation))
        throw new ModelFileError({ code: 'overflows', params: {} });
      setModel({
        config: record.modelConfig,
        weights,
        trained: record.trained,
        steps: record.steps,
        epochs: record.epochs,
      });
      clearEpochSnapshots();
      setOrigin({
        weights,
        testAccuracy: record.testAccuracy,
        trainConfig: record.trainConfig,
        history: record.history,
        source,
        runId,
      });
      const config = record.trainConfig ??
        record.history?.config ?? { ...TUTORIAL_CONFIG, ...record.modelConfig };
      restore({ weights, config, history: record.history });
      changeSlot(source === 'upload' ? { type: 'upload' } : { type: 'replace' });
    },
    [setModel, clearEpochSnapshots, restore, changeSlot],
  );

  const applyStartup = useCallback(
    (record: ModelRecord, weights: WeightSnapshot) =>
      applyFrom('startup', record, weights, 'id' in record ? (record as RunMeta).id : null),
    [applyFrom],
  );
  const listAfterStart = useCallback(() => void refresh(), [refresh]);
  const startup = useStartupRestore(applyStartup, tabRun.own, listAfterStart);
  const storageBlocked = startup.status === 'blocked';
  const running = trainer.phase === 'training' || trainer.phase === 'paused';
  const autosave = useAutosave({
    history,
    testAccuracy,
    finishedRuns: trainer.finishedRuns,
    running,
    lastRun: trainer.lastRun,
    slot: tabRun.slot,
    enabled: startup.status !== 'checking' && !storageBlocked,
    backend: trainer.backend,
  });
  // The lists show the runs too, so refresh them after each write.
  useEffect(() => {
    if (autosave.savedAt) void refresh();
  }, [autosave.savedAt, refresh]);

  // Safe on disk: just autosaved, or read from storage and not changed since.
  const stored =
    !storageBlocked &&
    (current.weights === autosave.savedWeights ||
      (fromOrigin !== null && fromOrigin.source !== 'upload'));
  const currentKept = !current.trained || stored;
  useLeaveGuard(running || !currentKept);

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
      applyFrom('load', meta, weights);
      return meta;
    },
    [applyFrom],
  );
  const loadRunById = useCallback(
    async (id: string) => {
      const found = await loadRun(id);
      if (!found) throw new SavedModelError('notFound', id);
      applyFrom('load', found.meta, found.weights, id);
      return found.meta;
    },
    [applyFrom],
  );
  const removeRun = useCallback(
    async (id: string) => {
      await deleteRuns([id]);
      await refresh();
    },
    [refresh],
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
      applyFrom(
        'upload',
        {
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
    [applyFrom],
  );

  const startupCurrent = fromOrigin?.source === 'startup';
  const tabRunId = tabRun.slot?.id ?? null;
  const value = useMemo(
    () => ({
      entries,
      runs,
      tabRunId,
      listError,
      startup,
      startupCurrent,
      autosave,
      storageBlocked,
      currentKept,
      history,
      testAccuracy,
      accuracyFact,
      trainConfig,
      refresh,
      saveAs,
      load,
      loadRun: loadRunById,
      removeRun,
      rename,
      remove,
      applyUploaded,
    }),
    [
      entries,
      runs,
      tabRunId,
      listError,
      startup,
      startupCurrent,
      autosave,
      storageBlocked,
      currentKept,
      history,
      testAccuracy,
      accuracyFact,
      trainConfig,
      refresh,
      saveAs,
      load,
      loadRunById,
      removeRun,
      rename,
      remove,
      applyUploaded,
    ],
  );
  return <SavedModelsContext.Provider value={value}>{children}</SavedModelsContext.Provider>;
}
