import * as tf from '@tensorflow/tfjs';
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createModel, type ModelConfig } from '../ml/model';
import { readWeights, writeWeights, type WeightSnapshot } from '../ml/weights';

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
  /** A main-thread TensorFlow.js model holding the current weights, for inference. */
  inference: tf.LayersModel | null;
  setModel: (next: Omit<CurrentModel, 'version'>) => void;
  addEpochSnapshot: (snapshot: EpochSnapshot) => void;
  clearEpochSnapshots: () => void;
}

/** The tutorial network's defaults. */
export const DEFAULT_MODEL_CONFIG: ModelConfig = { activation: 'relu', seed: 1 };

function initialModel(): CurrentModel {
  const model = createModel(DEFAULT_MODEL_CONFIG);
  const weights = readWeights(model);
  model.dispose();
  return { config: DEFAULT_MODEL_CONFIG, weights, trained: false, steps: 0, epochs: 0, version: 0 };
}

/** The model context; read it with `useModel`. */
export const ModelContext = createContext<ModelContextValue | null>(null);

/** Holds the current model for the whole app and keeps a main-thread copy for inference. */
export function ModelProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<CurrentModel>(initialModel);
  const [epochSnapshots, setEpochSnapshots] = useState<EpochSnapshot[]>([]);
  // The inference model together with the config it was built for: while a new config's model is
  // being built, the old (about to be disposed) one is never handed out or written to.
  const [built, setBuilt] = useState<{ config: ModelConfig; model: tf.LayersModel } | null>(null);
  const inference = built && built.config === current.config ? built.model : null;

  // Rebuild the inference model only when the architecture changes; otherwise just load weights.
  useEffect(() => {
    const model = createModel(current.config);
    setBuilt({ config: current.config, model });
    return () => {
      model.dispose();
    };
  }, [current.config]);
  useEffect(() => {
    if (inference) writeWeights(inference, current.weights);
  }, [inference, current.weights]);

  const setModel = useCallback((next: Omit<CurrentModel, 'version'>) => {
    setCurrent((prev) => ({
      ...next,
      // Keep the same config object when it is equal, so the inference model is reused.
      config:
        prev.config.activation === next.config.activation && prev.config.seed === next.config.seed
          ? prev.config
          : next.config,
      version: prev.version + 1,
    }));
  }, []);
  const addEpochSnapshot = useCallback((s: EpochSnapshot) => {
    setEpochSnapshots((list) => [...list.filter((x) => x.epoch !== s.epoch), s]);
  }, []);
  const clearEpochSnapshots = useCallback(() => setEpochSnapshots([]), []);

  const value = useMemo(
    () => ({ current, epochSnapshots, inference, setModel, addEpochSnapshot, clearEpochSnapshots }),
    [current, epochSnapshots, inference, setModel, addEpochSnapshot, clearEpochSnapshots],
  );
  return <ModelContext.Provider value={value}>{children}</ModelContext.Provider>;
}
