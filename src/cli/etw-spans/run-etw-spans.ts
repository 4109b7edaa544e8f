/// <reference types="node" />
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { EtwEvent, EtwProblem } from '../../etw/event.js';
import { readEtwEvents } from '../../etw/read-etw-events.js';
import { importEtwSpans, mergeByTime, type EtwSpan } from '../../etw/spans/index.js';
import { NEWLINE, otlpJsonLine } from './otlp-json-lines.js';
import { BatchExport, createTraceExporter, exportTargetOf, type ExportTarget } from './otlp-export.js';
import type { EtwSpansRequest } from './request.js';
import { FileProblem, problemLine, summaryLines } from './summary.js';

/** Exit statuses of `etw spans`. */
export const ETW_SPANS_EXIT = { ok: 0, usage: 1, damaged: 2, lost: 3 } as const;

/** Spans per export request (and per OTLP JSON line when exporting too): the SDK's batch size. */
export const ETW_SPANS_BATCH = 512;

/**
 * Spans per OTLP JSON line when only writing a file. Smaller than an export batch: spans wait in the batch
 * while the next events are read, and a batch of 512 outlived V8's young generation (copied, then
 * promoted); with 128 the scavenges copy a third of the bytes (bench/etw-spans.mjs, `--trace-gc-nvp`).
 */
export const ETW_SPANS_LINE = 128;
const KEPT_PROBLEMS = 100;
const REDRAW_MS = 200;

/** Reads the events of one input, reporting each damaged part to `onProblem` (the `/etw` reader). */
export type ReadEvents = (source: string | AsyncIterable<Uint8Array>, onProblem: (problem: EtwProblem) => void) => AsyncIterable<EtwEvent>;

/** Makes the span exporter for an export target: the official OTLP exporters by default. */
export type MakeExporter = (target: ExportTarget) => SpanExporter;

/** What `etw spans` needs from its process; the CLI's `CliIo` fits. */
export interface EtwSpansIo {
  out(text: string): Promise<void>;
  err(text: string): Promise<void>;
  readonly stderrIsTTY?: boolean;
  stdinBytes?(): AsyncIterable<Uint8Array>;
  /** The environment (`OTEL_EXPORTER_OTLP_*`); `process.env` when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs `e2eactivity etw spans`: reads the files (merged by time), imports their Http.sys and WCF events
 * as spans, writes them as OTLP JSON Lines and/or exports them in batches, and prints a summary with the
 * reader's problems repeated. Returns the exit status ({@link ETW_SPANS_EXIT}).
 */
export async function runEtwSpans(
  request: EtwSpansRequest,
  io: EtwSpansIo,
  read: ReadEvents = readWithProblems,
  makeExporter: MakeExporter = createTraceExporter
): Promise<number> {
  const target = exportTargetOf(request.endpoint, request.protocol, io.env ?? process.env);
  if (typeof target === 'string') {
    await io.err(`e2eactivity etw spans: ${target}\n`);
    return ETW_SPANS_EXIT.usage;
  }
  const outPath = request.out ?? (target === undefined ? '-' : undefined);
  const problems: FileProblem[] = [];
  let droppedProblems = 0;
  const sources = request.files.map((file) =>
    read(file === '-' && io.stdinBytes !== undefined ? io.stdinBytes() : file, (problem) => {
      if (problems.length < KEPT_PROBLEMS) problems.push({ file, problem });
      else droppedProblems++;
      void io.err(`${problemLine({ file, problem })}\n`);
    })
  );
  const imported = importEtwSpans(mergeByTime(sources), { serviceName: request.serviceName, horizonMs: request.horizonMs });
  const file = outPath === undefined || outPath === '-' ? undefined : createWriteStream(outPath);
  const decoder = new TextDecoder();
  const write = file === undefined ? (line: Uint8Array) => io.out(`${decoder.decode(line)}\n`) : (line: Uint8Array) => writeLine(file, line);
  const exporter = target === undefined ? undefined : new BatchExport(makeExporter(target));
  const progress = progressDrawer(io, exporter);

  let written = 0;
  let failure: string | undefined;
  const flush = async (batch: EtwSpan[]): Promise<void> => {
    if (batch.length === 0) return;
    if (outPath !== undefined) {
      await write(otlpJsonLine(batch));
      written += batch.length;
    }
    if (exporter !== undefined) await exporter.send(batch);
    progress.draw(imported.summary.spans);
  };
  const batchSize = exporter === undefined ? ETW_SPANS_LINE : ETW_SPANS_BATCH;
  try {
    let batch: EtwSpan[] = [];
    for await (const span of imported) {
      batch.push(span);
      if (batch.length >= batchSize) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
  } catch (error) {
    failure = (error as Error).message;
  } finally {
    progress.erase();
    await exporter?.shutdown().catch(() => undefined);
    if (file !== undefined) {
      file.end();
      await once(file, 'close').catch(() => undefined);
    }
  }

  const outcome = {
    written: outPath === undefined ? undefined : { to: outPath === '-' ? 'standard output' : outPath, spans: written },
    exported: exporter === undefined || target === undefined
      ? undefined
      : { to: target.shown, spans: exporter.exported, failed: exporter.failed, errors: exporter.errors },
  };
  const lines = summaryLines(imported.summary, outcome, problems, droppedProblems);
  if (failure !== undefined) lines.push(`  stopped: ${failure}`);
  await io.err(`${lines.join('\n')}\n`);
  if (exporter !== undefined && exporter.failed > 0) return ETW_SPANS_EXIT.lost;
  return failure !== undefined || problems.length > 0 ? ETW_SPANS_EXIT.damaged : ETW_SPANS_EXIT.ok;
}

/** The `/etw` reader, problems reported as they come. */
export function readWithProblems(source: string | AsyncIterable<Uint8Array>, onProblem: (problem: EtwProblem) => void): AsyncIterable<EtwEvent> {
  return readEtwEvents(source, { onProblem });
}

/** Writes a line and its newline, then waits for the file when its buffer is full (bounded memory). */
async function writeLine(stream: NodeJS.WritableStream, line: Uint8Array): Promise<void> {
  stream.write(line);
  if (!stream.write(NEWLINE)) await once(stream, 'drain');
}

/** A one-line progress count on standard error, only when it is a terminal. */
function progressDrawer(io: EtwSpansIo, exporter: BatchExport | undefined): { draw(spans: number): void; erase(): void } {
  let drawnAt = 0;
  if (io.stderrIsTTY !== true) return { draw: () => undefined, erase: () => undefined };
  return {
    draw(spans) {
      const now = Date.now();
      if (now - drawnAt < REDRAW_MS) return;
      drawnAt = now;
      const sent = exporter === undefined ? '' : `, ${exporter.exported} exported, ${exporter.failed} failed`;
      void io.err(`\retw spans: ${spans} spans${sent}`);
    },
    erase() {
      if (drawnAt > 0) void io.err('\r\x1b[K');
    },
  };
}
