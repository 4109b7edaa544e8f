import { parseArgs, USAGE } from './args.js';
import { convert, isRejected } from './convert.js';
import { runEtw } from './etw/run-etw.js';
import { formatError, formatJson, formatText } from './format.js';

/** What the CLI needs from its process; `main.ts` wires the real one, tests a fake. */
export interface CliIo {
  /** Standard input, line by line, without line endings. */
  lines(): AsyncIterable<string>;
  readonly stdinIsTTY: boolean;
  out(text: string): Promise<void>;
  err(text: string): Promise<void>;
  /** True once standard output is gone (`| head`): nothing more to print, so stop reading. */
  outputClosed(): boolean;
  /** Standard input as bytes (`etw events -`); absent where there is none. */
  stdinBytes?(): AsyncIterable<Uint8Array>;
  /** True when standard error is a terminal: only then does `etw events` draw a progress bar. */
  readonly stderrIsTTY?: boolean;
}

/** Exit statuses, as `--help` documents them. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_INVALID = 2;

/** Runs the command line and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const request = parseArgs(argv);
  if (request.kind === 'help') {
    await io.out(USAGE);
    return EXIT_OK;
  }
  if (request.kind === 'usage-error') {
    await io.err(`e2eactivity: ${request.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (request.kind !== 'run') return runEtw(request, io);

  const { command, json } = request;
  let invalid = 0;
  let printed = 0;
  const emit = async (input: string, line: number | undefined): Promise<void> => {
    const outcome = convert(command, input);
    if (isRejected(outcome)) invalid++;
    // Text blocks of decode are several lines: a blank line keeps consecutive ones apart.
    const separator = !json && command === 'decode' && printed > 0 && !isRejected(outcome) ? '\n' : '';
    if (json) await io.out(formatJson(outcome, line));
    else if (isRejected(outcome)) await io.err(formatError(outcome, line));
    else await io.out(separator + formatText(command, outcome));
    if (!isRejected(outcome)) printed++;
  };

  if (request.values.length > 0) {
    for (const value of request.values) await emit(value, undefined);
  } else {
    if (io.stdinIsTTY) await io.err(`e2eactivity: reading values to ${command}, one per line (end with Ctrl-D)\n`);
    let line = 0;
    for await (const text of io.lines()) {
      line++;
      if (io.outputClosed()) break;
      if (text.trim() !== '') await emit(text, line);
    }
  }
  return invalid > 0 ? EXIT_INVALID : EXIT_OK;
}
