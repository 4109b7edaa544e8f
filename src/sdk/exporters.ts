import { ConsoleSpanExporter, SimpleSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import { batchProcessor } from './batch.js';
import { loadPeer, PeerLoader } from './peers.js';
import { ConfigWarning, EnvSource, listFromEnv, warnDiagAndStderr } from './warn.js';

/** The `OTEL_TRACES_EXPORTER` values {@link spanProcessorsFromEnv} understands: those of `NodeSDK`. */
export const TRACE_EXPORTER_NAMES = ['otlp', 'zipkin', 'console', 'none'] as const;

/** The OTLP protocols and the package of each exporter; `http/protobuf` is the default, as in `NodeSDK`. */
export const OTLP_EXPORTER_PACKAGES = {
  grpc: '@opentelemetry/exporter-trace-otlp-grpc',
  'http/json': '@opentelemetry/exporter-trace-otlp-http',
  'http/protobuf': '@opentelemetry/exporter-trace-otlp-proto',
} as const;

type OtlpProtocol = keyof typeof OTLP_EXPORTER_PACKAGES;
type ExporterClass = new () => SpanExporter;
const ZIPKIN = '@opentelemetry/exporter-zipkin';

/**
 * The span processors that `NodeSDK` builds from `OTEL_TRACES_EXPORTER` when it is not given
 * `spanProcessors`, as it must be to take the E2EActivity span processor. Same rules as `NodeSDK` (0.223
 * and 0.301): the default is `otlp`; `none` first gives no processor at all, so that nothing is recorded;
 * `none` with other names means `otlp`; `null` is ignored; `console` gets a `SimpleSpanProcessor`, the
 * others a `BatchSpanProcessor` with `OTEL_BSP_*`. Each exporter package is loaded only when named; one
 * that is not installed is reported (with the package to install) and skipped.
 */
export function spanProcessorsFromEnv(
  env: EnvSource,
  warn: ConfigWarning = warnDiagAndStderr,
  load: PeerLoader = loadPeer
): SpanProcessor[] {
  let names = [...new Set(listFromEnv(env.OTEL_TRACES_EXPORTER))].filter((name) => name !== 'null');
  if (names[0] === 'none') return [];
  if (names.length === 0) names = ['otlp'];
  else if (names.includes('none')) {
    warn(`OTEL_TRACES_EXPORTER: "none" together with other exporters (${names.join(', ')}) means otlp, as in NodeSDK.`);
    names = ['otlp'];
  }
  const processors: SpanProcessor[] = [];
  for (const name of names) {
    if (name === 'console') processors.push(new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() }));
    else {
      const exporter = name === 'otlp' ? otlpExporter(env, warn, load) : name === 'zipkin' ? zipkinExporter(warn, load) : undefined;
      if (name !== 'otlp' && name !== 'zipkin') {
        warn(`OTEL_TRACES_EXPORTER: unknown exporter "${name}" ignored; accepted: ${TRACE_EXPORTER_NAMES.join(', ')}.`);
      }
      if (exporter !== undefined) processors.push(batchProcessor(exporter, env, warn));
    }
  }
  return processors;
}

/**
 * The OTLP exporter for `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`:
 * `grpc`, `http/json` or `http/protobuf` (default; also for an unknown value, with a warning). The exporter
 * reads its endpoint, headers, timeout and compression from `process.env` itself, as under `NodeSDK`.
 */
export function otlpExporter(env: EnvSource, warn: ConfigWarning = warnDiagAndStderr, load: PeerLoader = loadPeer): SpanExporter | undefined {
  const variable = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const given = env[variable]?.trim() || 'http/protobuf';
  const protocol: OtlpProtocol = isOtlpProtocol(given) ? given : 'http/protobuf';
  if (protocol !== given) {
    const accepted = Object.keys(OTLP_EXPORTER_PACKAGES).join(', ');
    warn(`${variable}: unsupported protocol "${given}"; accepted: ${accepted}. Using http/protobuf, as NodeSDK does.`);
  }
  const name = OTLP_EXPORTER_PACKAGES[protocol];
  const exporter = load<{ OTLPTraceExporter: ExporterClass }>(name);
  if (exporter === undefined) return notInstalled(name, `OTLP over ${protocol}`, warn);
  return new exporter.OTLPTraceExporter();
}

function zipkinExporter(warn: ConfigWarning, load: PeerLoader): SpanExporter | undefined {
  const zipkin = load<{ ZipkinExporter: ExporterClass }>(ZIPKIN);
  return zipkin === undefined ? notInstalled(ZIPKIN, 'OTEL_TRACES_EXPORTER=zipkin', warn) : new zipkin.ZipkinExporter();
}

function notInstalled(name: string, what: string, warn: ConfigWarning): undefined {
  warn(`${what} needs ${name}, which is not installed: npm install ${name}. No spans go to that exporter.`);
  return undefined;
}

function isOtlpProtocol(value: string): value is OtlpProtocol {
  return Object.hasOwn(OTLP_EXPORTER_PACKAGES, value);
}
