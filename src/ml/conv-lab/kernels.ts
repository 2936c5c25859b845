/** A named square kernel, row-major `size × size`. */
export interface KernelPreset {
  id: string;
  size: 3 | 5;
  values: number[];
}

const gauss5 = [1, 4, 6, 4, 1];

/** The kernels the lab offers, the tutorial's edge kernel first. */
export const KERNEL_PRESETS: readonly KernelPreset[] = [
  { id: 'tutorialEdge', size: 3, values: [-1, -1, -1, -1, 8, -1, -1, -1, -1] },
  { id: 'laplacian', size: 3, values: [0, 1, 0, 1, -4, 1, 0, 1, 0] },
  { id: 'sobelX', size: 3, values: [-1, 0, 1, -2, 0, 2, -1, 0, 1] },
  { id: 'sobelY', size: 3, values: [-1, -2, -1, 0, 0, 0, 1, 2, 1] },
  { id: 'prewittX', size: 3, values: [-1, 0, 1, -1, 0, 1, -1, 0, 1] },
  { id: 'prewittY', size: 3, values: [-1, -1, -1, 0, 0, 0, 1, 1, 1] },
  { id: 'boxBlur', size: 3, values: Array<number>(9).fill(1 / 9) },
  { id: 'gaussian3', size: 3, values: [1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16) },
  {
    id: 'gaussian5',
    size: 5,
    values: gauss5.flatMap((a) => gauss5.map((b) => (a * b) / 256)),
  },
  { id: 'sharpen', size: 3, values: [0, -1, 0, -1, 5, -1, 0, -1, 0] },
  { id: 'emboss', size: 3, values: [-2, -1, 0, -1, 1, 1, 0, 1, 2] },
  // Image editors call the tutorial's edge kernel "outline"; its label says so, rather than
  // offering the same kernel twice. A directional blur stands in its place.
  {
    id: 'motionBlur',
    size: 5,
    values: Array.from({ length: 25 }, (_, i) => (i % 6 === 0 ? 1 / 5 : 0)),
  },
  { id: 'identity', size: 3, values: [0, 0, 0, 0, 1, 0, 0, 0, 0] },
];

/** The preset with this id; throws on an unknown id. */
export function kernelPreset(id: string): KernelPreset {
  const preset = KERNEL_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown kernel preset "${id}"`);
  return preset;
}

/** A kernel of `size × size` values grown or cut from another, keeping it centred. */
export function resizeKernel(values: readonly number[], from: number, to: number): number[] {
  const out = Array<number>(to * to).fill(0);
  const shift = (to - from) / 2;
  for (let r = 0; r < from; r++) {
    for (let c = 0; c < from; c++) {
      const rr = r + shift;
      const cc = c + shift;
      if (rr >= 0 && rr < to && cc >= 0 && cc < to) out[rr * to + cc] = values[r * from + c];
    }
  }
  return out;
}
