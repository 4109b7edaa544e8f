import type { CommandSpec, UsageError } from '../commands.js';

/** `etw spans`: import ETL or event XML files as OpenTelemetry spans. */
export interface EtwSpansRequest {
  readonly kind: 'etw-spans';
  /** Files to import, merged by time; `-` is standard input. */
  readonly files: readonly string[];
  /** `--out`: OTLP JSON Lines to this file, `-` for standard output. */
  readonly out?: string;
  readonly endpoint?: string;
  readonly protocol?: string;
  readonly serviceName?: string;
  readonly horizonMs?: number;
}

/** The options of `etw spans` in `node:util` `parseArgs` form. */
export const ETW_SPANS_OPTIONS = {
  out: { type: 'string' },
  endpoint: { type: 'string' },
  protocol: { type: 'string' },
  'service-name': { type: 'string' },
  'horizon-ms': { type: 'string' },
} as const;

/** The request of an `etw spans` command line (after `etw spans`), or the usage error as a sentence. */
export function etwSpansRequest(files: readonly string[], values: Readonly<Record<string, unknown>>): EtwSpansRequest | string {
  if (files.length === 0) return 'etw spans needs a file (- for standard input)';
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const horizon = text('horizon-ms');
  const horizonMs = horizon === undefined ? undefined : Number(horizon);
  if (horizonMs !== undefined && !(horizonMs > 0 && Number.isFinite(horizonMs))) return `--horizon-ms must be a positive number; got "${horizon}"`;
  return {
    kind: 'etw-spans',
    files,
    out: text('out'),
    endpoint: text('endpoint'),
    protocol: text('protocol'),
    serviceName: text('service-name'),
    horizonMs,
  };
}

/** `etw spans` in the CLI's command table. */
export const ETW_SPANS_COMMAND: CommandSpec<EtwSpansRequest | UsageError> = {
  options: ETW_SPANS_OPTIONS,
  request: (files, values) => {
    const request = etwSpansRequest(files, values);
    return typeof request === 'string' ? { kind: 'usage-error', message: request } : request;
  },
};
