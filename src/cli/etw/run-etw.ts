import type { CliIo } from '../run.js';
import type { EtwRequest } from './commands.js';
import { runEtwSpans } from '../etw-spans/run-etw-spans.js';
import { runEtwEvents } from './events.js';

/** Runs an `etw` subcommand and returns the exit status. */
export function runEtw(request: EtwRequest, io: CliIo): Promise<number> {
  switch (request.kind) {
    case 'etw-events':
      return runEtwEvents(request, io);
    case 'etw-spans':
      return runEtwSpans(request, io);
  }
}
