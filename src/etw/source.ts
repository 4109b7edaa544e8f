/// <reference types="node" />
import { createReadStream } from 'node:fs';

/**
 * Where `readEtwEvents` reads from: a file path, bytes already in memory, or a stream of chunks such as a
 * Node.js `Readable` (`process.stdin`, `fs.createReadStream(...)`). String chunks (a stream with an
 * encoding set) are taken as UTF-8.
 */
export type EtwSource = string | Uint8Array | AsyncIterable<Uint8Array | string>;

/** Chunks of 256 KiB: big enough to keep per-chunk costs low, small enough to stream. */
const CHUNK_SIZE = 256 * 1024;

/** The source as a stream of byte chunks, read lazily: nothing is read before the first `next()`. */
export async function* sourceChunks(source: EtwSource): AsyncGenerator<Uint8Array, void, undefined> {
  if (typeof source === 'string') {
    yield* bytesOf(createReadStream(source, { highWaterMark: CHUNK_SIZE }));
  } else if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += CHUNK_SIZE) yield source.subarray(at, at + CHUNK_SIZE);
  } else {
    yield* bytesOf(source);
  }
}

async function* bytesOf(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  for await (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}
