import { useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import type { TrainConfig } from '../ml/config';
import type { TrainingHistory } from '../ml/history';
import type { WeightSnapshot } from '../ml/weights';
import { TrainerClient } from '../worker/client';
import { preferredBackend } from './backend-preference';
import { MNIST_BASE_URL } from './mnist';
import { useModel } from './model';
import { strictContext } from './strict-context';
import { absoluteUrl } from './url';
import { INITIAL_TRAINER_STATE, trainerReducer, type TrainerState } from './trainer-state';

/** A saved model to put back into the worker; without a history, training restarts its count. */
export interface SavedRun {
  weights: WeightSnapshot;
  config: TrainConfig;
  history: TrainingHistory | null;
}

/** The training worker's state and its controls. */
export interface TrainerContextValue extends TrainerState {
  /** Starts a new run from fresh weights seeded by `config.seed`. */
  train: (config: TrainConfig) => void;
  /** Goes on from the current weights (after Stop, or a restore) up to `config.epochs` in all. */
  continueTraining: (config: TrainConfig) => void;
  pause: () => void;
  resume: () => void;
  stop: () => void;
  /** Ends any run; fresh weights, empty history. */
  reset: (config: TrainConfig) => void;
  /**
   * Puts a saved model and its history back into the worker, so Continue training goes on from it;
   * its optimizer state restarts. Ends any run. Does not touch the model context (the caller does).
   */
  restore: (saved: SavedRun) => void;
  /** Asks the worker to set up its backend and load MNIST again, after that failed. */
  retryInit: () => void;
}

const store = strictContext<TrainerContextValue>('Trainer');
const TrainerContext = store.Context;

/** The training worker's state and controls; must be used under TrainerProvider. */
export const useTrainer = store.use;

function initWorker(client: TrainerClient): void {
  client.init(preferredBackend(), absoluteUrl(MNIST_BASE_URL));
}

/** Runs the training worker for the whole app and feeds its weights into the model context. */
export function TrainerProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(trainerReducer, INITIAL_TRAINER_STATE);
  const { setModel, addEpochSnapshot, clearEpochSnapshots } = useModel();
  const clientRef = useRef<TrainerClient | null>(null);
  const modelFns = useRef({ setModel, addEpochSnapshot, clearEpochSnapshots });
  useEffect(() => {
    modelFns.current = { setModel, addEpochSnapshot, clearEpochSnapshots };
  }, [setModel, addEpochSnapshot, clearEpochSnapshots]);

  // One worker and one subscription for the provider's lifetime.
  useEffect(() => {
    const client = new TrainerClient();
    clientRef.current = client;
    const unsubscribe = client.subscribe(
      (event) => {
        dispatch(event);
        if (event.type !== 'weights') return;
        const fns = modelFns.current;
        if (event.reason === 'reset') fns.clearEpochSnapshots();
        fns.setModel({
          config: event.config,
          weights: event.weights,
          trained: event.steps > 0,
          steps: event.steps,
          epochs: event.epochs,
        });
        if (event.reason === 'epoch')
          fns.addEpochSnapshot({ epoch: event.epochs, weights: event.weights });
      },
      (message) => dispatch({ type: 'crash', message }),
    );
    initWorker(client);
    return () => {
      unsubscribe();
      client.terminate();
      clientRef.current = null;
    };
  }, []);

  // The controls never change, so callbacks built on them stay stable while metrics stream in.
  const controls = useMemo(() => {
    const c = () => clientRef.current;
    return {
      train: (config: TrainConfig) => {
        modelFns.current.clearEpochSnapshots();
        dispatch({ type: 'fresh-run' });
        c()?.start(config, 'scratch');
      },
      continueTraining: (config: TrainConfig) => c()?.start(config, 'current'),
      pause: () => c()?.pause(),
      resume: () => c()?.resume(),
      stop: () => c()?.stop(),
      reset: (config: TrainConfig) => c()?.reset(config),
      retryInit: () => {
        dispatch({ type: 'restoring' }); // clears the error while the worker tries again
        const client = c();
        if (client) initWorker(client);
      },
      restore: ({ weights, config, history }: SavedRun) => {
        dispatch({ type: 'restoring' });
        c()?.restore(config, weights, history);
      },
    };
  }, []);
  const value = useMemo<TrainerContextValue>(() => ({ ...state, ...controls }), [state, controls]);
  return <TrainerContext.Provider value={value}>{children}</TrainerContext.Provider>;
}
