// The only Python globals a PyTorch file may name, and what each builds. Nothing is ever called:
// every entry is a pure function from already-unpickled data to inert data.
import { fail } from '../model-file-error';
import {
  damaged,
  PyDict,
  PyGlobal,
  PyObject,
  PyStorage,
  PyTensor,
  STORAGE_DTYPES,
  type PyValue,
  type StorageClass,
} from './py-values';

/** Python 3 reads protocol-2 files' Python 2 module names as these (pickle's fix_imports). */
const PY2_MODULES: Record<string, string> = { __builtin__: 'builtins', copy_reg: 'copyreg' };

const isInt = (v: PyValue): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const intList = (v: PyValue, what: string): number[] => {
  if (!Array.isArray(v) || !v.every((d) => isInt(d) && d >= 0))
    damaged(`${what} is not a list of sizes`);
  return v as number[];
};

function rebuildTensor(args: PyValue[]): PyTensor {
  const [storage, offset, size, stride] = args;
  if (!(storage instanceof PyStorage)) return damaged('a tensor without a storage');
  if (!isInt(offset) || offset < 0) return damaged('a tensor with a bad storage offset');
  const dims = intList(size, 'a tensor size');
  const steps = intList(stride, 'a tensor stride');
  if (dims.length !== steps.length) damaged('a tensor whose size and stride differ in rank');
  return new PyTensor(storage, offset, dims, steps);
}

/** Functions a state_dict is rebuilt with; each returns inert data. */
const FUNCTIONS: Record<string, (args: PyValue[]) => PyValue> = {
  'collections.OrderedDict': (args) => {
    const dict = new PyDict();
    // OrderedDict([(k, v), ...]) in protocol 0/1 files; OrderedDict() and SETITEMS otherwise.
    const pairs = args[0] ?? [];
    if (!Array.isArray(pairs)) return damaged('OrderedDict of something other than pairs');
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2)
        damaged('OrderedDict of something other than pairs');
      dict.map.set((pair as PyValue[])[0], (pair as PyValue[])[1]);
    }
    return dict;
  },
  'torch._utils._rebuild_tensor_v2': rebuildTensor,
  'torch._utils._rebuild_tensor': rebuildTensor,
  // A Parameter is its data plus requires_grad: the data is all we need.
  'torch._utils._rebuild_parameter': (args) => args[0],
  'torch._utils._rebuild_parameter_with_state': (args) => args[0],
  // nn.Module keeps a set of non-persistent buffer names; a list says the same.
  'builtins.set': (args) => (Array.isArray(args[0]) ? args[0] : []),
  // copyreg._reconstructor(cls, object, state): a new instance, its class never run.
  'copyreg._reconstructor': (args) => newObject(args[0]),
};

/** Modules and classes that may be instantiated without running them (a whole pickled nn.Module). */
function isInertClass(module: string, name: string): boolean {
  const className = /^[A-Z][A-Za-z0-9_]*$/.test(name);
  if (module === 'builtins' && name === 'object') return true;
  // torch.nn's own layers, and the model class of the user's script, as the tutorial's `CNN`.
  return className && (module === '__main__' || module.startsWith('torch.nn.modules.'));
}

/** Resolves a GLOBAL opcode, refusing every name outside the allow-list. */
export function resolveGlobal(rawModule: string, name: string): PyGlobal {
  const module = PY2_MODULES[rawModule] ?? rawModule;
  const path = `${module}.${name}`;
  const storage = module === 'torch' && name in STORAGE_DTYPES;
  if (path in FUNCTIONS || storage || isInertClass(module, name)) return new PyGlobal(module, name);
  return fail({ code: 'torchForbidden', params: { name: path } });
}

/** REDUCE: only the allow-listed functions, which build data; calling a class is refused. */
export function reduce(fn: PyValue, args: PyValue): PyValue {
  if (!(fn instanceof PyGlobal)) return damaged('REDUCE on something that is not a global');
  if (!Array.isArray(args)) return damaged(`${fn.path} called without an argument tuple`);
  const build = FUNCTIONS[fn.path];
  if (!build) return fail({ code: 'torchForbidden', params: { name: `${fn.path}(…)` } });
  return build(args);
}

/** NEWOBJ and copyreg._reconstructor: an empty instance of an inert class. */
export function newObject(cls: PyValue): PyObject {
  if (!(cls instanceof PyGlobal) || !isInertClass(cls.module, cls.name)) {
    return damaged('an instance of something that is not a class');
  }
  return new PyObject(cls);
}

/** BUILD: sets an instance's state (or an OrderedDict's attributes such as _metadata). */
export function build(target: PyValue, state: PyValue): void {
  if (target instanceof PyObject) target.state = state;
  else if (target instanceof PyDict) target.attrs = state;
  else damaged('BUILD on something that is not an object');
}

/** BINPERSID: torch's ('storage', StorageClass, key, location, numel[, view]) tuple. */
export function persistentStorage(pid: PyValue): PyStorage {
  if (!Array.isArray(pid) || pid[0] !== 'storage' || pid.length < 5) {
    return damaged('a persistent id that is not a storage');
  }
  const [, cls, key, , numel, view] = pid;
  if (!(cls instanceof PyGlobal) || cls.module !== 'torch' || !(cls.name in STORAGE_DTYPES)) {
    return damaged('a storage of unknown type');
  }
  if (typeof key !== 'string' || !isInt(numel) || numel < 0)
    damaged('a storage without key or size');
  let slice: { offset: number; numel: number } | null = null;
  if (Array.isArray(view)) {
    // Legacy files: (view_key, offset, view_size) into the root storage `key`.
    const [, offset, size] = view;
    if (!isInt(offset) || !isInt(size) || offset < 0 || size < 0) damaged('a bad storage view');
    slice = { offset: offset as number, numel: size as number };
  }
  return new PyStorage(cls.name as StorageClass, key as string, numel as number, slice);
}
