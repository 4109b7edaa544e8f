import { context, propagation, trace } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { EventEmitter } from 'node:events';
import { DrainFlushSpanProcessor } from '../../src/sdk/drain-flush.js';
import { AUTO_INSTRUMENTATIONS, instrumentationsFromEnv } from '../../src/sdk/instrumentations.js';
import { loadPeer } from '../../src/sdk/peers.js';
import { nodeSdkConfigurationFromEnv, startE2EActivitySdk } from '../../src/sdk/start.js';
import { SimpleSpanProcessor, TracerProvider } from '../support/tracing.js';

class FakeProcess extends EventEmitter {
  readonly pid = 1;
  kill(): boolean {
    return true;
  }
}

function disable(instrumentations: unknown): void {
  for (const instrumentation of instrumentations as { disable(): void }[]) instrumentation.disable();
}

function collect(): { warn: (message: string) => void; messages: string[] } {
  const messages: string[] = [];
  return { warn: (message) => messages.push(message), messages };
}

// Loads real packages, but not the auto-instrumentations one: each test says which set it wants.
const withoutAuto = <T>(name: string): T | undefined => (name === AUTO_INSTRUMENTATIONS ? undefined : loadPeer<T>(name));

async function stop(sdk: NodeSDK | undefined): Promise<void> {
  disable((sdk as unknown as { _instrumentations: unknown })._instrumentations);
  await sdk?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

describe('nodeSdkConfigurationFromEnv', () => {
  it('instruments http and fetch, composes OTEL_PROPAGATORS with E2EActivity last, and reads the options', () => {
    const { warn, messages } = collect();
    const { configuration } = nodeSdkConfigurationFromEnv(
      { OTEL_PROPAGATORS: 'e2eactivity,tracecontext,b3,x-ray', OTEL_TRACES_EXPORTER: 'console', OTEL_E2EACTIVITY_GENERATE: 'sometimes' },
      warn,
      withoutAuto,
      () => false
    );
    disable(configuration.instrumentations);
    expect(configuration.instrumentations?.map((i) => i.constructor)).toEqual([HttpInstrumentation, UndiciInstrumentation]);
    expect(configuration.textMapPropagator?.fields()).toEqual(['traceparent', 'tracestate', 'b3', 'e2eactivity']);
    expect(configuration.spanProcessors?.map((p) => p.constructor.name)).toEqual([
      'E2EActivitySpanProcessor',
      'SimpleSpanProcessor',
      'DrainFlushSpanProcessor',
    ]);
    expect(messages).toEqual([
      expect.stringContaining('OTEL_E2EACTIVITY_GENERATE: invalid value "sometimes"'),
      expect.stringContaining('unknown propagator "x-ray"'),
    ]);
  });

  it('gives no span processor at all for OTEL_TRACES_EXPORTER=none, so that NodeSDK records nothing', () => {
    const { configuration } = nodeSdkConfigurationFromEnv({ OTEL_TRACES_EXPORTER: 'none' }, collect().warn, withoutAuto, () => false);
    disable(configuration.instrumentations);
    expect(configuration.spanProcessors).toEqual([]);
  });
});

describe('instrumentationsFromEnv', () => {
  it('uses getNodeAutoInstrumentations() when @opentelemetry/auto-instrumentations-node is installed', () => {
    const mine = [new HttpInstrumentation({ enabled: false })];
    const loaded: string[] = [];
    const load = <T>(name: string): T | undefined => {
      loaded.push(name);
      return name === AUTO_INSTRUMENTATIONS ? ({ getNodeAutoInstrumentations: () => mine } as T) : undefined;
    };
    expect(instrumentationsFromEnv(collect().warn, load)).toBe(mine);
    expect(loaded).toEqual([AUTO_INSTRUMENTATIONS]);
  });

  it('says which of http and undici is missing', () => {
    const { warn, messages } = collect();
    expect(instrumentationsFromEnv(warn, () => undefined)).toEqual([]);
    expect(messages).toEqual([
      '@opentelemetry/instrumentation-http is not installed, so node:http is not instrumented: npm install @opentelemetry/instrumentation-http.',
      '@opentelemetry/instrumentation-undici is not installed, so fetch is not instrumented: npm install @opentelemetry/instrumentation-undici.',
    ]);
  });
});

describe('loadPeer', () => {
  it('gives undefined for a package that is not installed and rethrows any other failure', () => {
    expect(loadPeer('@opentelemetry/no-such-package')).toBeUndefined();
    jest.doMock('e2e-broken-peer', () => { throw new Error('broken on load'); }, { virtual: true });
    expect(() => loadPeer('e2e-broken-peer')).toThrow('broken on load');
    expect(loadPeer<{ NodeSDK: unknown }>('@opentelemetry/sdk-node')?.NodeSDK).toBe(NodeSDK);
  });
});

describe('DrainFlushSpanProcessor', () => {
  it('flushes the exporting processors when a span ends, only while draining', async () => {
    const flush = jest.fn(() => Promise.resolve());
    let draining = false;
    const processor = new DrainFlushSpanProcessor([{ forceFlush: flush } as never], () => draining);
    const provider = new TracerProvider({ spanProcessors: [processor] });
    provider.getTracer('t').startSpan('before').end();
    expect(flush).not.toHaveBeenCalled();
    draining = true;
    provider.getTracer('t').startSpan('during').end();
    expect(flush).toHaveBeenCalledTimes(1);
    await provider.shutdown();
  });
});

describe('startE2EActivitySdk', () => {
  it('starts NodeSDK with the propagator and flushes it on beforeExit', async () => {
    const proc = new FakeProcess();
    const sdk = startE2EActivitySdk({ OTEL_TRACES_EXPORTER: 'console', OTEL_PROPAGATORS: 'tracecontext,e2eactivity' }, proc, collect().warn, withoutAuto);
    try {
      expect(propagation.fields()).toEqual(['traceparent', 'tracestate', 'e2eactivity']);
      expect(proc.listenerCount('SIGTERM')).toBe(1);
      expect(proc.listenerCount('SIGINT')).toBe(1);
      expect(proc.listenerCount('beforeExit')).toBe(1);
      // The exporting processor is flushed at a signal the app handles itself, then at each span's end.
      const printed = jest.spyOn(console, 'dir').mockImplementation(() => {});
      const flushed = jest.spyOn(SimpleSpanProcessor.prototype, 'forceFlush');
      proc.on('SIGTERM', () => {});
      trace.getTracer('t').startSpan('before').end();
      expect(flushed).toHaveBeenCalledTimes(0);
      proc.emit('SIGTERM');
      expect(flushed).toHaveBeenCalledTimes(1);
      trace.getTracer('t').startSpan('during').end();
      expect(flushed).toHaveBeenCalledTimes(2);
      await flushed.mock.results[1].value;
      flushed.mockRestore();
      printed.mockRestore();
      const shutdown = jest.spyOn(sdk as NodeSDK, 'shutdown');
      proc.emit('beforeExit');
      expect(shutdown).toHaveBeenCalledTimes(1);
    } finally {
      await stop(sdk);
    }
  });

  it('says so when another SDK registered a global tracer provider first', async () => {
    const other = new TracerProvider();
    trace.setGlobalTracerProvider(other);
    const { warn, messages } = collect();
    const sdk = startE2EActivitySdk({ OTEL_TRACES_EXPORTER: 'console' }, new FakeProcess(), warn, withoutAuto);
    try {
      expect(messages).toEqual([expect.stringContaining('another SDK already registered a global tracer provider')]);
    } finally {
      await stop(sdk);
      await other.shutdown();
    }
  });

  it('says what to install without @opentelemetry/sdk-node, and starts nothing', () => {
    const { warn, messages } = collect();
    const proc = new FakeProcess();
    expect(startE2EActivitySdk({}, proc, warn, () => undefined)).toBeUndefined();
    expect(proc.listenerCount('SIGTERM')).toBe(0);
    expect(messages).toEqual([expect.stringContaining('register needs @opentelemetry/sdk-node, which is not installed')]);
  });

  it('listens on the real process by default', async () => {
    const before = process.listenerCount('SIGTERM');
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const sdk = startE2EActivitySdk({ OTEL_TRACES_EXPORTER: 'none' });
    write.mockRestore();
    try {
      expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    } finally {
      removeLastListeners();
      await stop(sdk);
    }
  });
});

// Undoes what one flushOnExit call on the real process did.
function removeLastListeners(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeListener(signal, process.listeners(signal).slice(-1)[0]);
  process.removeListener('beforeExit', process.listeners('beforeExit').slice(-1)[0]);
}
