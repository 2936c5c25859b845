import { describe, expect, it } from 'vitest';
import { PyDict, PyObject, PyTensor } from '../../../src/ml/torch/py-values';
import { unpickle } from '../../../src/ml/torch/unpickle';
import { problemOf } from './helpers';

/** Bytes from a mix of opcode numbers and latin-1 text, as pickletools would list them. */
const bytes = (...parts: (number | string)[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((ch) => ch.charCodeAt(0)))),
  );
const PROTO2 = [0x80, 2] as const;

describe('the allow-list unpickler', () => {
  it('refuses the classic payloads by name, whichever opcode names them', () => {
    // Protocol 0 as `pickle.dumps` of a __reduce__ to os.system writes it: GLOBAL then REDUCE.
    const classic = bytes("cos\nsystem\n(S'echo owned'\ntR.");
    expect(problemOf(() => unpickle(classic))).toEqual({
      code: 'torchForbidden',
      params: { name: 'os.system' },
    });
    // Protocol 4's STACK_GLOBAL takes the names from the stack.
    const stackGlobal = bytes(0x80, 4, 0x8c, 8, 'builtins', 0x8c, 4, 'exec', 0x93, '.');
    expect(problemOf(() => unpickle(stackGlobal)).params).toEqual({ name: 'builtins.exec' });
    // INST calls a class: refused even where the class itself would be allowed.
    const inst = bytes('(i__main__\nCNN\n.');
    expect(problemOf(() => unpickle(inst)).params).toEqual({ name: '__main__.CNN(…)' });
    // Calling an allowed class through REDUCE would run its __init__: refused too.
    const call = bytes(...PROTO2, 'ctorch.nn.modules.conv\nConv2d\n', 0x29, 'R.');
    expect(problemOf(() => unpickle(call)).params).toEqual({
      name: 'torch.nn.modules.conv.Conv2d(…)',
    });
    // Lower-case names in __main__ are functions, not a model class.
    expect(problemOf(() => unpickle(bytes('c__main__\nrun\n.'))).params).toEqual({
      name: '__main__.run',
    });
  });

  it('builds state_dict data: an OrderedDict of tensors over persistent storages', () => {
    const pickle = bytes(
      ...PROTO2,
      'ccollections\nOrderedDict\n)R(X',
      ...[1, 0, 0, 0],
      'w',
      'ctorch._utils\n_rebuild_tensor_v2\n((X',
      ...[7, 0, 0, 0],
      'storage',
      'ctorch\nFloatStorage\nX',
      ...[1, 0, 0, 0],
      '0X',
      ...[3, 0, 0, 0],
      'cpuK',
      6,
      't',
      0x51, // BINPERSID
      'K',
      0,
      'K',
      2,
      'K',
      3,
      0x86, // TUPLE2
      'K',
      3,
      'K',
      1,
      0x86,
      0x89, // NEWFALSE
      'ccollections\nOrderedDict\n)RtRu.',
    );
    const { value, storages } = unpickle(pickle);
    expect(value).toBeInstanceOf(PyDict);
    const t = (value as PyDict).map.get('w');
    expect(t).toBeInstanceOf(PyTensor);
    expect([(t as PyTensor).size, (t as PyTensor).stride]).toEqual([
      [2, 3],
      [3, 1],
    ]);
    expect(storages.get('0')).toMatchObject({ storageClass: 'FloatStorage', numel: 6 });
  });

  it('makes module instances without running them, via NEWOBJ and BUILD', () => {
    const pickle = bytes(...PROTO2, 'c__main__\nCNN\n)', 0x81, '}X', 4, 0, 0, 0, 'sizeK', 5, 'sb.');
    const { value } = unpickle(pickle);
    expect(value).toBeInstanceOf(PyObject);
    expect((value as PyObject).cls.path).toBe('__main__.CNN');
    expect(((value as PyObject).state as PyDict).map.get('size')).toBe(5);
  });

  it('calls a malformed pickle damaged: short input, huge lengths, stack underflow, unknown opcodes', () => {
    const cases: [Uint8Array, RegExp][] = [
      [bytes(...PROTO2, 'K'), /needs 1 bytes/],
      [bytes(...PROTO2, 'X', 0xff, 0xff, 0xff, 0x7f, 'abc'), /needs 2147483647 bytes/],
      [bytes(...PROTO2, 't.'), /MARK is missing/],
      [bytes(...PROTO2, 'R.'), /stack ran empty/],
      [bytes(...PROTO2, 'h', 9, '.'), /memo 9 is unset/],
      [bytes(...PROTO2, 0x8b, 0xff, 0xff, 0xff, 0x7f), /-byte integer/],
      [bytes(...PROTO2, 0xfe), /opcode 0xfe/],
      [bytes(...PROTO2, 'N'), /ends before its STOP/],
    ];
    for (const [pickle, reason] of cases) {
      const p = problemOf(() => unpickle(pickle));
      expect(p.code).toBe('torchDamaged');
      expect((p.params as { reason: string }).reason).toMatch(reason);
    }
  });
});
