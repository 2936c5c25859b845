// A pickle reader for PyTorch files: a stack machine over the opcodes torch.save writes, whose
// globals go through the allow-list. It only builds data; no opcode can call or import anything.
import { fail } from '../model-file-error';
import { build, newObject, persistentStorage, reduce, resolveGlobal } from './allow-list';
import { Cursor, longValue, MAX_LONG_BYTES } from './pickle-cursor';
import { damaged, PyDict, PyGlobal, type PyStorage, type PyValue } from './py-values';

/**
 * Unpickles one pickle from `bytes` at `start`; returns the value, where the pickle ended and the
 * storages its persistent ids named, by key.
 * Throws ModelFileError: `torchForbidden` naming any global outside the allow-list,
 * `torchDamaged` for anything malformed.
 */
export function unpickle(
  bytes: Uint8Array,
  start = 0,
): { value: PyValue; end: number; storages: Map<string, PyStorage> } {
  const c = new Cursor(bytes);
  c.at = start;
  let stack: PyValue[] = [];
  const marks: PyValue[][] = [];
  const memo = new Map<number, PyValue>();
  const storages = new Map<string, PyStorage>();
  const pop = (): PyValue => (stack.length ? stack.pop()! : damaged('the pickle stack ran empty'));
  const top = (): PyValue => (stack.length ? stack[stack.length - 1] : damaged('an empty stack'));
  const popMark = (): PyValue[] => {
    const items = stack;
    stack = marks.pop() ?? damaged('a MARK is missing');
    return items;
  };
  const put = (key: number) => memo.set(key, top());
  const get = (key: number) => (memo.has(key) ? memo.get(key)! : damaged(`memo ${key} is unset`));
  const list = (v: PyValue): PyValue[] => (Array.isArray(v) ? v : damaged('APPEND to a non-list'));
  const dict = (v: PyValue): PyDict => (v instanceof PyDict ? v : damaged('SETITEM on a non-dict'));

  while (c.left > 0) {
    const at = c.at;
    const op = c.u8();
    switch (op) {
      case 0x80: // PROTO
        if (c.u8() > 5) damaged('a pickle protocol above 5');
        break;
      case 0x95: // FRAME: a length hint only
        c.u64();
        break;
      case 0x2e: // STOP
        return { value: pop(), end: c.at, storages };
      case 0x28: // MARK
        marks.push(stack);
        stack = [];
        break;
      case 0x30: // POP
        pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      case 0x70: // PUT
        put(Number(c.line()));
        break;
      case 0x71: // BINPUT
        put(c.u8());
        break;
      case 0x72: // LONG_BINPUT
        put(c.u32());
        break;
      case 0x94: // MEMOIZE
        put(memo.size);
        break;
      case 0x67: // GET
        stack.push(get(Number(c.line())));
        break;
      case 0x68: // BINGET
        stack.push(get(c.u8()));
        break;
      case 0x6a: // LONG_BINGET
        stack.push(get(c.u32()));
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
      case 0x89: // NEWFALSE
        stack.push(op === 0x88);
        break;
      case 0x49: {
        // INT (text); protocol 0 spells booleans 01 and 00
        const s = c.line();
        stack.push(s === '01' ? true : s === '00' ? false : Number(s));
        break;
      }
      case 0x4c: // LONG (text, with a trailing L)
        stack.push(Number(c.line().replace(/L$/, '')));
        break;
      case 0x4a: // BININT
        stack.push(c.i32());
        break;
      case 0x4b: // BININT1
        stack.push(c.u8());
        break;
      case 0x4d: // BININT2
        stack.push(c.u16());
        break;
      case 0x8a: // LONG1
        stack.push(longValue(c.slice(c.u8())));
        break;
      case 0x8b: {
        // LONG4
        const n = c.i32();
        if (n < 0 || n > MAX_LONG_BYTES) damaged(`a ${n}-byte integer`);
        stack.push(longValue(c.slice(n)));
        break;
      }
      case 0x47: // BINFLOAT
        stack.push(c.f64());
        break;
      case 0x46: // FLOAT (text)
        stack.push(Number(c.line()));
        break;
      case 0x58: // BINUNICODE
        stack.push(c.text(c.u32()));
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(c.text(c.u8()));
        break;
      case 0x8d: // BINUNICODE8
        stack.push(c.text(c.u64()));
        break;
      case 0x55: // SHORT_BINSTRING (Python 2 str)
        stack.push(new TextDecoder('latin1').decode(c.slice(c.u8())));
        break;
      case 0x54: // BINSTRING
        stack.push(new TextDecoder('latin1').decode(c.slice(c.u32())));
        break;
      case 0x53: {
        // STRING (protocol 0): a quoted Python 2 str
        const s = c.line();
        if (!/^(['"]).*\1$/s.test(s)) damaged('an unquoted STRING');
        stack.push(s.slice(1, -1));
        break;
      }
      case 0x42: // BINBYTES
        stack.push(c.slice(c.u32()));
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(c.slice(c.u8()));
        break;
      case 0x8e: // BINBYTES8
        stack.push(c.slice(c.u64()));
        break;
      case 0x29: // EMPTY_TUPLE
      case 0x5d: // EMPTY_LIST
        stack.push([]);
        break;
      case 0x74: // TUPLE
      case 0x6c: {
        // LIST; popMark() replaces `stack`, so take the items before pushing
        const items = popMark();
        stack.push(items);
        break;
      }
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: {
        // TUPLE3
        const n = op - 0x84;
        if (stack.length < n) damaged(`TUPLE${n} on a shorter stack`);
        stack.push(stack.splice(stack.length - n, n));
        break;
      }
      case 0x61: {
        // APPEND
        const item = pop();
        list(top()).push(item);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        list(top()).push(...items);
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push(new PyDict());
        break;
      case 0x64: {
        // DICT
        const items = popMark();
        const d = new PyDict();
        for (let i = 0; i + 1 < items.length; i += 2) d.map.set(items[i], items[i + 1]);
        stack.push(d);
        break;
      }
      case 0x73: {
        // SETITEM
        const value = pop();
        const key = pop();
        dict(top()).map.set(key, value);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark();
        if (items.length % 2) damaged('SETITEMS with an odd number of items');
        const d = dict(top());
        for (let i = 0; i < items.length; i += 2) d.map.set(items[i], items[i + 1]);
        break;
      }
      case 0x8f: // EMPTY_SET
        stack.push([]);
        break;
      case 0x90: {
        // ADDITEMS
        const items = popMark();
        list(top()).push(...items);
        break;
      }
      case 0x63: {
        // GLOBAL
        const module = c.line();
        stack.push(resolveGlobal(module, c.line()));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') damaged('a bad STACK_GLOBAL');
        stack.push(resolveGlobal(module, name));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        stack.push(reduce(pop(), args));
        break;
      }
      case 0x81: {
        // NEWOBJ: cls.__new__(cls, *args), which runs no code of the class
        pop();
        stack.push(newObject(pop()));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop();
        build(top(), state);
        break;
      }
      case 0x69: {
        // INST (protocol 0): calls a class, so it is refused even for an allowed name
        const module = c.line();
        const cls = resolveGlobal(module, c.line());
        fail({ code: 'torchForbidden', params: { name: `${cls.path}(…)` } });
        break;
      }
      case 0x6f: {
        // OBJ (protocol 1): calls the class first in the marked items; refused likewise
        const cls = popMark()[0];
        const name = cls instanceof PyGlobal ? cls.path : 'an object';
        fail({ code: 'torchForbidden', params: { name: `${name}(…)` } });
        break;
      }
      case 0x51: {
        // BINPERSID: a storage, read later from the archive
        const storage = persistentStorage(pop());
        const seen = storages.get(storage.key);
        if (seen && (seen.storageClass !== storage.storageClass || seen.numel !== storage.numel)) {
          damaged(`storage ${storage.key} is described two ways`);
        }
        storages.set(storage.key, storage);
        stack.push(storage);
        break;
      }
      default:
        // EXT*, PERSID and out-of-band buffers: torch.save writes none of them.
        damaged(`pickle opcode 0x${op.toString(16).padStart(2, '0')} at byte ${at}`);
    }
  }
  return damaged('the pickle ends before its STOP');
}
