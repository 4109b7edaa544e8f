import { parseArgs } from 'node:util';

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

/** Usage of `etw spans`, for `--help` and usage errors. */
export const ETW_SPANS_USAGE = `Usage: e2eactivity etw spans <file...> [--out FILE|-] [--endpoint URL]
                            [--protocol http/protobuf|http/json|grpc] [--service-name NAME] [--horizon-ms MS]

Imports Http.sys and WCF events (.etl or event XML; several files are merged by time) as OpenTelemetry
spans, joined to their E2EActivity trace. --out writes OTLP JSON Lines (one ExportTraceServiceRequest per
line, as the Collector's otlpjsonfile receiver reads); --endpoint, or OTEL_EXPORTER_OTLP_ENDPOINT, exports
over OTLP. Without either, OTLP JSON goes to standard output. A summary goes to standard error.

Exit status: 0 done; 1 usage error; 2 the input had damaged parts (the intact spans were still written)
or could not be read; 3 spans were lost in the export.
`;

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

/** Parses the arguments after `etw spans`; `help` for `--help`, a string for a usage error. */
export function parseEtwSpansArgs(argv: readonly string[]): EtwSpansRequest | 'help' | string {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...ETW_SPANS_OPTIONS, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return (error as Error).message;
  }
  if (parsed.values.help === true) return 'help';
  return etwSpansRequest(parsed.positionals, parsed.values);
}
