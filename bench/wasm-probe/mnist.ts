// Reads the raw MNIST IDX files the probe server exposes under /mnist/.
/** Images scaled to [0,1] (PyTorch tutorial uses ToTensor only) and labels. */
export interface Mnist {
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

/** Fetches and decodes one split ('train' or 't10k'). */
export async function loadMnist(split: 'train' | 't10k'): Promise<Mnist> {
  const get = async (f: string) => new DataView(await (await fetch(`/mnist/${f}`)).arrayBuffer());
  const img = await get(`${split}-images-idx3-ubyte`);
  const lab = await get(`${split}-labels-idx1-ubyte`);
  if (img.getUint32(0) !== 2051 || lab.getUint32(0) !== 2049) throw new Error('bad IDX magic');
  const count = img.getUint32(4);
  const images = new Float32Array(count * 784);
  for (let i = 0; i < images.length; i++) images[i] = img.getUint8(16 + i) / 255;
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) labels[i] = lab.getUint8(8 + i);
  return { images, labels, count };
}
