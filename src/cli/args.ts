/// <reference types="node" />
import { parseArgs as tokenize } from 'node:util';
import { allOptions, type CommandSpec, type OptionsConfig, type OptionValues, type UsageError } from './commands.js';
import { ETW_COMMANDS, type EtwRequest } from './etw/commands.js';
import { USAGE } from './usage.js';

export { USAGE };

/** What the command line asks for. */
export type CliRequest =
  | { readonly kind: 'help' }
  | UsageError
  | {
      readonly kind: 'run';
      readonly command: CliCommand;
      /** Values given as arguments; empty means "read them from standard input, one per line". */
      readonly values: readonly string[];
      readonly json: boolean;
    }
  | EtwRequest;

/** `decode` turns header values into GUIDs, `encode` GUIDs (or trace ids) into header values. */
export type CliCommand = 'decode' | 'encode';

function convertCommand(command: CliCommand): CommandSpec<CliRequest> {
  return {
    options: { json: { type: 'boolean' } },
    request: (values, options) => {
      // `-` names standard input, as in most Unix tools.
      const fromStdin = values.length === 1 && values[0] === '-';
      return { kind: 'run', command, values: fromStdin ? [] : values, json: options.json === true };
    },
  };
}

/** The command table: `decode`, `encode`, and the `etw` group with its own table. */
const COMMANDS: Readonly<Record<string, CommandSpec<CliRequest>>> = {
  decode: convertCommand('decode'),
  encode: convertCommand('encode'),
  etw: { subcommands: ETW_COMMANDS },
};

const OPTIONS: OptionsConfig = { help: { type: 'boolean', short: 'h' }, ...allOptions(COMMANDS) };

/**
 * Parses the arguments after `node main.js` with `node:util` `parseArgs`, then dispatches on the command
 * (and the `etw` subcommand). Options may come before or after the command; `--` ends them, so that a
 * value which starts with `-` (a URL-safe base64 value can) still reaches the diagnosis instead of being
 * taken for an unknown option.
 */
export function parseArgs(argv: readonly string[]): CliRequest {
  const { tokens } = tokenize({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const given: { name: string; raw: string; value: string | boolean }[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value);
    if (token.kind !== 'option') continue;
    const raw = argv[token.index];
    // A group of short options (-abc) or an unknown name: this CLI has neither.
    if (!(token.name in OPTIONS) || !(raw === token.rawName || raw.startsWith(`${token.rawName}=`))) {
      return usageError(`unknown option ${raw} (put -- before a value that starts with -)`);
    }
    if (token.name === 'help') return { kind: 'help' };
    const type = OPTIONS[token.name].type;
    if (type === 'string' && token.value === undefined) return usageError(`option ${token.rawName} needs a value`);
    if (type === 'boolean' && token.inlineValue === true) return usageError(`option ${token.rawName} takes no value`);
    given.push({ name: token.name, raw: token.rawName, value: token.value ?? true });
  }

  const [command, ...operands] = positional;
  if (command === undefined) return usageError('missing command: decode or encode');
  if (command === 'help') return { kind: 'help' };
  let spec = COMMANDS[command];
  let path = command;
  let rest = operands;
  if (spec === undefined) return usageError(`unknown command ${command}: expected decode or encode`);
  while ('subcommands' in spec) {
    const names = Object.keys(spec.subcommands).join(', ');
    const [sub, ...subOperands] = rest;
    if (sub === undefined) return usageError(`missing ${path} command: ${names}`);
    const next: CommandSpec<CliRequest> | undefined = spec.subcommands[sub];
    if (next === undefined) return usageError(`unknown ${path} command ${sub}: expected ${names}`);
    spec = next;
    path = `${path} ${sub}`;
    rest = subOperands;
  }

  const values: Record<string, string | boolean | string[]> = {};
  for (const { name, raw, value } of given) {
    const option = spec.options[name];
    if (option === undefined) return usageError(`option ${raw} does not apply to ${path}`);
    if (option.multiple === true) values[name] = [...((values[name] as string[] | undefined) ?? []), String(value)];
    else values[name] = value;
  }
  return spec.request(rest, values as OptionValues);
}

function usageError(message: string): UsageError {
  return { kind: 'usage-error', message };
}
