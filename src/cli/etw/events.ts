import { guidDigits } from '../../codec/guid.js';
import type { EtwEvent, EtwProblem } from '../../etw/event.js';
import { readEtwEvents } from '../../etw/read-etw-events.js';
import { EtwFormatError } from '../../etw/sniff.js';
import { EXIT_INVALID, EXIT_OK, type CliIo } from '../run.js';
import type { EtwEventsRequest } from './commands.js';
import { formatEventLine } from './event-line.js';
import { fileChunksWithProgress, PROGRESS_MIN_BYTES } from './progress.js';
import { EventSummary, formatProblem } from './summary.js';

/**
 * `etw events`: every event of every file, in file order, as a line or a JSON record on standard output;
 * problems on standard error as they come, the summary at the end. Status 2 when any file was not ETL or
 * event XML, damaged, malformed or unreadable; the intact events were printed all the same.
 */
export async function runEtwEvents(request: EtwEventsRequest, io: CliIo): Promise<number> {
  const keep = providerFilter(request.providers);
  const summary = new EventSummary();
  // A run in which no file was ETL or event XML ends with its one-line explanations, no summary.
  let anyRead = false;
  for (const file of request.files) {
    if (io.outputClosed()) break;
    const pending: EtwProblem[] = [];
    const flush = async (): Promise<void> => {
      for (const problem of pending.splice(0)) await io.err(formatProblem(file, problem));
    };
    try {
      const draw = io.stderrIsTTY === true ? (line: string): void => void io.err(line) : undefined;
      const source = file === '-' ? (io.stdinBytes?.() ?? emptyInput()) : fileChunksWithProgress(file, draw, PROGRESS_MIN_BYTES);
      const onProblem = (problem: EtwProblem): void => {
        summary.problem();
        pending.push(problem);
      };
      for await (const event of readEtwEvents(source, { onProblem })) {
        anyRead = true;
        if (pending.length > 0) await flush();
        if (!keep(event)) {
          summary.skip();
          continue;
        }
        summary.add(event);
        await io.out(request.json ? `${JSON.stringify(event)}\n` : formatEventLine(event));
        if (io.outputClosed()) break;
      }
      await flush();
      anyRead = true;
    } catch (error) {
      await flush();
      summary.problem();
      await io.err(`e2eactivity: ${file}: ${describe(error)}\n`);
    }
  }
  if (anyRead) await io.err(summary.format());
  return summary.hasProblems ? EXIT_INVALID : EXIT_OK;
}

/** Keeps events whose provider name or GUID is one of `providers` (any case, GUIDs with or without braces). */
export function providerFilter(providers: readonly string[]): (event: EtwEvent) => boolean {
  if (providers.length === 0) return () => true;
  const names = new Set(providers.map((p) => p.toLowerCase()));
  const guids = new Set(providers.map((p) => guidDigits(p.trim())).filter((d): d is string => d !== undefined));
  return (event) => names.has(event.provider.toLowerCase()) || guids.has(event.providerGuid.replace(/-/g, ''));
}

// One line, never a stack trace: what went wrong with this file.
function describe(error: unknown): string {
  if (error instanceof EtwFormatError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  const message = error instanceof Error ? error.message : String(error);
  return `cannot read: ${message.split('\n')[0]}`;
}

async function* emptyInput(): AsyncGenerator<Uint8Array, void, undefined> {
  // A CliIo without standard input reads as an empty one.
}
