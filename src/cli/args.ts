/** What the command line asks for. */
export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string }
  | {
      readonly kind: 'run';
      readonly command: CliCommand;
      /** Values given as arguments; empty means "read them from standard input, one per line". */
      readonly values: readonly string[];
      readonly json: boolean;
    };

/** `decode` turns header values into GUIDs, `encode` GUIDs (or trace ids) into header values. */
export type CliCommand = 'decode' | 'encode';

const COMMANDS: readonly string[] = ['decode', 'encode'];

/**
 * Parses the arguments after `node main.js`. Options may come before or after the command; `--` ends
 * them, so that a value which starts with `-` (a URL-safe base64 value can) still reaches the diagnosis
 * instead of being taken for an unknown option.
 */
export function parseArgs(argv: readonly string[]): CliRequest {
  let json = false;
  let optionsEnded = false;
  const positional: string[] = [];
  for (const arg of argv) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--help' || arg === '-h') {
      return { kind: 'help' };
    } else if (arg === '--json') {
      json = true;
    } else {
      return usageError(`unknown option ${arg} (put -- before a value that starts with -)`);
    }
  }
  const [command, ...values] = positional;
  if (command === undefined) return usageError('missing command: decode or encode');
  if (command === 'help') return { kind: 'help' };
  if (!COMMANDS.includes(command)) return usageError(`unknown command ${command}: expected decode or encode`);
  // `-` names standard input, as in most Unix tools.
  const fromStdin = values.length === 1 && values[0] === '-';
  return { kind: 'run', command: command as CliCommand, values: fromStdin ? [] : values, json };
}

function usageError(message: string): CliRequest {
  return { kind: 'usage-error', message };
}

/** The `--help` text. */
export const USAGE = `Usage: e2eactivity <command> [--json] [value ...]

Converts between MS-THCH E2EActivity header values (the base64 .NET GUID that WCF sends) and GUIDs.

Commands:
  decode <base64>          print the GUID, its trace-id form and the header line
  encode <guid|trace-id>   print the header value (GUID in D, N or B form; a trace id is the N form)

With no value (or -), values are read from standard input, one per line; blank lines are skipped.

Options:
  --json      one JSON object per value, one per line (JSON Lines):
              {"input","guid","traceId","value","header"}, or {"input","error"} for an invalid value;
              values read from standard input also carry their "line" number; an input
              over 60 characters is cut to 60 and "inputLength" gives its full length
  -h, --help  show this help
  --          end of options (for a value that starts with -)

Exit status: 0 every value converted, 1 usage error, 2 one or more values invalid (the others still
print; without --json each invalid value is explained on standard error).

Examples:
  e2eactivity decode 1EQPEKzH3EWY95dMBk1h3Q==
  e2eactivity encode 100f44d4-c7ac-45dc-98f7-974c064d61dd
  cut -f7 access.log | e2eactivity decode --json
`;
