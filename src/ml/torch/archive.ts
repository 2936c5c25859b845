// The two containers torch.save writes: a zip archive (torch ≥ 1.6) and the legacy stream of
// pickles followed by raw storages (older torch, or _use_new_zipfile_serialization=False).
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { fail } from '../model-file-error';
import { damaged, STORAGE_DTYPES, type PyStorage, type PyValue } from './py-values';
import { unpickle } from './unpickle';

/** Largest PyTorch file we open; the tutorial's state_dict is 117,695 bytes. */
export const MAX_TORCH_FILE_BYTES = 10 * 1024 * 1024;

/** torch's legacy header: pickled MAGIC_NUMBER, then PROTOCOL_VERSION. */
const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const LEGACY_PROTOCOL = 1001;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PICKLE_PROTO = 0x80;

/** Which container a file used. */
export type TorchFormat = 'zip' | 'legacy';

/** A torch.save file opened: the unpickled object and every storage's bytes, sizes checked. */
export interface TorchArchive {
  format: TorchFormat;
  root: PyValue;
  storages: Map<string, { storage: PyStorage; bytes: Uint8Array }>;
}

const bytesOf = (s: PyStorage) => s.numel * STORAGE_DTYPES[s.storageClass].bytes;

function readZip(bytes: Uint8Array): TorchArchive {
  let total = 0;
  const claim = (f: UnzipFileInfo) => {
    // Stored entries must fit in the file; compressed ones, together, may not expand past our limit.
    total += f.originalSize;
    const limit = f.compression === 0 ? bytes.length : MAX_TORCH_FILE_BYTES;
    if (f.originalSize > limit || f.size > bytes.length) {
      fail({
        code: 'torchClaim',
        params: { what: f.name, claimed: f.originalSize, available: bytes.length },
      });
    }
    if (total > MAX_TORCH_FILE_BYTES) {
      fail({
        code: 'torchClaim',
        params: { what: 'the zip entries together', claimed: total, available: bytes.length },
      });
    }
    return true;
  };
  let files: Record<string, Uint8Array>;
  const claimed = new Map<string, number>();
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        claimed.set(f.name, f.originalSize);
        return claim(f);
      },
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'ModelFileError') throw err;
    return damaged(`not a complete zip archive (${err instanceof Error ? err.message : err})`);
  }
  for (const [name, data] of Object.entries(files)) {
    if (data.length !== claimed.get(name)) {
      damaged(`${name} holds ${data.length} bytes, its zip entry says ${claimed.get(name)}`);
    }
  }
  // torch names the folder after the file (cnn2/data.pkl); any single folder will do.
  const pickles = Object.keys(files).filter((n) => /^[^/]+\/data\.pkl$/.test(n));
  if (pickles.length !== 1) damaged('no data.pkl in the zip archive');
  const dir = pickles[0].slice(0, -'data.pkl'.length);
  const order = files[`${dir}byteorder`];
  if (order && new TextDecoder().decode(order).trim() !== 'little') {
    damaged('saved on a big-endian machine');
  }
  const { value, storages } = unpickle(files[pickles[0]]);
  const out: TorchArchive['storages'] = new Map();
  for (const [key, storage] of storages) {
    const data = files[`${dir}data/${key}`];
    if (!data) damaged(`storage ${key} is missing from the archive`);
    if (data.length !== bytesOf(storage)) {
      damaged(
        `storage ${key} holds ${data.length} bytes, its tensor header says ${bytesOf(storage)}`,
      );
    }
    out.set(key, { storage, bytes: data });
  }
  return { format: 'zip', root: value, storages: out };
}

function readLegacy(bytes: Uint8Array): TorchArchive {
  const magic = unpickle(bytes);
  if (magic.value !== LEGACY_MAGIC) damaged('a pickle, but not one torch.save wrote');
  const protocol = unpickle(bytes, magic.end);
  if (protocol.value !== LEGACY_PROTOCOL) damaged(`torch format version ${String(protocol.value)}`);
  const sysInfo = unpickle(bytes, protocol.end);
  const main = unpickle(bytes, sysInfo.end);
  const keys = unpickle(bytes, main.end);
  if (!Array.isArray(keys.value) || !keys.value.every((k) => typeof k === 'string')) {
    damaged('no list of storages after the pickle');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: TorchArchive['storages'] = new Map();
  let at = keys.end;
  for (const key of keys.value as string[]) {
    const storage = main.storages.get(key) ?? damaged(`storage ${key} is listed but never used`);
    if (at + 8 > bytes.length) damaged(`the file ends before storage ${key}`);
    const count = view.getBigInt64(at, true);
    const size = BigInt(STORAGE_DTYPES[storage.storageClass].bytes) * count;
    const available = bytes.length - at - 8;
    // Compare before allocating anything: a small file may claim a gigabyte here.
    if (count < 0n || size > BigInt(available)) {
      fail({
        code: 'torchClaim',
        params: { what: `storage ${key}`, claimed: Number(size), available },
      });
    }
    if (Number(count) !== storage.numel) {
      damaged(`storage ${key} holds ${count} values, its tensor header says ${storage.numel}`);
    }
    out.set(key, { storage, bytes: bytes.subarray(at + 8, at + 8 + Number(size)) });
    at += 8 + Number(size);
  }
  for (const key of main.storages.keys()) if (!out.has(key)) damaged(`storage ${key} is missing`);
  return { format: 'legacy', root: main.value, storages: out };
}

/** Opens a torch.save file (zip or legacy); throws ModelFileError saying what is wrong. */
export function readTorchArchive(bytes: Uint8Array, file: string): TorchArchive {
  if (bytes.length === 0) fail({ code: 'torchEmpty', params: { file } });
  if (bytes.length > MAX_TORCH_FILE_BYTES) {
    fail({
      code: 'torchTooLarge',
      params: { file, bytes: bytes.length, max: MAX_TORCH_FILE_BYTES },
    });
  }
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return readZip(bytes);
  if (bytes[0] === PICKLE_PROTO) return readLegacy(bytes);
  return fail({ code: 'torchNotRecognised', params: { file } });
}
