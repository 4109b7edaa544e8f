// Issue 8, item 4: register reads the standard variables as NodeSDK does. For each variable and value,
// plain NodeSDK and register's startE2EActivitySdk run side by side (one child process, the build, the
// installed SDK line) and must register the same: a tracer provider or none, the same exporters (by
// class, so OTLP over grpc, http/json and http/protobuf differ) behind the same processors, and the same
// propagators. Register's own additions, the E2EActivity and drain-flush processors and the e2eactivity
// field, are the only difference allowed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from '../support/child.js';

const BUILD = join(__dirname, '..', '..', 'build', 'cjs');
const PROBE = join(__dirname, 'fixtures', 'cjs', 'parity-probe.js');

type Row = Record<string, string>;
interface Registered {
  provider: boolean;
  processors: string[];
  exporters: string[];
  fields: string[];
}

const ROWS: readonly Row[] = [
  {},
  { OTEL_TRACES_EXPORTER: 'otlp' },
  { OTEL_TRACES_EXPORTER: 'none' },
  { OTEL_TRACES_EXPORTER: 'none,console' },
  { OTEL_TRACES_EXPORTER: 'console,none' },
  { OTEL_TRACES_EXPORTER: 'zipkin' },
  { OTEL_TRACES_EXPORTER: 'console,zipkin,console' },
  { OTEL_TRACES_EXPORTER: 'null' },
  { OTEL_TRACES_EXPORTER: 'jaeger' },
  { OTEL_TRACES_EXPORTER: 'Console' },
  { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
  { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
  { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' },
  { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/xml' },
  { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' },
  { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' },
  { OTEL_TRACES_EXPORTER: 'zipkin,otlp', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' },
  { OTEL_PROPAGATORS: 'tracecontext,baggage' },
  { OTEL_PROPAGATORS: 'b3,e2eactivity' },
  { OTEL_PROPAGATORS: 'b3multi,tracecontext,e2eactivity' },
  { OTEL_PROPAGATORS: 'jaeger,e2eactivity' },
  { OTEL_PROPAGATORS: 'jaeger,b3,baggage,b3' },
  { OTEL_PROPAGATORS: 'none' },
  { OTEL_PROPAGATORS: 'xray' },
  { OTEL_PROPAGATORS: 'e2eactivity' },
];

const OURS = new Set(['E2EActivitySpanProcessor', 'DrainFlushSpanProcessor']);
const withoutOurs = (registered: Registered): Registered => ({
  ...registered,
  processors: registered.processors.filter((name) => !OURS.has(name)),
  fields: registered.fields.filter((field) => field !== 'e2eactivity'),
});

let results: { row: Row; nodeSdk: Registered; register: Registered }[];

beforeAll(async () => {
  if (!existsSync(join(BUILD, 'sdk', 'start.js'))) throw new Error(`${BUILD} is incomplete: run npm run build first`);
  const run = await runToEnd(process.execPath, [PROBE], {
    env: { E2E_BUILD: BUILD, E2E_ROWS: JSON.stringify(ROWS), OTEL_METRICS_EXPORTER: 'none', OTEL_LOGS_EXPORTER: 'none' },
    timeoutMs: 60000,
  });
  if (run.code !== 0) throw new Error(`parity probe failed\n${run.output}`);
  results = JSON.parse(run.stdout) as typeof results;
}, 70000);

describe('register and NodeSDK read the environment alike', () => {
  it.each(ROWS.map((row, index) => [JSON.stringify(row), index] as const))('%s', (_name, index) => {
    const { nodeSdk, register } = results[index];
    expect(withoutOurs(register)).toEqual(nodeSdk);
    // Wherever NodeSDK records spans, register adds its processor; where it records none, neither does register.
    expect(register.processors.includes('E2EActivitySpanProcessor')).toBe(nodeSdk.provider);
  });

  it('sees what each registered (the inspection finds processors, exporters and fields)', () => {
    const at = (row: Row): { nodeSdk: Registered; register: Registered } | undefined =>
      results.find((r) => JSON.stringify(r.row) === JSON.stringify(row));
    expect(at({})?.register).toEqual({
      provider: true,
      processors: ['E2EActivitySpanProcessor', 'BatchSpanProcessor', 'DrainFlushSpanProcessor'],
      exporters: ['otlp-http/protobuf'],
      fields: ['traceparent', 'tracestate', 'baggage', 'e2eactivity'],
    });
    expect(at({ OTEL_TRACES_EXPORTER: 'zipkin,otlp', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' })?.nodeSdk.exporters).toEqual(['zipkin', 'otlp-grpc']);
    expect(at({ OTEL_TRACES_EXPORTER: 'none' })?.nodeSdk).toEqual({ provider: false, processors: [], exporters: [], fields: ['traceparent', 'tracestate', 'baggage'] });
  });

  it('adds e2eactivity to the propagators when OTEL_PROPAGATORS names it or is unset, and only then', () => {
    const withE2E = results.filter((r) => r.register.fields.includes('e2eactivity')).map((r) => r.row.OTEL_PROPAGATORS);
    expect(withE2E.filter((value) => value !== undefined)).toEqual([
      'b3,e2eactivity',
      'b3multi,tracecontext,e2eactivity',
      'jaeger,e2eactivity',
      'e2eactivity',
    ]);
  });
});
