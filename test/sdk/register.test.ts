// The built `register` entry in real processes: an ES module service started with --require or --import,
// exporting over OTLP to a loopback receiver. The full end-to-end suite is test/e2e; this covers what
// in-process tests cannot: the ES module hook, the warnings on stderr, and the flush on SIGTERM.
import { join } from 'node:path';
import { startChild } from '../support/child.js';
import { REGISTER, useRegisterReceiver } from '../support/service.js';

const SERVICE = join(__dirname, 'fixtures', 'esm-service.js');
const GUID = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
const HEADER = '1EQPEKzH3EWY95dMBk1h3Q==';

describe('node --require / --import register', () => {
  const receiver = useRegisterReceiver();

  it.each([
    ['--require', 'http/protobuf'],
    ['--import', 'http/json'],
  ])('%s instruments an ES module service, warns about bad settings and flushes on SIGTERM (%s)', async (flag, protocol) => {
    const service = `esm-${flag.slice(2)}`;
    const child = await startChild(service, process.execPath, [flag, REGISTER, SERVICE], {
      env: {
        OTEL_SERVICE_NAME: service,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.current.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_PROPAGATORS: 'tracecontext,baggage,e2eactivity,xray',
        OTEL_E2EACTIVITY_GENERATE: 'sometimes',
        OTEL_METRICS_EXPORTER: 'none',
        OTEL_LOGS_EXPORTER: 'none',
        // Only the flush on SIGTERM can deliver the spans before the test looks.
        OTEL_BSP_SCHEDULE_DELAY: '60000',
      },
    });
    const { port } = child.ready as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/front`, {
      headers: { E2EActivity: HEADER },
      signal: AbortSignal.timeout(5000),
    });
    const back = (await response.json()) as { e2eactivity?: string; traceparent?: string };
    expect(back.e2eactivity).toBe(HEADER);

    const exit = await child.stop('SIGTERM');
    expect(exit.signal).toBe('SIGTERM');
    const stderr = child.output();
    expect(stderr).toContain('opentelemetry-propagator-e2eactivity: warning: OTEL_PROPAGATORS: unknown propagator "xray" ignored');
    expect(stderr).toContain('OTEL_E2EACTIVITY_GENERATE: invalid value "sometimes" ignored');

    const spans = receiver.current.spans.filter((s) => s.serviceName === service);
    expect(spans.map((s) => s.kind).sort()).toEqual(['client', 'server', 'server']);
    const traceId = back.traceparent?.split('-')[1];
    for (const span of spans) {
      expect(span.traceId).toBe(traceId);
      expect(span.attributes['e2eactivity.id']).toBe(GUID);
      expect(span.encoding).toBe(protocol === 'http/json' ? 'json' : 'protobuf');
    }
  });
});
