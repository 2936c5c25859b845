// Reading a pickle's bytes: fixed-width fields, counted strings and lines, all bounds-checked.
import { damaged } from './py-values';

/** Reads little-endian fields from bytes, refusing to read past their end. */
export class Cursor {
  at = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get left(): number {
    return this.bytes.length - this.at;
  }
  /** Moves past `n` bytes, first checking they are there. */
  take(n: number): number {
    if (!Number.isSafeInteger(n) || n < 0 || n > this.left) {
      damaged(`the pickle needs ${n} bytes at byte ${this.at} but has ${this.left} left`);
    }
    this.at += n;
    return this.at - n;
  }
  u8 = () => this.bytes[this.take(1)];
  u16 = () => this.view.getUint16(this.take(2), true);
  i32 = () => this.view.getInt32(this.take(4), true);
  u32 = () => this.view.getUint32(this.take(4), true);
  u64(): number {
    const at = this.take(8);
    const value = this.view.getUint32(at, true) + 2 ** 32 * this.view.getUint32(at + 4, true);
    return Number.isSafeInteger(value) ? value : damaged(`a length of ${value} bytes`);
  }
  f64 = () => this.view.getFloat64(this.take(8), false); // BINFLOAT is big-endian
  slice = (n: number) => this.bytes.subarray(this.take(n), this.at);
  text = (n: number) => new TextDecoder('utf-8', { fatal: true }).decode(this.slice(n));
  /** A newline-terminated line of the text opcodes. */
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.at);
    if (end < 0) damaged(`an unterminated line at byte ${this.at}`);
    const s = new TextDecoder('latin1').decode(this.bytes.subarray(this.at, end));
    this.at = end + 1;
    return s;
  }
}

/** A little-endian two's-complement integer of LONG1/LONG4, as a number when it fits. */
export function longValue(bytes: Uint8Array): number | bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  if (bytes.length && bytes[bytes.length - 1] & 0x80) v -= 1n << BigInt(8 * bytes.length);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v;
}

/** Longest LONG4 we read: torch writes none, and a huge one would only cost time. */
export const MAX_LONG_BYTES = 64;
