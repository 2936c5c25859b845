import { setupBackend } from '../ml/backend';
import { loadMnist } from '../ml/mnist/load';
import { WASM_BINARY_URLS } from '../ml/wasm/wasm-urls';
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
    // One core stays with the page, so drawing and charts stay smooth while the worker trains.
    const threads = Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
    const backend = await setupBackend(req.backend, {
      wasmPaths: WASM_BINARY_URLS,
      threads,
      navigator,
    });
    const { data, stats } = await loadMnist(req.mnistBaseUrl, mnistFetch());
    return { backend, data, stats };
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
