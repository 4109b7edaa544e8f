import { createReadStream } from 'node:fs';
import type { EtwEvent, EtwProblem } from '../../../src/etw/event.js';
import { readEtlEvents } from '../../../src/etw/etl/read-etl.js';
import type { EtlLogfileHeader } from '../../../src/etw/etl/logfile-header.js';

/** Everything the reader gave for one input. */
export interface EtlReadResult {
  readonly events: EtwEvent[];
  readonly problems: EtwProblem[];
  readonly header?: EtlLogfileHeader;
}

/** Bytes as chunks of `chunkSize` (the reader must not care where chunks end). */
export async function* chunksOf(bytes: Uint8Array, chunkSize = 65536): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, Math.min(bytes.length, at + chunkSize));
}

/** Reads a whole input (bytes, or a file path streamed from disk) and collects events and problems. */
export async function readAllEtl(input: Uint8Array | string, chunkSize?: number): Promise<EtlReadResult> {
  const events: EtwEvent[] = [];
  const problems: EtwProblem[] = [];
  let header: EtlLogfileHeader | undefined;
  const chunks = typeof input === 'string' ? createReadStream(input) : chunksOf(input, chunkSize);
  const options = { onProblem: (p: EtwProblem) => problems.push(p), onLogfileHeader: (h: EtlLogfileHeader) => (header = h) };
  for await (const e of readEtlEvents(chunks, options)) events.push(e);
  return header === undefined ? { events, problems } : { events, problems, header };
}
