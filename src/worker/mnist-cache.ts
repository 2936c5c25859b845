// The browser side of download-once (src/ml/mnist/download.ts): Cache Storage keeps the files,
// a Web Lock lets only one context (page or training worker) download them, and every byte of
// progress is broadcast, so the page shows a download the worker makes as well as its own.
import {
  cachedFetch,
  type Exclusive,
  type FileCache,
  type FileProgress,
} from '../ml/mnist/download';
import type { FetchLike } from '../ml/mnist/load';

/** Cache Storage name of the MNIST files; its contents never change, so app updates keep it. */
export const MNIST_CACHE = 'digit-lab-mnist-1';

/** BroadcastChannel on which every download posts its FileProgress. */
export const MNIST_PROGRESS_CHANNEL = 'digit-lab.mnist-progress';

function openCache(): FileCache | null {
  // Cache Storage exists only in secure contexts (https, localhost) and throws where site data
  // is blocked; then nothing is kept and every visit downloads.
  if (typeof caches === 'undefined') return null;
  const cache = caches.open(MNIST_CACHE);
  cache.catch(() => {});
  return {
    match: async (url) => (await cache).match(url),
    put: async (url, res) => (await cache).put(url, res),
  };
}

const exclusive: Exclusive = (name, task) => {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(name, task) : task();
};

/** The fetch for loadMnist: from the kept copy, else downloaded once, kept and broadcast. */
export function mnistFetch(onProgress?: (p: FileProgress) => void): FetchLike {
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(MNIST_PROGRESS_CHANNEL);
  return cachedFetch({
    fetch: (url) => fetch(url),
    cache: openCache(),
    exclusive,
    onProgress: (p) => {
      channel?.postMessage(p);
      onProgress?.(p);
    },
  });
}
