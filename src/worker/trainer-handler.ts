import * as tf from '@tensorflow/tfjs';
import type { BackendSetup } from '../ml/backend';
import { TUTORIAL_CONFIG, type TrainConfig } from '../ml/config';
import { emptyHistory } from '../ml/history';
import type { MnistData } from '../ml/mnist/dataset';
import type { MnistLoadStats } from '../ml/mnist/load';
import { BatchMixer } from '../ml/mix';
import { RunControl, runLoop } from '../ml/run-loop';
import { Trainer } from '../ml/train';
import { weightBuffers } from '../ml/weights';
import { evalPlanOf, MetricsBuffer, runProgress, WEIGHTS_INTERVAL_MS } from './metrics-buffer';
import {
  assertNever,
  type InitRequest,
  type TrainerEvent,
  type TrainerPhase,
  type TrainerRequest,
  type WeightsReason,
  type WorkerErrorCode,
} from './protocol';

/** What the handler needs from its host: a way to post events, and the setup an `init` does. */
export interface TrainerHost {
  post: (event: TrainerEvent, transfer?: Transferable[]) => void;
  /** Sets up the backend and loads MNIST for an `init` request. */
  setup: (req: InitRequest) => Promise<{
    backend: BackendSetup;
    data: MnistData;
    stats: MnistLoadStats;
  }>;
  /** Takes a Web Lock and holds it until the worker ends; resolves once held. */
  hold: (lock: string) => Promise<void>;
  /** Readies the backend for a run's settings (WASM: times the convolutions of a new batch size). */
  prepare?: (config: TrainConfig) => Promise<void>;
}

/** The worker's request handler: feed it requests in order; `idle` settles once all are handled. */
export interface TrainerHandler {
  handle: (req: TrainerRequest) => void;
  /** Resolves when every request so far has been handled (a run may go on in the background). */
  idle: () => Promise<void>;
  /** Resolves when the current run, if any, has ended and reported. */
  runEnded: () => Promise<void>;
}

