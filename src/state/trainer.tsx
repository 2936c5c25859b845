import { useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import type { TrainConfig } from '../ml/config';
import { historyUpTo, type TrainingHistory } from '../ml/history';
import type { TrainData } from '../ml/mix';
import type { WeightSnapshot } from '../ml/weights';
import { TrainerClient } from '../worker/client';
import type { TrainerEvent } from '../worker/protocol';
import { preferredBackend, preferredConvKernels, preferredThreads } from './backend-preference';
import { MNIST_BASE_URL } from './mnist';
import { useModel } from './model';
import { strictContext } from './strict-context';
import { absoluteUrl } from './url';
import {
  INITIAL_TRAINER_STATE,
  trainerReducer,
  type TrainerAction,
  type TrainerState,
} from './trainer-state';

/** A saved model to put back into the worker; without a history, training restarts its count. */
export interface SavedRun {
  weights: WeightSnapshot;
  config: TrainConfig;
  history: TrainingHistory | null;
}

/** The training worker's state and its controls. */
export interface TrainerContextValue extends TrainerState {
  /**
   * Starts a new run from fresh weights seeded by `config.seed`; `maxSteps` ends it early, `data`
   * augments (or mixes) its batches.
   */
  train: (config: TrainConfig, maxSteps?: number, data?: TrainData) => void;
  /** Goes on from the current weights (after Stop, or a restore) up to `config.epochs` in all. */
  continueTraining: (config: TrainConfig, data?: TrainData) => void;
  /**
   * Trains the current weights `steps` more steps on `data` (MNIST with the user's digits mixed in).
   * The result is a run record of its own, so the model it started from stays saved as it was.
   */
  fineTune: (config: TrainConfig, steps: number, data: TrainData) => void;
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

/** Deaths in a row, each before the new worker was ready, after which restarting stops. */
const MAX_QUICK_DEATHS = 3;

function initWorker(client: TrainerClient): void {
  client.init(
    preferredBackend(),
    absoluteUrl(MNIST_BASE_URL),
    preferredThreads(),
    preferredConvKernels(),
  );
}

/**
 * Calls `onDeath` once the worker that holds `lock` has ended (the browser frees a dead worker's
 * locks). Aborting stops the watch.
 */
function watchLifeline(lock: string, signal: AbortSignal, onDeath: () => void): void {
  navigator.locks
    ?.request(lock, { signal }, () => {
      if (!signal.aborted) onDeath();
    })
    .catch(() => {}); // aborted: the worker was ended on purpose
}

/** One worker and its subscription; `end` terminates it without calling it a death. */
interface Live {
  client: TrainerClient;
  end: () => void;
}

/**
 * Runs the training worker for the whole app and feeds its weights into the model context. A worker
 * that dies (closed, crashed, killed for memory) is noticed through its lifeline lock, reported, and
 * replaced by a new one holding the last weights it sent.
 */
export function TrainerProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(trainerReducer, INITIAL_TRAINER_STATE);
  const model = useModel();
  const liveRef = useRef<Live | null>(null);
  const startRef = useRef<(() => void) | null>(null);
  // Read by event handlers and on a death: the newest model and state, without re-subscribing.
  const latest = useRef({ model, state });
  useEffect(() => {
    latest.current = { model, state };
  });

  useEffect(() => {
    let disposed = false;
    let quickDeaths = 0;

    const onEvent = (event: TrainerEvent) => {
      if (event.type === 'ready') quickDeaths = 0;
      dispatch(event);
      if (event.type !== 'weights') return;
      const fns = latest.current.model;
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
    };

    const start = (keep: SavedRun | null) => {
      const client = new TrainerClient();
      const watch = new AbortController();
      const lock = `digit-lab:worker:${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const unsubscribe = client.subscribe(
        (event) => {
          if (event.type === 'lifeline') watchLifeline(lock, watch.signal, () => died(live));
          onEvent(event);
        },
        (message) => dispatch({ type: 'crash', message } satisfies TrainerAction),
      );
      const live: Live = {
        client,
        end: () => {
          watch.abort();
          unsubscribe();
          client.terminate();
        },
      };
      liveRef.current = live;
      client.lifeline(lock);
      initWorker(client);
      if (keep) client.restore(keep.config, keep.weights, keep.history);
    };

    const died = (live: Live) => {
      if (disposed || liveRef.current !== live) return;
      live.end();
      liveRef.current = null;
      // The page holds the last weights the worker sent (every epoch end, and every ~2 s while
      // training); its history is cut back to them, so weights, curves and step count agree.
      // The newest weights may have arrived after the last render: read them from the model itself.
      const m = latest.current.model.latest();
      const s = latest.current.state;
      const steps = m.trained ? m.steps : 0;
      dispatch({ type: 'worker-died', keptSteps: steps });
      quickDeaths++;
      if (quickDeaths >= MAX_QUICK_DEATHS) {
        dispatch({ type: 'crash', message: 'the training worker keeps stopping' });
        startRef.current = () => {
          quickDeaths = 0;
          start(null);
        };
        return;
      }
      const history = steps > 0 ? historyUpTo(s.history, steps) : null;
      // The network is the model's own, whatever the history last said.
      const config = { ...s.history.config, ...m.config };
      start(steps > 0 ? { weights: m.weights, config, history } : null);
    };

    start(null);
    return () => {
      disposed = true;
      liveRef.current?.end();
      liveRef.current = null;
    };
  }, []);

  // The controls never change, so callbacks built on them stay stable while metrics stream in.
  const controls = useMemo(() => {
    const c = () => liveRef.current?.client;
    return {
      train: (config: TrainConfig, maxSteps?: number, data?: TrainData) => {
        latest.current.model.clearEpochSnapshots();
        dispatch({ type: 'run-request', kind: 'scratch' });
        c()?.start(config, 'scratch', maxSteps, data);
      },
      fineTune: (config: TrainConfig, steps: number, data: TrainData) => {
        dispatch({ type: 'run-request', kind: 'branch' });
        c()?.start(config, 'current', steps, data);
      },
      continueTraining: (config: TrainConfig, data?: TrainData) => {
        dispatch({ type: 'run-request', kind: 'current' });
        c()?.start(config, 'current', undefined, data);
      },
      pause: () => c()?.pause(),
      resume: () => c()?.resume(),
      stop: () => c()?.stop(),
      reset: (config: TrainConfig) => {
        dispatch({ type: 'run-request', kind: 'reset' });
        c()?.reset(config);
      },
      retryInit: () => {
        dispatch({ type: 'restoring' }); // clears the error while the worker tries again
        const restart = startRef.current;
        startRef.current = null;
        const client = c();
        if (restart) restart();
        else if (client) initWorker(client);
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
