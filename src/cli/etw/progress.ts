/// <reference types="node" />
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** Below this size a file reads in about a second: no bar. */
export const PROGRESS_MIN_BYTES = 32 * 1024 * 1024;
const REDRAW_MS = 200;
const WIDTH = 30;

/**
 * A file's chunks, drawing a progress bar on standard error as they are read (only when standard error is
 * a terminal and the file has at least `minBytes`). The bar is erased when the file ends, so the summary and any problem
 * lines stay clean.
 */
export async function* fileChunksWithProgress(
  path: string,
  draw: ((line: string) => void) | undefined,
  minBytes: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  const size = draw === undefined ? 0 : (await stat(path)).size;
  const show = draw !== undefined && size >= minBytes ? draw : undefined;
  let read = 0;
  let drawnAt = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>) {
      read += chunk.length;
      const now = Date.now();
      if (show !== undefined && now - drawnAt >= REDRAW_MS) {
        drawnAt = now;
        show(`\r${progressLine(path, read, size)}`);
      }
      yield chunk;
    }
  } finally {
    if (show !== undefined && drawnAt > 0) show('\r\x1b[K');
  }
}

/** `e2e.etl [#########.....................] 31% 80.0/256.0 MiB` */
export function progressLine(path: string, read: number, size: number): string {
  const share = size === 0 ? 1 : Math.min(1, read / size);
  const done = Math.round(share * WIDTH);
  const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  return `${path} [${'#'.repeat(done)}${'.'.repeat(WIDTH - done)}] ${Math.floor(share * 100)}% ${mib(read)}/${mib(size)} MiB`;
}
