// Turns an opened PyTorch file into the app's weights: finds the tutorial's six parameters (in a
// state_dict, a checkpoint dict or a whole pickled module), checks them and maps their layout.
import type { ActivationName } from '../config';
import { fail } from '../model-file-error';
import { forwardStaysFinite } from '../forward-bound';
import type { ParsedModelFiles } from '../model-files';
import type { WeightSnapshot } from '../weights';
import { readTorchArchive, type TorchFormat } from './archive';
import { oihwToHwio, TORCH_PARAMS } from './layout';
import {
  damaged,
  PyDict,
  PyObject,
  PyTensor,
  STORAGE_DTYPES,
  type PyValue,
  type TorchDtype,
} from './py-values';

/** How a PyTorch file held its weights. */
export type TorchKind = 'state_dict' | 'checkpoint' | 'module';

/** A PyTorch file checked and converted, with what the user should be told about it. */
export interface TorchImport extends ParsedModelFiles {
  torch: {
    format: TorchFormat;
    kind: TorchKind;
    /** Element types other than float32 that were converted. */
    converted: TorchDtype[];
    /** A prefix removed from every key (`module.` from nn.DataParallel, `model.`), or null. */
    prefix: string | null;
    /** True when the file named its activation (a whole module); else ReLU, the tutorial's, is assumed. */
    activationFound: boolean;
  };
}

/** Keys under which training scripts commonly keep the model's state_dict in a checkpoint. */
const CHECKPOINT_KEYS = ['state_dict', 'model_state_dict', 'model'];
const PREFIXES = ['module.', 'model.'];
const ACTIVATIONS: Record<string, ActivationName> = {
  'torch.nn.modules.activation.ReLU': 'relu',
  'torch.nn.modules.activation.Sigmoid': 'sigmoid',
};

function describe(v: PyValue): string {
  if (v instanceof PyObject) return `a ${v.cls.path} object`;
  if (v instanceof PyDict) return 'a dict without tensors';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

/** Parameters and buffers of a pickled nn.Module, by their state_dict names; notes activations. */
function moduleTensors(m: PyObject, prefix: string, out: Map<string, PyTensor>, acts: Set<string>) {
  if (m.cls.path.startsWith('torch.nn.modules.activation.')) acts.add(m.cls.path);
  if (!(m.state instanceof PyDict)) return;
  for (const field of ['_parameters', '_buffers']) {
    const d = m.state.map.get(field);
    if (!(d instanceof PyDict)) continue;
    for (const [k, v] of d.map) if (v instanceof PyTensor) out.set(`${prefix}${String(k)}`, v);
  }
  const children = m.state.map.get('_modules');
  if (!(children instanceof PyDict)) return;
  for (const [k, v] of children.map) {
    if (v instanceof PyObject) moduleTensors(v, `${prefix}${String(k)}.`, out, acts);
  }
}

function findTensors(
  root: PyValue,
  depth = 0,
): {
  tensors: Map<string, PyTensor>;
  kind: TorchKind;
  activations: Set<string>;
} {
  const activations = new Set<string>();
  if (root instanceof PyObject) {
    const tensors = new Map<string, PyTensor>();
    moduleTensors(root, '', tensors, activations);
    if (tensors.size) return { tensors, kind: 'module', activations };
  }
  if (root instanceof PyDict) {
    const entries = [...root.map].filter(([, v]) => v instanceof PyTensor);
    if (entries.length) {
      const tensors = new Map(entries.map(([k, v]) => [String(k), v as PyTensor]));
      return { tensors, kind: depth ? 'checkpoint' : 'state_dict', activations };
    }
    const inner = CHECKPOINT_KEYS.map((k) => root.map.get(k)).find((v) => v != null);
    if (inner != null && depth === 0) return { ...findTensors(inner, 1), kind: 'checkpoint' };
  }
  return fail({ code: 'torchNoWeights', params: { found: describe(root) } });
}

function stripPrefix(keys: string[]): string | null {
  let removed = '';
  for (;;) {
    const p = PREFIXES.find((pre) => keys.length && keys.every((k) => k.startsWith(removed + pre)));
    if (!p) return removed || null;
    removed += p;
  }
}

const halfToFloat = (h: number): number => {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? Number.NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
};

const scratch = new DataView(new ArrayBuffer(4));
const bfloat16ToFloat = (b: number): number => {
  scratch.setUint32(0, b << 16);
  return scratch.getFloat32(0);
};

/** Element readers of the floating-point types we convert to float32: (storage bytes, index). */
const READERS: Partial<Record<TorchDtype, (v: DataView, i: number) => number>> = {
  float32: (v, i) => v.getFloat32(i * 4, true),
  float64: (v, i) => v.getFloat64(i * 8, true),
  float16: (v, i) => halfToFloat(v.getUint16(i * 2, true)),
  bfloat16: (v, i) => bfloat16ToFloat(v.getUint16(i * 2, true)),
};

/** The tensor's values in row-major order as float32, read through its strides. */
function tensorValues(
  key: string,
  t: PyTensor,
  bytes: Uint8Array,
  read: (v: DataView, i: number) => number,
): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const base = (t.storage.view?.offset ?? 0) + t.offset;
  const end = t.storage.view ? t.storage.view.offset + t.storage.view.numel : t.storage.numel;
  const count = t.size.reduce((a, b) => a * b, 1);
  const last = base + t.size.reduce((a, d, i) => a + (d - 1) * t.stride[i], 0);
  if (count > 0 && last >= end) {
    damaged(`${key} reaches past the end of its storage`);
  }
  const out = new Float32Array(count);
  const index = new Array<number>(t.size.length).fill(0);
  for (let n = 0; n < count; n++) {
    out[n] = read(view, base + index.reduce((a, d, i) => a + d * t.stride[i], 0));
    for (let i = index.length - 1; i >= 0 && ++index[i] === t.size[i]; i--) index[i] = 0;
  }
  return out;
}

