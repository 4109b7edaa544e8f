/// <reference types="node" />
import type { CliIo } from '../run.js';
import type { EtwRequest } from './commands.js';
import { runEtwEvents } from './events.js';

type SpansCommand = typeof import('../etw-spans/run-etw-spans.js');

/** Exit status of `etw spans` when a package it needs is not installed, as for a usage error. */
const EXIT_MISSING_PEER = 1;

/** Runs an `etw` subcommand and returns the exit status. */
export async function runEtw(request: EtwRequest, io: CliIo): Promise<number> {
  switch (request.kind) {
    case 'etw-events':
      return runEtwEvents(request, io);
    case 'etw-spans': {
      // Loaded only for this command: the span import needs optional peers (@opentelemetry/resources)
      // that `decode`, `encode` and `etw events` must run without.
      let spans: SpansCommand;
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above; the CLI is CommonJS
        spans = require('../etw-spans/run-etw-spans.js') as SpansCommand;
      } catch (error) {
        const missing = /Cannot find module '(@opentelemetry\/[^']+)'/.exec((error as Error).message)?.[1];
        if (missing === undefined) throw error;
        await io.err(`e2eactivity etw spans: needs ${missing}, which is not installed: npm install ${missing}\n`);
        return EXIT_MISSING_PEER;
      }
      return spans.runEtwSpans(request, io);
    }
  }
}
