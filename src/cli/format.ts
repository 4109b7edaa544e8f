import { Converted, isRejected, Outcome, Rejected } from './convert.js';
import { CliCommand } from './args.js';

/** Longest part of an invalid input quoted back in a message: log columns can hold anything. */
const QUOTE_LIMIT = 60;

/**
 * The text output of a converted value. decode prints the three forms a user searches for; encode only
 * the header value, so that `$(e2eactivity encode ...)` is the value itself.
 */
export function formatText(command: CliCommand, converted: Converted): string {
  if (command === 'encode') return `${converted.value}\n`;
  return `GUID      ${converted.guid}\ntrace id  ${converted.traceId}\nE2EActivity: ${converted.value}\n`;
}

/**
 * The message for an invalid value, for standard error. The input is quoted as a JSON string and cut
 * short, so control characters from a log cannot reach the terminal raw.
 */
export function formatError(rejected: Rejected, line: number | undefined): string {
  const where = line === undefined ? '' : ` (line ${line})`;
  return `e2eactivity: invalid value ${quote(rejected.input)}${where}: ${rejected.error}\n`;
}

/**
 * One JSON Lines record; `line` is the input line number when the value came from standard input. An
 * input longer than the quote limit is cut to it, as in the text messages, and `inputLength` then gives its
 * full length: a log line of megabytes must not come back whole on every run.
 */
export function formatJson(outcome: Outcome, line: number | undefined): string {
  const input = echoedInput(outcome.input);
  const record = isRejected(outcome)
    ? { ...input, error: outcome.error }
    : {
        ...input,
        guid: outcome.guid,
        traceId: outcome.traceId,
        value: outcome.value,
        header: `E2EActivity: ${outcome.value}`,
      };
  return `${JSON.stringify(line === undefined ? record : { line, ...record })}\n`;
}

function echoedInput(input: string): { input: string; inputLength?: number } {
  return input.length > QUOTE_LIMIT ? { input: input.slice(0, QUOTE_LIMIT), inputLength: input.length } : { input };
}

function quote(input: string): string {
  const cut = input.length > QUOTE_LIMIT ? `${input.slice(0, QUOTE_LIMIT)}...` : input;
  return JSON.stringify(cut);
}
