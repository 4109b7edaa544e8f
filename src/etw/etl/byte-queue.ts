/**
 * Bytes arriving in chunks of any size, read back in pieces of a known size. Holds only what has arrived and
 * not been taken, so memory stays bounded by the largest piece asked for plus one chunk.
 */
export class ByteQueue {
  private readonly chunks: Uint8Array[] = [];
  /** Read position in `chunks[0]`. */
  private head = 0;
  private length = 0;
  /** File offset of the next unread byte. */
  private consumed = 0;

  /** Bytes available to read. */
  get available(): number {
    return this.length;
  }

  /** File offset of the next byte `take` returns. */
  get offset(): number {
    return this.consumed;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /**
   * The next `n` bytes (the caller checks `available >= n`). A view into the chunk when they lie in one
   * (no copy: the common case for large reads), a fresh copy when they span chunks.
   */
  take(n: number): Uint8Array {
    const first = this.chunks[0];
    let out: Uint8Array;
    if (first.length - this.head >= n) {
      out = first.subarray(this.head, this.head + n);
      this.advance(n);
    } else {
      out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.chunks[0];
        const part = Math.min(n - filled, chunk.length - this.head);
        out.set(chunk.subarray(this.head, this.head + part), filled);
        filled += part;
        this.advance(part);
      }
    }
    return out;
  }

  /** The little-endian UInt32 at `at` bytes past the read position, `undefined` when not yet arrived. */
  peekUint32(at: number): number | undefined {
    if (at + 4 > this.length) return undefined;
    let value = 0;
    for (let i = 3; i >= 0; i--) value = value * 256 + this.byteAt(at + i);
    return value;
  }

  private byteAt(at: number): number {
    let i = 0;
    let pos = this.head + at;
    while (pos >= this.chunks[i].length) {
      pos -= this.chunks[i].length;
      i++;
    }
    return this.chunks[i][pos];
  }

  private advance(n: number): void {
    this.head += n;
    this.length -= n;
    this.consumed += n;
    if (this.head === this.chunks[0].length) {
      this.chunks.shift();
      this.head = 0;
    }
  }
}
