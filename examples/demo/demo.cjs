// `npm run demo`: a WCF-style client calls a Node.js service (`orders`) with E2EActivity headers; the
// service calls `inventory` over loopback; the demo prints, per request, the GUID, the spans with their
// e2eactivity.id and the headers that went downstream. It ends by itself.
//
//   OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318  also exports the spans over OTLP (Jaeger: examples/jaeger)
//   OTEL_E2EACTIVITY_ADOPT_TRACE_ID=true               trace id = the GUID's hex digits
'use strict';
const { startTracing } = require('./tracing.cjs');

// Before anything requires node:http: the instrumentation patches it as it is loaded.
const tracing = startTracing(process.env);
const { describeRequest } = require('./report.cjs');
const { startServices } = require('./services.cjs');
const { REQUESTS, callAsWcf } = require('./wcf-client.cjs');

const DEMO_TIMEOUT_MS = 60000;

async function main() {
  const { ordersUrl, stop } = await startServices();
  console.log(`orders and inventory listen on 127.0.0.1; a WCF client calls ${ordersUrl}/orders ${REQUESTS.length} times.`);
  console.log(tracing.endpoint === undefined ? 'Spans: kept in memory for this summary.\n' : `Spans: kept for this summary and exported over OTLP HTTP to ${tracing.endpoint}.\n`);

  const answers = [];
  for (const request of REQUESTS) answers.push(await callAsWcf(ordersUrl, request.header));
  await stop();

  const spans = await tracing.spans();
  REQUESTS.forEach((request, i) => console.log(`${describeRequest(i + 1, request, answers[i], spans).join('\n')}\n`));

  if (tracing.endpoint === undefined) {
    console.log('No OTEL_EXPORTER_OTLP_ENDPOINT, so nothing was exported. To see these traces in Jaeger: examples/jaeger/README.md');
  } else {
    console.log(`Exporting ${spans.length} spans over OTLP to ${tracing.endpoint} ...`);
  }
  try {
    await tracing.shutdown();
  } catch (error) {
    console.error(`Could not export to ${tracing.endpoint}: ${error.message}. Is the collector running? (examples/jaeger)`);
    process.exitCode = 1;
    return;
  }
  if (tracing.endpoint !== undefined) {
    console.log(`Done. In Jaeger (http://localhost:16686), service "${process.env.OTEL_SERVICE_NAME || 'e2eactivity-demo'}", search Tags: e2eactivity.id=${REQUESTS[0].guid}`);
  }
}

const deadline = setTimeout(() => {
  console.error(`demo: not done after ${DEMO_TIMEOUT_MS / 1000} s, giving up`);
  process.exit(1);
}, DEMO_TIMEOUT_MS);
deadline.unref();

main().then(
  () => clearTimeout(deadline),
  (error) => {
    console.error('demo failed:', error);
    process.exitCode = 1;
  }
);
