/// <reference types="node" />
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { CliIo } from './run.js';

/** The streams of a process, as `process` has them. */
export interface ProcessStreams {
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/**
 * The CLI's I/O over real streams. Writes wait for `drain`, so decoding a large log through a slow pipe
 * does not buffer the whole output; a closed standard output (EPIPE from `| head`) ends the run quietly
 * instead of crashing it.
 */
export function processIo(streams: ProcessStreams): CliIo {
  let closed = false;
  streams.stdout.on('error', () => {
    closed = true;
  });
  const write = async (stream: NodeJS.WritableStream, text: string): Promise<void> => {
    if (closed && stream === streams.stdout) return;
    if (!stream.write(text)) await once(stream, 'drain').catch(() => undefined);
  };
  return {
    // Lines end at \n or \r\n (Windows logs); crlfDelay keeps a \r\n split across two reads one line end.
    lines: () => createInterface({ input: streams.stdin, crlfDelay: Infinity }),
    stdinIsTTY: streams.stdin.isTTY === true,
    out: (text) => write(streams.stdout, text),
    err: (text) => write(streams.stderr, text),
    outputClosed: () => closed,
    stdinBytes: () => streams.stdin as AsyncIterable<Uint8Array>,
    stderrIsTTY: streams.stderr.isTTY === true,
  };
}
