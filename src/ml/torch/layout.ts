// PyTorch keeps tensors channels-first, TensorFlow.js channels-last. One permutation maps both
// the convolution kernels and the linear layer (whose 1,568 inputs PyTorch flattens as C,H,W).
import { LAYER_NAMES } from '../model';
import { NUM_CLASSES } from '../mnist/dataset';

/** One of the tutorial's state_dict entries and where it lives in the app's model. */
export interface TorchParam {
  /** The tutorial's state_dict key, e.g. `conv1.0.weight`. */
  key: string;
  /** Shape in PyTorch, e.g. [16, 1, 5, 5]. */
  torchShape: number[];
  /** The app's weight name and shape, e.g. `conv1/kernel` [5, 5, 1, 16]. */
  name: string;
  shape: number[];
  /** For weights: the [O, I, H, W] view in which PyTorch's layout becomes ours by permutation. */
  oihw: [number, number, number, number] | null;
}

// out.weight [10, 1568] is [10, 32, 7, 7] (O, C, H, W) to PyTorch's flatten, [7, 7, 32, 10] to ours.
const FLAT: [number, number, number, number] = [NUM_CLASSES, 32, 7, 7];

/** The tutorial's six parameters, in the order createModel's weights come. */
export const TORCH_PARAMS: readonly TorchParam[] = [
  {
    key: 'conv1.0.weight',
    torchShape: [16, 1, 5, 5],
    name: `${LAYER_NAMES.conv1}/kernel`,
    shape: [5, 5, 1, 16],
    oihw: [16, 1, 5, 5],
  },
  {
    key: 'conv1.0.bias',
    torchShape: [16],
    name: `${LAYER_NAMES.conv1}/bias`,
    shape: [16],
    oihw: null,
  },
  {
    key: 'conv2.0.weight',
    torchShape: [32, 16, 5, 5],
    name: `${LAYER_NAMES.conv2}/kernel`,
    shape: [5, 5, 16, 32],
    oihw: [32, 16, 5, 5],
  },
  {
    key: 'conv2.0.bias',
    torchShape: [32],
    name: `${LAYER_NAMES.conv2}/bias`,
    shape: [32],
    oihw: null,
  },
  {
    key: 'out.weight',
    torchShape: [NUM_CLASSES, 1568],
    name: `${LAYER_NAMES.out}/kernel`,
    shape: [1568, NUM_CLASSES],
    oihw: FLAT,
  },
  {
    key: 'out.bias',
    torchShape: [NUM_CLASSES],
    name: `${LAYER_NAMES.out}/bias`,
    shape: [NUM_CLASSES],
    oihw: null,
  },
];

/** Copies between the [O, I, H, W] and [H, W, I, O] orders of the same values, either way. */
function permute(src: Float32Array, [o, i, h, w]: readonly number[], toHwio: boolean) {
  const out = new Float32Array(src.length);
  for (let a = 0; a < o; a++)
    for (let b = 0; b < i; b++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const oihw = ((a * i + b) * h + y) * w + x;
          const hwio = ((y * w + x) * i + b) * o + a;
          if (toHwio) out[hwio] = src[oihw];
          else out[oihw] = src[hwio];
        }
  return out;
}

/** Values in PyTorch's [O, I, H, W] order rearranged to [H, W, I, O]. */
export const oihwToHwio = (src: Float32Array, dims: readonly number[]) => permute(src, dims, true);

/** The inverse: [H, W, I, O] values back to PyTorch's [O, I, H, W]. */
export const hwioToOihw = (src: Float32Array, dims: readonly number[]) => permute(src, dims, false);
