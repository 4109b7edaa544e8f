import type { ParseArgsConfig } from 'node:util';

/** Option definitions in `node:util` `parseArgs` form. */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The option values a command was given, by option name (repeated options as arrays). */
export type OptionValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** A command line that cannot run, with the one line that says why. */
export interface UsageError {
  readonly kind: 'usage-error';
  readonly message: string;
}

/**
 * One command of the CLI: the options it takes (besides `--help`) and how its operands and option values
 * become a request. A group (`etw`) has subcommands instead; adding a command is adding an entry to a table.
 */
export type CommandSpec<Request> =
  | {
      readonly options: OptionsConfig;
      readonly request: (operands: readonly string[], values: OptionValues) => Request;
    }
  | { readonly subcommands: Readonly<Record<string, CommandSpec<Request>>> };

/** Every option any command takes, so that one tokenizing pass knows which options take a value. */
export function allOptions<Request>(commands: Readonly<Record<string, CommandSpec<Request>>>): OptionsConfig {
  let options: OptionsConfig = {};
  for (const spec of Object.values(commands)) {
    options = { ...options, ...('subcommands' in spec ? allOptions(spec.subcommands) : spec.options) };
  }
  return options;
}
