import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '../ml/backend';
import { WASM_BINARY_URLS } from '../ml/wasm/wasm-urls';
import { TUTORIAL_CONFIG, type TrainConfig } from '../ml/config';
import { emptyHistory } from '../ml/history';
import type { MnistData } from '../ml/mnist/dataset';
import { loadMnist } from '../ml/mnist/load';
import { RunControl, runLoop, Trainer } from '../ml/train';
import { weightBuffers } from '../ml/weights';
import { MetricsBuffer, WEIGHTS_INTERVAL_MS } from './metrics-buffer';
import {
  assertNever,
  type TrainerEvent,
  type WorkerErrorCode,
  type TrainerRequest,
  type WeightsReason,
} from './protocol';

// The worker's global scope, typed to our protocol (the DOM lib types `self` as a Window).
const scope = self as unknown as {
  postMessage(event: TrainerEvent, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<TrainerRequest>) => void) | null;
};

let data: MnistData | null = null;
let trainer: Trainer | null = null;
let control: RunControl | null = null;
let running: Promise<void> | null = null;

const post = (event: TrainerEvent, transfer: Transferable[] = []) =>
  scope.postMessage(event, transfer);
const numTensors = () => tf.memory().numTensors;

function progressOf(t: Trainer, buffer: MetricsBuffer) {
  const c = t.runConfig;
  return buffer.progress(
    {
      epoch: Math.min(t.history.epochsDone, c.epochs - 1),
      epochs: c.epochs,
      stepInEpoch: t.stepsIntoEpoch,
      stepsPerEpoch: t.stepsPerEpoch,
      stepsDone: t.history.stepsDone,
    },
    c.batchSize,
  );
}

function sendWeights(t: Trainer, reason: WeightsReason, epoch: number | null = null) {
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
      epoch,
    },
    weightBuffers(weights),
  );
}

function sendHistory(t: Trainer) {
  post({ type: 'history', history: t.history, progress: progressOf(t, new MetricsBuffer()) });
}

function flush(t: Trainer, buffer: MetricsBuffer) {
  post({
    type: 'metrics',
    ...buffer.take(),
    progress: progressOf(t, buffer),
    numTensors: numTensors(),
  });
}

function needData(): MnistData {
  if (!data) throw new RequestError('loading', 'MNIST is still loading in the training worker');
  return data;
}

async function endRun(): Promise<void> {
  control?.stop();
  await running;
}

function startRun(t: Trainer) {
  const buffer = new MetricsBuffer();
  const c = new RunControl(() => {
    flush(t, buffer);
    post({ type: 'phase', phase: 'paused', numTensors: numTensors() });
  });
  control = c;
  let lastWeights = performance.now();
  post({ type: 'phase', phase: 'training', numTensors: numTensors() });
  running = runLoop(t, c, (report) => {
    buffer.add(report);
    if (report.full) {
      flush(t, buffer);
      sendWeights(t, 'epoch', report.epoch);
      lastWeights = performance.now();
    } else if (buffer.due()) {
      flush(t, buffer);
    }
    if (performance.now() - lastWeights >= WEIGHTS_INTERVAL_MS) {
      sendWeights(t, 'periodic');
      lastWeights = performance.now();
    }
  }).then(
    (end) => {
      flush(t, buffer);
      sendWeights(t, 'final');
      const step = end.reason === 'diverged' ? end.step : null;
      const loss = end.reason === 'diverged' ? end.loss : null;
      post({ type: 'finished', reason: end.reason, step, loss, numTensors: numTensors() });
      post({ type: 'phase', phase: 'finished', numTensors: numTensors() });
    },
    (err: unknown) => {
      post({ type: 'error', request: 'start', code: 'other', message: String(err) });
      post({ type: 'phase', phase: 'finished', numTensors: numTensors() });
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
      post({ type: 'phase', phase: 'loading', numTensors: numTensors() });
      // One core stays with the page, so drawing and charts stay smooth while the worker trains.
      const threads = Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
      const backend = await setupBackend(req.backend, { wasmPaths: WASM_BINARY_URLS, threads });
      const { data: loaded, stats } = await loadMnist(req.mnistBaseUrl);
      data = loaded;
      const t = freshTrainer(TUTORIAL_CONFIG);
      // One dummy forward pass compiles the kernels before the first real step.
      tf.tidy(() => t.model.predict(tf.zeros([1, 28, 28, 1])));
      post({ type: 'ready', backend, dataset: stats, numTensors: numTensors() });
      sendHistory(t);
      post({ type: 'phase', phase: 'idle', numTensors: numTensors() });
      return;
    }
    case 'start': {
      if (running && control) throw new RequestError('busy', 'a run is already in progress');
      needData();
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
      sendHistory(t);
      startRun(t);
      return;
    }
    case 'pause':
      control?.pause();
      return;
    case 'resume':
      if (control?.paused) {
        control.resume();
        post({ type: 'phase', phase: 'training', numTensors: numTensors() });
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
      post({ type: 'phase', phase: 'idle', numTensors: numTensors() });
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
      sendWeights(t, 'restore');
      post({ type: 'phase', phase: 'idle', numTensors: numTensors() });
      return;
    }
    default:
      assertNever(req);
  }
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

// Requests are handled one at a time, in order; a run goes on in the background between them.
let queue = Promise.resolve();
scope.onmessage = (e) => {
  const req = e.data;
  queue = queue.then(() =>
    handle(req).catch((err: unknown) =>
      post({
        type: 'error',
        request: req.type,
        code: err instanceof RequestError ? err.code : 'other',
        message: err instanceof Error ? err.message : String(err),
      }),
    ),
  );
};
