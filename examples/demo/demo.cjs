// `npm run demo`: a WCF-style client calls a Node.js service (`orders`) with E2EActivity headers; the
// service calls `inventory` over loopback; the demo prints, per request, the GUID, the spans with their
// e2eactivity.id and the headers that went downstream. It ends by itself.
//
// Then it joins the Windows side: a SYNTHETIC ETW capture (a WCF client calling `orders`; Http.sys and a
// WCF service answering `inventory`'s call) imported into the same traces, printed as one tree per GUID.
//
//   OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318  also exports the spans over OTLP (Jaeger: examples/jaeger)
//   OTEL_E2EACTIVITY_ADOPT_TRACE_ID=false              a random trace id per request (the demo's default is
//                                                      true: trace id = the GUID's hex digits, for the join)
'use strict';
const { rmSync } = require('node:fs');
const { dirname } = require('node:path');
process.env.OTEL_E2EACTIVITY_ADOPT_TRACE_ID ??= 'true';
const { startTracing } = require('./tracing.cjs');

// Before anything requires node:http: the instrumentation patches it as it is loaded.
const tracing = startTracing(process.env);
const { describeRequest } = require('./report.cjs');
const { startServices } = require('./services.cjs');
const { REQUESTS, callAsWcf } = require('./wcf-client.cjs');
const { writeWindowsCapture } = require('./windows-capture.cjs');
const { activityTree, importWindowsSpans } = require('./windows-join.cjs');

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
  const windowsSpans = await showWindowsJoin(spans, ordersUrl);
  tracing.exportSpans(windowsSpans);

  if (tracing.endpoint === undefined) {
    console.log('No OTEL_EXPORTER_OTLP_ENDPOINT, so nothing was exported. To see these traces in Jaeger: examples/jaeger/README.md');
  } else {
    console.log(`Exporting ${spans.length + windowsSpans.length} spans over OTLP to ${tracing.endpoint} ...`);
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

/** Imports the synthetic Windows capture for the demo's GUIDs and prints each activity as one tree. */
async function showWindowsJoin(spans, ordersUrl) {
  const files = writeWindowsCapture(REQUESTS, spans, ordersUrl);
  if (files.length === 0) {
    console.log('Windows side: skipped (it needs OTEL_E2EACTIVITY_ADOPT_TRACE_ID=true, the demo\'s default).\n');
    return [];
  }
  console.log('Windows side (a SYNTHETIC ETW capture, not from a real Windows machine, written by the test-side');
  console.log(`ETL writer): a WCF client on CLIENT01 calling orders; Http.sys and a WCF service on WEB01 answering`);
  console.log(`inventory's call. Files (removed after the import): ${files.join(', ')}`);
  let imported;
  try {
    imported = await importWindowsSpans(files, spans);
  } finally {
    rmSync(dirname(files[0]), { recursive: true, force: true });
  }
  const { spans: windowsSpans, summary } = imported;
  console.log(`Imported with importEtwSpans: ${summary.events} events, ${summary.requests} Http.sys requests (${summary.matchedRequests} matched), ${summary.activities} WCF activities, ${summary.spans} spans.\n`);
  for (const request of REQUESTS.filter((r) => r.guid !== undefined)) {
    console.log(`${activityTree(request.guid, spans, windowsSpans).lines.join('\n')}\n`);
  }
  return windowsSpans;
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
