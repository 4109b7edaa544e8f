import type { CommandSpec, UsageError } from '../commands.js';
import { ETW_SPANS_COMMAND, type EtwSpansRequest } from '../etw-spans/request.js';

/** `etw events`: print the events of ETL or event XML files. */
export interface EtwEventsRequest {
  readonly kind: 'etw-events';
  /** Files to read in order; `-` is standard input. */
  readonly files: readonly string[];
  /** JSON Lines of records instead of one readable line per event. */
  readonly json: boolean;
  /** Provider names or GUIDs to keep; empty keeps every event. */
  readonly providers: readonly string[];
}

/** Every request of the `etw` commands. */
export type EtwRequest = EtwEventsRequest | EtwSpansRequest;

/** The `etw` subcommands. A new one (`spans`) is a new entry here and a case in `runEtw`. */
export const ETW_COMMANDS: Readonly<Record<string, CommandSpec<EtwRequest | UsageError>>> = {
  events: {
    options: { json: { type: 'boolean' }, provider: { type: 'string', multiple: true } },
    request: (files, values) => {
      if (files.length === 0) return { kind: 'usage-error', message: 'etw events needs a file (- for standard input)' };
      const providers = (values.provider as readonly string[] | undefined) ?? [];
      return { kind: 'etw-events', files, json: values.json === true, providers };
    },
  },
  spans: ETW_SPANS_COMMAND,
};
