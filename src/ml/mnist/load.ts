import { makeSplit, type MnistData } from './dataset';
import { parseIdxImages, parseIdxLabels } from './idx';

/** The fetch function the loader uses, so tests and workers can supply their own. */
export type FetchLike = (url: string) => Promise<Response>;

/** What loading MNIST cost: bytes over the wire, bytes after gunzip, milliseconds. */
export interface MnistLoadStats {
  compressedBytes: number;
  rawBytes: number;
  ms: number;
}

const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** The four file names (without `.gz`), in the order loadMnist fetches them. */
export const MNIST_FILE_NAMES: readonly string[] = Object.values(FILES);

/** First two bytes of every gzip stream. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

// Some static servers (Vite's preview among them) send `.gz` files with Content-Encoding: gzip, so
// the browser has already inflated them; others send the gzip bytes as they are. Accept both.
async function fetchGzip(fetchFn: FetchLike, url: string): Promise<[Uint8Array, number]> {
  const res = await fetchFn(url);
  if (!res.ok || !res.body) {
    throw new Error(`could not download ${url}: HTTP ${res.status} ${res.statusText}`);
  }
  const body = new Uint8Array(await res.arrayBuffer());
  const wire = Number(res.headers.get('Content-Length')) || body.byteLength;
  if (body[0] !== GZIP_MAGIC[0] || body[1] !== GZIP_MAGIC[1]) return [body, wire];
  const stream = new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return [new Uint8Array(await new Response(stream).arrayBuffer()), wire];
  } catch (err) {
    throw new Error(`${url} is not valid gzip data (${String(err)})`, { cause: err });
  }
}

/** Downloads the gzipped MNIST IDX files from `baseUrl` (ending in '/') and parses them. */
export async function loadMnist(
  baseUrl: string,
  fetchFn: FetchLike = fetch,
): Promise<{ data: MnistData; stats: MnistLoadStats }> {
  const start = performance.now();
  const names = Object.values(FILES);
  const files = await Promise.all(names.map((n) => fetchGzip(fetchFn, `${baseUrl}${n}.gz`)));
  const [trainImages, trainLabels, testImages, testLabels] = files.map(([raw]) => raw);
  const data: MnistData = {
    train: makeSplit(
      parseIdxImages(trainImages, FILES.trainImages),
      parseIdxLabels(trainLabels, FILES.trainLabels),
      'training set',
    ),
    test: makeSplit(
      parseIdxImages(testImages, FILES.testImages),
      parseIdxLabels(testLabels, FILES.testLabels),
      'test set',
    ),
  };
  const stats: MnistLoadStats = {
    compressedBytes: files.reduce((s, [, c]) => s + c, 0),
    rawBytes: files.reduce((s, [raw]) => s + raw.byteLength, 0),
    ms: performance.now() - start,
  };
  return { data, stats };
}
