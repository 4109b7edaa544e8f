// Issue 8, item 1: the `/sdk` entry point, which the README quick start imports, must load only what
// e2eActivitySdkOptions uses. Each build runs in a child process in which the optional peers cannot be
// resolved (as on a strict install with only the quick start's packages), and must still work.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from '../support/child.js';

const BUILD = join(__dirname, '..', '..', 'build');
const PRELOAD = join(__dirname, 'fixtures', 'cjs', 'block-peers.js');

// Every optional peer but the two that NodeSDK itself depends on and the options use or hand over:
// @opentelemetry/sdk-trace (BatchSpanProcessor) and @opentelemetry/api.
const BLOCKED = [
  '@opentelemetry/sdk-node',
  '@opentelemetry/instrumentation-http',
  '@opentelemetry/instrumentation-undici',
  '@opentelemetry/auto-instrumentations-node',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/exporter-trace-otlp-proto',
  '@opentelemetry/exporter-trace-otlp-grpc',
  '@opentelemetry/exporter-zipkin',
  '@opentelemetry/propagator-b3',
  '@opentelemetry/propagator-jaeger',
];

// Uses the options as the quick start does, with an exporter of its own, and lists what got loaded.
const USE = `
  const { textMapPropagator, spanProcessors } = sdk.e2eActivitySdkOptions({
    traceExporter: { export: (spans, done) => done({ code: 0 }), shutdown: async () => {} },
  });
  const loaded = Object.keys(require('node:module')._cache ?? {}).filter((f) => /node_modules\\/@opentelemetry\\//.test(f))
    .map((f) => f.split('node_modules/')[1].split('/').slice(0, 2).join('/'));
  console.log(JSON.stringify({ fields: textMapPropagator.fields(), processors: spanProcessors.map((p) => p.constructor.name),
    packages: [...new Set(loaded)].sort() }));
`;

const run = (args: string[]) =>
  runToEnd(process.execPath, ['--require', PRELOAD, ...args], { env: { E2E_BLOCKED_PEERS: JSON.stringify(BLOCKED) }, timeoutMs: 20000 });

describe('the /sdk entry point with the optional peers unresolvable', () => {
  beforeAll(() => {
    if (!existsSync(join(BUILD, 'esm', 'sdk', 'index.js'))) throw new Error(`${BUILD} is incomplete: run npm run build first`);
  });

  it('blocks what it says it blocks (the check can fail)', async () => {
    const result = await run(['-e', "require('@opentelemetry/instrumentation-undici')"]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("Cannot find module '@opentelemetry/instrumentation-undici' (blocked)");
    const esm = await run(['--input-type=module', '-e', "await import('@opentelemetry/propagator-b3')"]);
    expect(esm.output).toContain("Cannot find package '@opentelemetry/propagator-b3' (blocked)");
  });

  it('CommonJS: require() works, and only api, core and sdk-trace (with its own dependencies) get loaded', async () => {
    const result = await run(['-e', `const sdk = require(${JSON.stringify(join(BUILD, 'cjs', 'sdk', 'index.js'))});${USE}`]);
    expect(result.output).not.toContain('Error');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { fields: string[]; processors: string[]; packages: string[] };
    expect(out.fields).toEqual(['traceparent', 'tracestate', 'baggage', 'e2eactivity']);
    expect(out.processors).toEqual(['E2EActivitySpanProcessor', 'BatchSpanProcessor']);
    // sdk-trace brings resources and semantic-conventions, its own dependencies.
    expect(out.packages).toEqual([
      '@opentelemetry/api',
      '@opentelemetry/core',
      '@opentelemetry/resources',
      '@opentelemetry/sdk-trace',
      '@opentelemetry/semantic-conventions',
    ]);
  });

  it('ES modules: import works', async () => {
    const url = `file://${join(BUILD, 'esm', 'sdk', 'index.js')}`;
    const script = `const sdk = await import(${JSON.stringify(url)}); const require = (await import('node:module')).createRequire(import.meta.url);${USE}`;
    const result = await run(['--input-type=module', '-e', script]);
    expect(result.output).not.toContain('Error');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { fields: string[]; processors: string[] };
    expect(out.fields).toEqual(['traceparent', 'tracestate', 'baggage', 'e2eactivity']);
    expect(out.processors).toEqual(['E2EActivitySpanProcessor', 'BatchSpanProcessor']);
  });
});