/** A request the worker refuses for a reason the page can put in words. */
class RequestError extends Error {
  constructor(
    readonly code: WorkerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The training worker's state machine: one trainer, at most one run, requests handled one at a
 * time in order while a run goes on between them.
 */
export function createTrainerHandler(host: TrainerHost): TrainerHandler {
  const { post } = host;
  let data: MnistData | null = null;
  let trainer: Trainer | null = null;
  let control: RunControl | null = null;
  let running: Promise<void> | null = null;
  const numTensors = () => tf.memory().numTensors;
  const phase = (p: TrainerPhase) => post({ type: 'phase', phase: p, numTensors: numTensors() });

  function sendWeights(t: Trainer, reason: WeightsReason) {
    const weights = t.weights();
    const { activation, seed } = t.runConfig;
    post(
      {
        type: 'weights',
        reason,
        config: { activation, seed },
        weights,
        steps: t.history.stepsDone,
        epochs: t.history.epochsDone,
      },
      weightBuffers(weights),
    );
  }

  const sendHistory = (t: Trainer) =>
    post({ type: 'history', history: t.history, progress: runProgress(t, new MetricsBuffer()) });

  const flush = (t: Trainer, buffer: MetricsBuffer) =>
    post({
      type: 'metrics',
      ...buffer.take(),
      progress: runProgress(t, buffer),
      numTensors: numTensors(),
    });

  function needData(): MnistData {
    if (!data) throw new RequestError('loading', 'MNIST is still loading in the training worker');
    return data;
  }

  async function endRun(): Promise<void> {
    control?.stop();
    await running;
  }

  function startRun(t: Trainer, maxSteps = Infinity) {
    const buffer = new MetricsBuffer(evalPlanOf(needData()), t.runConfig.batchSize);
    const c = new RunControl(() => {
      flush(t, buffer);
      phase('paused');
    });
    control = c;
    let lastWeights = performance.now();
    phase('training');
    running = runLoop(
      t,
      c,
      (report) => {
        buffer.add(report);
        if (report.full) {
          flush(t, buffer);
          sendWeights(t, 'epoch');
          lastWeights = performance.now();
        } else if (buffer.due()) {
          flush(t, buffer);
        }
        if (performance.now() - lastWeights >= WEIGHTS_INTERVAL_MS) {
          // Metrics first: the page must never hold weights ahead of the history it saves with them.
          flush(t, buffer);
          sendWeights(t, 'periodic');
          lastWeights = performance.now();
        }
      },
      maxSteps,
    ).then(
      (end) => {
        flush(t, buffer);
        sendWeights(t, 'final');
        const step = end.reason === 'diverged' ? end.step : null;
        const loss = end.reason === 'diverged' ? end.loss : null;
        post({ type: 'finished', reason: end.reason, step, loss, numTensors: numTensors() });
        phase('finished');
      },
      (err: unknown) => {
        // The trained steps go to the page first, as at a stop: since the last periodic weights
        // there may be seconds of training. The step that threw has put its weights back.
        let keptSteps: number | undefined;
        if (t.intact) {
          try {
            flush(t, buffer);
            sendWeights(t, 'final');
            keptSteps = t.history.stepsDone;
          } catch {
            // The backend cannot even read the weights: the page keeps the last ones it was sent.
          }
        }
        post({ type: 'error', code: 'other', message: String(err), keptSteps });
        phase('finished');
      },
    );
    void running.finally(() => {
      if (control === c) control = null;
    });
  }

  function freshTrainer(config: TrainConfig): Trainer {
    trainer?.dispose();
    trainer = new Trainer(needData(), config);
    return trainer;
  }

  async function handle(req: TrainerRequest): Promise<void> {
    switch (req.type) {
      case 'init': {
        phase('loading');
        const ready = await host.setup(req);
        data = ready.data;
        const t = freshTrainer(TUTORIAL_CONFIG);
        // One dummy forward pass compiles the kernels before the first real step.
        tf.tidy(() => t.model.predict(tf.zeros([1, 28, 28, 1])));
        post({
          type: 'ready',
          backend: ready.backend,
          dataset: ready.stats,
          numTensors: numTensors(),
        });
        sendHistory(t);
        phase('idle');
        return;
      }
      case 'start': {
        if (running && control) throw new RequestError('busy', 'a run is already in progress');
        needData();
        await host.prepare?.(req.config);
        let t: Trainer;
        if (req.from === 'current') {
          // Never fall back to a fresh run here: that would throw away the weights being continued.
          if (!trainer || !trainer.continueWith(req.config)) {
            throw trainer && trainer.sameArchitecture(req.config)
              ? new RequestError('epochsDone', 'the run already has all its epochs')
              : new RequestError('architecture', "Continue needs the model's activation and seed");
          }
          t = trainer;
        } else {
          t = freshTrainer(req.config);
        }
        const mixer = req.data && new BatchMixer(needData().train, req.data, req.config.seed);
        t.feedWith(mixer ? (indices) => mixer.batch(indices) : null);
        sendHistory(t);
        startRun(t, req.maxSteps);
        return;
      }
      case 'lifeline':
        // Not awaited: the lock is held for good, and requests behind this one must go on.
        host.hold(req.lock).then(
          () => post({ type: 'lifeline' }),
          () => {}, // no Web Locks here: the page cannot watch, and the worker works on
        );
        return;
      case 'pause':
        control?.pause();
        return;
      case 'resume':
        if (control?.paused) {
          control.resume();
          phase('training');
        }
        return;
      case 'stop':
        control?.stop();
        return;
      case 'reset': {
        await endRun();
        const t = freshTrainer(req.config);
        sendHistory(t);
        sendWeights(t, 'reset');
        phase('idle');
        return;
      }
      case 'restore': {
        await endRun();
        // Build the restored trainer beside the current one, so a bad snapshot changes nothing.
        const t = new Trainer(needData(), req.config);
        try {
          t.restore(req.weights, req.history ?? emptyHistory(req.config));
        } catch (err) {
          t.dispose();
          throw err;
        }
        trainer?.dispose();
        trainer = t;
        sendHistory(t);
        post({ type: 'restored', numTensors: numTensors() });
        phase('idle');
        return;
      }
      default:
        assertNever(req);
    }
  }

  let queue = Promise.resolve();
  return {
    handle: (req) => {
      queue = queue.then(() =>
        handle(req).catch((err: unknown) =>
          post({
            type: 'error',
            code: err instanceof RequestError ? err.code : 'other',
            message: err instanceof Error ? err.message : String(err),
          }),
        ),
      );
    },
    idle: () => queue,
    runEnded: async () => {
      await running;
    },
  };
}
