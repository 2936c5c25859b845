// Python values as our unpickler builds them: plain data, nothing that can run.
import { fail } from '../model-file-error';

/** Throws the refusal for a malformed PyTorch file, saying what is wrong. */
export function damaged(reason: string): never {
  return fail({ code: 'torchDamaged', params: { reason } });
}

/** Element types a PyTorch storage can hold, by the storage class that names them. */
export const STORAGE_DTYPES = {
  FloatStorage: { dtype: 'float32', bytes: 4 },
  DoubleStorage: { dtype: 'float64', bytes: 8 },
  HalfStorage: { dtype: 'float16', bytes: 2 },
  BFloat16Storage: { dtype: 'bfloat16', bytes: 2 },
  LongStorage: { dtype: 'int64', bytes: 8 },
  IntStorage: { dtype: 'int32', bytes: 4 },
  ShortStorage: { dtype: 'int16', bytes: 2 },
  CharStorage: { dtype: 'int8', bytes: 1 },
  ByteStorage: { dtype: 'uint8', bytes: 1 },
  BoolStorage: { dtype: 'bool', bytes: 1 },
} as const;

/** A storage class name, e.g. 'FloatStorage'. */
export type StorageClass = keyof typeof STORAGE_DTYPES;
/** A storage element type, e.g. 'float32'. */
export type TorchDtype = (typeof STORAGE_DTYPES)[StorageClass]['dtype'];

/** A Python dict or OrderedDict, in insertion order; `attrs` is what BUILD gave it (e.g. _metadata). */
export class PyDict {
  readonly map = new Map<unknown, PyValue>();
  attrs: PyValue = null;
}

/** A global the allow-list let through, e.g. `torch.nn.modules.conv.Conv2d`. */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  /** `module.name`. */
  get path(): string {
    return `${this.module}.${this.name}`;
  }
}

/** An instance made without running its class (a pickled nn.Module); `state` is its __dict__. */
export class PyObject {
  state: PyValue = null;
  constructor(readonly cls: PyGlobal) {}
}

/** A storage a persistent id names: `numel` elements under `key` in the archive, not read yet. */
export class PyStorage {
  constructor(
    readonly storageClass: StorageClass,
    readonly key: string,
    readonly numel: number,
    /** Legacy files: the tensor sees only `numel` elements of this storage from `offset`. */
    readonly view: { offset: number; numel: number } | null = null,
  ) {}
}

/** A tensor: a strided view of a storage, as torch._utils._rebuild_tensor_v2 describes it. */
export class PyTensor {
  constructor(
    readonly storage: PyStorage,
    readonly offset: number,
    readonly size: number[],
    readonly stride: number[],
  ) {}
}

/** Any value the unpickler can produce. Tuples and lists are both arrays. */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyValue[]
  | PyDict
  | PyGlobal
  | PyObject
  | PyStorage
  | PyTensor;
