import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '../ml/backend';
import { tuneConvolutions } from '../ml/backend-timing';
import { loadMnist } from '../ml/mnist/load';
import { convChooser } from '../ml/wasm/fma/conv-choice';
import { WASM_BINARY_URLS } from '../ml/wasm/wasm-urls';
import { workerThreadPlan } from '../ml/worker-threads';
import type { TrainerEvent, TrainerRequest } from './protocol';
import { createTrainerHandler } from './trainer-handler';
import { mnistFetch } from './mnist-cache';

// The worker's global scope, typed to our protocol (the DOM lib types `self` as a Window).
const scope = self as unknown as {
  postMessage(event: TrainerEvent, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<TrainerRequest>) => void) | null;
};

const handler = createTrainerHandler({
  post: (event, transfer = []) => scope.postMessage(event, transfer),
  setup: async (req) => {
    const threadPlan = workerThreadPlan(navigator.hardwareConcurrency || 2, req.threads ?? null);
    convChooser.mode = req.conv ?? 'auto';
    const setup = await setupBackend(req.backend, {
      wasmPaths: WASM_BINARY_URLS,
      threads: threadPlan.threads,
      navigator,
      timeBackends: true,
      tuneConvolutions: true,
    });
    const { data, stats } = await loadMnist(req.mnistBaseUrl, mnistFetch());
    return { backend: { ...setup, threadPlan }, data, stats };
  },
  prepare: async (config) => {
    if (tf.getBackend() === 'wasm') await tuneConvolutions(config.batchSize);
  },
  hold: (lock) =>
    new Promise<void>((held, failed) => {
      if (!navigator.locks) return failed(new Error('no Web Locks'));
      // The callback's promise never settles, so the lock goes only with the worker.
      navigator.locks
        .request(lock, () => {
          held();
          return new Promise<never>(() => {});
        })
        .catch(failed);
    }),
});

scope.onmessage = (e) => handler.handle(e.data);
