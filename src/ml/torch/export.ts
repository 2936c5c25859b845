// Writes the app's weights as torch.save(cnn.state_dict(), f) does in torch ≥ 1.6: a zip of
// archive/data.pkl (a protocol-2 pickle of an OrderedDict of tensors), archive/data/N (raw
// little-endian float32) and archive/version.
import { zipSync, type ZipAttributes } from 'fflate';
import type { WeightSnapshot } from '../weights';
import { hwioToOihw, TORCH_PARAMS } from './layout';

/** torch's zip serialization version, as torch 1.6–2.x write it. */
const TORCH_ZIP_VERSION = '3\n';
/** torch aligns every entry's data to 64 bytes (so torch.load(mmap=True) can map it). */
const ALIGN = 64;
/** The extra-field id torch pads with ('FB'). */
const PAD_FIELD = 0x4246;
/** A fixed timestamp, so the same weights always give the same bytes. */
const MTIME = new Date(2020, 0, 1);

/** Appends pickle opcodes; only those this file needs. */
class Pickler {
  private bytes: number[] = [];
  private op(...b: number[]) {
    this.bytes.push(...b);
    return this;
  }
  private u32(n: number) {
    return this.op(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
  }
  proto = () => this.op(0x80, 2);
  mark = () => this.op(0x28);
  tuple = () => this.op(0x74);
  emptyTuple = () => this.op(0x29);
  reduce = () => this.op(0x52);
  setItems = () => this.op(0x75);
  binPersId = () => this.op(0x51);
  newFalse = () => this.op(0x89);
  stop = () => this.op(0x2e);
  global(module: string, name: string) {
    return this.op(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  }
  text(s: string) {
    const utf8 = new TextEncoder().encode(s);
    return this.op(0x58)
      .u32(utf8.length)
      .op(...utf8);
  }
  int(n: number) {
    if (n < 0x100) return this.op(0x4b, n); // BININT1
    if (n < 0x10000) return this.op(0x4d, n & 0xff, n >> 8); // BININT2
    return this.op(0x4a).u32(n); // BININT
  }
  ints(values: number[]) {
    this.mark();
    values.forEach((v) => this.int(v));
    return this.tuple();
  }
  /** collections.OrderedDict(), as torch pickles a state_dict and an empty hook dict. */
  orderedDict() {
    return this.global('collections', 'OrderedDict').emptyTuple().reduce();
  }
  result = () => Uint8Array.from(this.bytes);
}

const contiguousStrides = (shape: number[]) =>
  shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));

/** data.pkl: OrderedDict of key → _rebuild_tensor_v2(storage i, 0, shape, stride, False, {}). */
function statePickle(): Uint8Array {
  const p = new Pickler().proto().orderedDict().mark();
  TORCH_PARAMS.forEach((param, i) => {
    const numel = param.torchShape.reduce((a, b) => a * b, 1);
    p.text(param.key).global('torch._utils', '_rebuild_tensor_v2').mark();
    p.mark().text('storage').global('torch', 'FloatStorage').text(String(i)).text('cpu');
    p.int(numel).tuple().binPersId();
    p.int(0).ints(param.torchShape).ints(contiguousStrides(param.torchShape));
    p.newFalse().orderedDict().tuple().reduce();
  });
  return p.setItems().stop().result();
}

/** Little-endian float32 bytes (every platform tfjs runs on is little-endian, as torch expects). */
const rawBytes = (values: Float32Array) =>
  new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

/**
 * The app's weights (createModel's order and layout) as a PyTorch state_dict file that
 * `torch.load` opens and the tutorial's CNN accepts with `load_state_dict`.
 */
export function torchStateDictFile(weights: WeightSnapshot): Uint8Array<ArrayBuffer> {
  const entries: [string, Uint8Array][] = [['archive/data.pkl', statePickle()]];
  TORCH_PARAMS.forEach((param, i) => {
    const w = weights.find((x) => x.name === param.name);
    if (!w || w.shape.join() !== param.shape.join()) {
      throw new Error(`weight ${param.name} with shape [${param.shape.join(', ')}] is missing`);
    }
    const values = param.oihw ? hwioToOihw(w.data, param.oihw) : w.data;
    entries.push([`archive/data/${i}`, rawBytes(values)]);
  });
  entries.push(['archive/version', new TextEncoder().encode(TORCH_ZIP_VERSION)]);

  // Pad each local header so its data starts on a 64-byte boundary, as torch's writer does.
  const files: Record<string, [Uint8Array, ZipAttributes & { level: 0 }]> = {};
  let offset = 0;
  for (const [name, data] of entries) {
    const header = 30 + new TextEncoder().encode(name).length + 4;
    const pad = (ALIGN - ((offset + header) % ALIGN)) % ALIGN;
    const extra = { [PAD_FIELD]: new Uint8Array(pad).fill(0x5a) }; // 'Z', as torch pads
    files[name] = [data, { level: 0, mtime: MTIME, extra }];
    offset += header + pad + data.length;
  }
  return zipSync(files);
}