/** Reads a torch.save file (zip or legacy) as the tutorial's CNN; throws ModelFileError. */
export function parseTorchFile(bytes: Uint8Array, file: string): TorchImport {
  const archive = readTorchArchive(bytes, file);
  const found = findTensors(archive.root);
  const prefix = stripPrefix([...found.tensors.keys()]);
  const tensors = new Map(
    [...found.tensors].map(([k, v]) => [prefix ? k.slice(prefix.length) : k, v]),
  );
  const missing = TORCH_PARAMS.map((p) => p.key).filter((k) => !tensors.has(k));
  const extra = [...tensors.keys()].filter((k) => !TORCH_PARAMS.some((p) => p.key === k));
  if (missing.length || extra.length) {
    fail({
      code: 'torchKeys',
      params: { missing: missing.join(', ') || '—', extra: extra.join(', ') || '—' },
    });
  }
  const converted = new Set<TorchDtype>();
  const weights: WeightSnapshot = TORCH_PARAMS.map((p) => {
    const t = tensors.get(p.key)!;
    const { dtype } = STORAGE_DTYPES[t.storage.storageClass];
    const read = READERS[dtype] ?? fail({ code: 'torchDtype', params: { key: p.key, dtype } });
    if (t.size.join() !== p.torchShape.join()) {
      fail({
        code: 'torchShape',
        params: {
          key: p.key,
          shape: `[${t.size.join(', ')}]`,
          expected: `[${p.torchShape.join(', ')}]`,
        },
      });
    }
    const values = tensorValues(p.key, t, archive.storages.get(t.storage.key)!.bytes, read);
    if (!values.every(Number.isFinite)) fail({ code: 'notFinite', params: { weight: p.key } });
    if (dtype !== 'float32') converted.add(dtype);
    return { name: p.name, shape: p.shape, data: p.oihw ? oihwToHwio(values, p.oihw) : values };
  });
  const acts = [...found.activations];
  const unknown = acts.find((a) => !(a in ACTIVATIONS));
  if (unknown || new Set(acts.map((a) => ACTIVATIONS[a])).size > 1) {
    fail({
      code: 'wrongTopology',
      params: { reason: `its activations are ${acts.join(', ')}; the app has ReLU or sigmoid` },
    });
  }
  const activation = acts.length ? ACTIVATIONS[acts[0]] : 'relu';
  // Finite but huge weights (3e38) overflow the first forward pass into NaN probabilities.
  if (!forwardStaysFinite(weights, activation)) fail({ code: 'overflows', params: {} });
  return {
    config: { activation, seed: 1 },
    weights,
    metadata: { trained: true },
    torch: {
      format: archive.format,
      kind: found.kind,
      converted: [...converted],
      prefix,
      activationFound: acts.length > 0,
    },
  };
}
