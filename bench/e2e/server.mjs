// One service for bench/e2e-overhead.mjs: node:http under NodeSDK with the HTTP instrumentation and a
// batch processor feeding a no-op exporter, so every request extracts, starts and ends a server span.
// argv[2] = 'with' puts E2EActivityPropagator after the W3C propagators in the composite.
// Over IPC: sends { port } once listening; answers 'cpu' with process.cpuUsage() of this process.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { NodeSDK, tracing } = require('@opentelemetry/sdk-node');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator, ExportResultCode } = require('@opentelemetry/core');
const { context, propagation } = require('@opentelemetry/api');
const { E2EActivityPropagator } = require('../../.bench/cjs/index.js');

const withE2E = process.argv[2] === 'with';
const propagators = [new W3CTraceContextPropagator(), new W3CBaggagePropagator()];
if (withE2E) propagators.push(new E2EActivityPropagator());

const noopExporter = {
  export: (spans, done) => done({ code: ExportResultCode.SUCCESS }),
  shutdown: () => Promise.resolve(),
};
const sdk = new NodeSDK({
  textMapPropagator: new CompositePropagator({ propagators }),
  spanProcessors: [new tracing.BatchSpanProcessor(noopExporter)],
  instrumentations: [new HttpInstrumentation()],
  autoDetectResources: false,
});
sdk.start();

// Required only now, so the instrumentation has patched it.
const http = require('node:http');
const server = http.createServer((req, res) => {
  // What a service does before calling the next one: write the context into outgoing headers.
  // The response stays one byte either way, so the variants differ in propagation work only.
  const outgoing = {};
  propagation.inject(context.active(), outgoing);
  res.setHeader('content-type', 'text/plain');
  res.end(String(Object.keys(outgoing).length));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
  if (message === 'stop') server.close(() => sdk.shutdown().finally(() => process.exit(0)));
});
