import type { BackendChoice } from '../ml/backend';
import type { TrainConfig } from '../ml/config';
import type { TrainingHistory } from '../ml/history';
import type { TrainData } from '../ml/mix';
import { weightBuffers, type WeightSnapshot } from '../ml/weights';
import type { ConvKernelMode } from '../ml/wasm/fma/conv-choice';
import type { TrainerEvent, TrainerRequest } from './protocol';

/** A typed handle on the training worker: one method per request, one subscription for events. */
export class TrainerClient {
  private readonly worker: Worker;

  /** Starts the worker (it does nothing until `init`). */
  constructor() {
    this.worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });
  }

  private send(request: TrainerRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  /** Listens to every event; returns the unsubscribe function. */
  subscribe(
    listener: (event: TrainerEvent) => void,
    onCrash: (message: string) => void,
  ): () => void {
    const onMessage = (e: MessageEvent<TrainerEvent>) => listener(e.data);
    const onError = (e: ErrorEvent) => onCrash(e.message || 'the training worker failed to start');
    this.worker.addEventListener('message', onMessage);
    this.worker.addEventListener('error', onError);
    return () => {
      this.worker.removeEventListener('message', onMessage);
      this.worker.removeEventListener('error', onError);
    };
  }

  /** Asks the worker to hold the Web Lock `lock` for its whole life (see `watchLifeline`). */
  lifeline(lock: string): void {
    this.send({ type: 'lifeline', lock });
  }
  /** Sets up the backend and has the worker load MNIST itself from `mnistBaseUrl`. */
  init(
    backend: BackendChoice,
    mnistBaseUrl: string,
    threads: number | null = null,
    conv: ConvKernelMode | null = null,
  ): void {
    this.send({
      type: 'init',
      backend,
      mnistBaseUrl,
      ...(threads ? { threads } : {}),
      ...(conv ? { conv } : {}),
    });
  }
  /** Starts a run from fresh weights, or goes on from the worker's current weights. */
  start(
    config: TrainConfig,
    from: 'scratch' | 'current',
    maxSteps?: number,
    data?: TrainData,
  ): void {
    // The personal set is copied, then moved: the page keeps its own arrays.
    const personal = data?.personal && {
      count: data.personal.count,
      images: data.personal.images.slice(),
      labels: data.personal.labels.slice(),
    };
    const transfer = personal ? [personal.images.buffer, personal.labels.buffer] : [];
    const extra = data ? { data: { ...data, personal: personal ?? null } } : {};
    this.send(
      { type: 'start', config, from, ...(maxSteps ? { maxSteps } : {}), ...extra },
      transfer,
    );
  }
  /** Holds the run after its current step. */
  pause(): void {
    this.send({ type: 'pause' });
  }
  /** Goes on with a paused run. */
  resume(): void {
    this.send({ type: 'resume' });
  }
  /** Ends the run after its current step; its weights stay. */
  stop(): void {
    this.send({ type: 'stop' });
  }
  /** Ends any run and starts over from fresh seeded weights. */
  reset(config: TrainConfig): void {
    this.send({ type: 'reset', config });
  }
  /** Puts saved weights and history into the worker; the caller's arrays are copied, not moved. */
  restore(config: TrainConfig, weights: WeightSnapshot, history: TrainingHistory | null): void {
    const copy = weights.map((w) => ({ ...w, data: w.data.slice() }));
    this.send({ type: 'restore', config, weights: copy, history }, weightBuffers(copy));
  }

  /** Stops the worker for good. */
  terminate(): void {
    this.worker.terminate();
  }
}
