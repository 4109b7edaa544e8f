// The OpenTelemetry setup of the demo, as a service would have it: NodeSDK with the HTTP instrumentation
// and what e2eActivitySdkOptions gives (W3C trace context, W3C baggage and E2EActivity propagators, the
// E2EActivity span processor). Loaded before node:http, so the instrumentation can patch it.
'use strict';
const { diag, DiagConsoleLogger, DiagLogLevel } = require('@opentelemetry/api');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
const { e2eActivitySdkOptions, propagatorOptionsFromEnv } = require('opentelemetry-propagator-e2eactivity/sdk');

/**
 * Starts NodeSDK. The in-memory exporter always collects the spans, for the summary; with
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, the spans also go over OTLP
 * (http/protobuf) to that endpoint.
 */
function startTracing(env) {
  const memory = new InMemorySpanExporter();
  const memoryProcessor = new SimpleSpanProcessor({ exporter: memory });
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporting = endpoint ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })] : [];
  // Without this an unreachable collector fails silently; NodeSDK sets its own logger for OTEL_LOG_LEVEL.
  if (endpoint && !env.OTEL_LOG_LEVEL) diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.ERROR);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || 'e2eactivity-demo',
    // The WCF stock service is a stand-in in this process: its server side comes from the Windows capture.
    instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url.startsWith('/Stock/') })],
    // Traces only: Jaeger takes no OTLP metrics or logs.
    metricReaders: [],
    logRecordProcessors: [],
    ...e2eActivitySdkOptions({
      propagator: propagatorOptionsFromEnv(env),
      spanProcessors: [memoryProcessor, ...exporting],
    }),
  });
  sdk.start();
  return {
    endpoint: exporting.length > 0 ? endpoint : undefined,
    /** Every span ended so far. */
    async spans() {
      await memoryProcessor.forceFlush();
      return memory.getFinishedSpans();
    },
    /** Hands spans made elsewhere (the Windows capture's) to the exporting processors. */
    exportSpans(spans) {
      for (const span of spans) for (const processor of exporting) processor.onEnd(span);
    },
    /** Flushes the OTLP export, if any. */
    shutdown: () => sdk.shutdown(),
  };
}

module.exports = { startTracing };
