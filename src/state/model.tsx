import * as tf from '@tensorflow/tfjs';
import {
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createModel, type ModelConfig } from '../ml/model';
import { readWeights, writeWeights, type WeightSnapshot } from '../ml/weights';
import { BackendContext } from './backend';
import { strictContext } from './strict-context';

/** The model the app shows and predicts with: its weights and where they came from. */
export interface CurrentModel {
  config: ModelConfig;
  weights: WeightSnapshot;
  /** False until the weights have seen at least one training step (or a trained model was loaded). */
  trained: boolean;
  /** Training steps and completed epochs behind these weights. */
  steps: number;
  epochs: number;
  /** Bumped on every change, so views can memoise on it. */
  version: number;
}

/** Weights kept at the end of each epoch, for scrubbing through kernel history. */
export interface EpochSnapshot {
  epoch: number;
  weights: WeightSnapshot;
}

/** The current model, its per-epoch history, and a setter used by training and loading. */
export interface ModelContextValue {
  current: CurrentModel;
  epochSnapshots: EpochSnapshot[];
  /** A main-thread TensorFlow.js model already holding `current.weights`, for inference. */
  inference: tf.LayersModel;
  /**
   * The current model as of now, including a change not yet rendered (`current` is as of the last
   * render): for handlers that act on the newest weights, such as a worker's death.
   */
  latest: () => CurrentModel;
  /** Replaces the current model; throws (changing nothing) if the weights do not fit. */
  setModel: (next: Omit<CurrentModel, 'version'>) => void;
  addEpochSnapshot: (snapshot: EpochSnapshot) => void;
  clearEpochSnapshots: () => void;
}

/** The tutorial network's defaults. */
export const DEFAULT_MODEL_CONFIG: ModelConfig = { activation: 'relu', seed: 1 };

interface ModelState {
  current: CurrentModel;
  inference: tf.LayersModel;
}

function initialState(): ModelState {
  const inference = createModel(DEFAULT_MODEL_CONFIG);
  const weights = readWeights(inference);
  return {
    current: {
      config: DEFAULT_MODEL_CONFIG,
      weights,
      trained: false,
      steps: 0,
      epochs: 0,
      version: 0,
    },
    inference,
  };
}

const sameConfig = (a: ModelConfig, b: ModelConfig) =>
  a.activation === b.activation && a.seed === b.seed;

const store = strictContext<ModelContextValue>('Model');

/** The context itself, for tests that supply their own value. */
export const ModelContext = store.Context;

/** The app's current model; must be used under ModelProvider. */
export const useModel = store.use;

/** Holds the current model for the whole app and keeps a main-thread copy for inference. */
export function ModelProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ModelState>(initialState);
  const [epochSnapshots, setEpochSnapshots] = useState<EpochSnapshot[]>([]);
  const stateRef = useRef(state);
  stateRef.current = state;
  const retired = useRef<tf.LayersModel[]>([]);
  useEffect(() => {
    for (const model of retired.current.splice(0)) {
      try {
        model.dispose();
      } catch {
        // A model on a backend that went away (lost WebGL context) has nothing left to free.
      }
    }
  }, [state.inference]);

  // When the page's backend changes (a lost WebGL context moved it to WASM), the inference model
  // is built again there from the weights kept as plain arrays; the version bump re-runs views.
  // Read softly: tests mount the model context without a backend provider.
  const backend = useContext(BackendContext)?.backend ?? null;
  const builtOn = useRef(backend);
  useEffect(() => {
    if (builtOn.current === backend) return;
    builtOn.current = backend;
    const prev = stateRef.current;
    const inference = createModel(prev.current.config);
    writeWeights(inference, prev.current.weights);
    retired.current.push(prev.inference);
    const next = { current: { ...prev.current, version: prev.current.version + 1 }, inference };
    stateRef.current = next;
    setState(next);
  }, [backend]);

  // Weights go into the inference model before the new version is published, so any view that
  // reacts to `current.version` already predicts with the new weights.
  const setModel = useCallback((next: Omit<CurrentModel, 'version'>) => {
    const prev = stateRef.current;
    let inference = prev.inference;
    const rebuild = !sameConfig(prev.current.config, next.config);
    if (rebuild) inference = createModel(next.config);
    try {
      writeWeights(inference, next.weights);
    } catch (err) {
      if (rebuild) inference.dispose();
      throw err;
    }
    // Disposed after the commit, once views holding the old model have let go of it.
    if (rebuild) retired.current.push(prev.inference);
    const config = rebuild ? next.config : prev.current.config;
    const nextState = {
      current: { ...next, config, version: prev.current.version + 1 },
      inference,
    };
    stateRef.current = nextState;
    setState(nextState);
  }, []);
  const addEpochSnapshot = useCallback((s: EpochSnapshot) => {
    setEpochSnapshots((list) => [...list.filter((x) => x.epoch !== s.epoch), s]);
  }, []);
  const clearEpochSnapshots = useCallback(() => setEpochSnapshots([]), []);
  const latest = useCallback(() => stateRef.current.current, []);

  const { current, inference } = state;
  const value = useMemo(
    () => ({
      current,
      epochSnapshots,
      inference,
      latest,
      setModel,
      addEpochSnapshot,
      clearEpochSnapshots,
    }),
    [current, epochSnapshots, inference, latest, setModel, addEpochSnapshot, clearEpochSnapshots],
  );
  return <ModelContext.Provider value={value}>{children}</ModelContext.Provider>;
}
