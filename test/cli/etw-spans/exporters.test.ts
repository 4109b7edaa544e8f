import { createTraceExporter } from '../../../src/cli/etw-spans/otlp-export.js';
import { loadOptional } from '../../../src/cli/etw-spans/load-optional.js';

describe('createTraceExporter', () => {
  it.each([
    ['http/protobuf', '@opentelemetry/exporter-trace-otlp-proto'],
    ['http/json', '@opentelemetry/exporter-trace-otlp-http'],
    ['grpc', '@opentelemetry/exporter-trace-otlp-grpc'],
  ] as const)('makes the official %s exporter (%s)', async (protocol, packageName) => {
    const { OTLPTraceExporter } = jest.requireActual(packageName) as { OTLPTraceExporter: new () => object };
    const withEndpoint = createTraceExporter({ endpoint: 'http://127.0.0.1:4318/', protocol, shown: 'x' });
    const fromEnv = createTraceExporter({ protocol, shown: 'x' });
    expect(withEndpoint).toBeInstanceOf(OTLPTraceExporter);
    expect(fromEnv).toBeInstanceOf(OTLPTraceExporter);
    await Promise.all([withEndpoint.shutdown(), fromEnv.shutdown()]);
  });
});

describe('loadOptional', () => {
  it('names the package to install when it is missing', () => {
    expect(() => loadOptional('@opentelemetry/no-such-exporter', '--protocol zmq')).toThrow(
      '--protocol zmq needs @opentelemetry/no-such-exporter: npm install @opentelemetry/no-such-exporter'
    );
  });
});
