import { digitsToDotNetBytes } from '../../../src/codec/guid.js';
import { guidDigits } from '../../../src/codec/guid.js';

/** Little-endian bytes appended one value at a time (test-side: clarity over speed). */
export class ByteWriter {
  private bytes = new Uint8Array(256);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  u8(v: number): this {
    this.ensure(1);
    this.bytes[this.length++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }

  u32(v: number): this {
    return this.u16(v & 0xffff).u16(Math.floor(v / 65536) & 0xffff);
  }

  u64(v: bigint): this {
    const value = BigInt.asUintN(64, v);
    return this.u32(Number(value & 0xffffffffn)).u32(Number(value >> 32n));
  }

  raw(data: Uint8Array): this {
    this.ensure(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** A GUID in Windows memory layout; `guid` in D, N or B form. */
  guid(guid: string): this {
    const digits = guidDigits(guid);
    if (digits === undefined) throw new Error(`not a GUID: ${guid}`);
    return this.raw(digitsToDotNetBytes(digits));
  }

  /** UTF-16LE code units, then a NUL unless `terminate` is false. */
  utf16(text: string, terminate = true): this {
    for (let i = 0; i < text.length; i++) this.u16(text.charCodeAt(i));
    return terminate ? this.u16(0) : this;
  }

  zeros(n: number): this {
    this.ensure(n);
    this.bytes.fill(0, this.length, this.length + n);
    this.length += n;
    return this;
  }

  /** Pads with zeros to a multiple of `n`. */
  align(n: number): this {
    return this.zeros((n - (this.length % n)) % n);
  }

  /** Overwrites a UInt16 already written (a size known only at the end). */
  patchU16(at: number, v: number): void {
    this.bytes[at] = v & 0xff;
    this.bytes[at + 1] = (v >>> 8) & 0xff;
  }

  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
