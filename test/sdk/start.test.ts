import { context, propagation, trace } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { EventEmitter } from 'node:events';
import { E2EActivitySpanProcessor } from '../../src/index.js';
import { nodeSdkConfigurationFromEnv, startE2EActivitySdk } from '../../src/sdk/start.js';

class FakeProcess extends EventEmitter {
  readonly pid = 1;
  kill(): boolean {
    return true;
  }
}

function disable(instrumentations: unknown): void {
  for (const instrumentation of instrumentations as { disable(): void }[]) instrumentation.disable();
}

describe('nodeSdkConfigurationFromEnv', () => {
  it('instruments http and fetch, composes OTEL_PROPAGATORS with E2EActivity last, and reads the options', () => {
    const warnings: string[] = [];
    const config = nodeSdkConfigurationFromEnv(
      {
        OTEL_PROPAGATORS: 'e2eactivity,tracecontext,b3,x-ray',
        OTEL_TRACES_EXPORTER: 'none',
        OTEL_E2EACTIVITY_GENERATE: 'sometimes',
      },
      (m) => warnings.push(m)
    );
    disable(config.instrumentations);
    expect(config.instrumentations?.map((i) => i.constructor)).toEqual([HttpInstrumentation, UndiciInstrumentation]);
    expect(config.textMapPropagator?.fields()).toEqual(['traceparent', 'tracestate', 'b3', 'e2eactivity']);
    expect(config.spanProcessors?.map((p) => p.constructor)).toEqual([E2EActivitySpanProcessor]);
    expect(warnings).toEqual([
      expect.stringContaining('unknown propagator "x-ray"'),
      expect.stringContaining('OTEL_E2EACTIVITY_GENERATE: invalid value "sometimes"'),
    ]);
  });
});

describe('startE2EActivitySdk', () => {
  it('starts NodeSDK with the propagator and flushes it on beforeExit', async () => {
    const proc = new FakeProcess();
    const sdk = startE2EActivitySdk({ OTEL_TRACES_EXPORTER: 'none', OTEL_PROPAGATORS: 'tracecontext,e2eactivity' }, proc);
    try {
      expect(propagation.fields()).toEqual(['traceparent', 'tracestate', 'e2eactivity']);
      expect(proc.listenerCount('SIGTERM')).toBe(1);
      expect(proc.listenerCount('SIGINT')).toBe(1);
      const shutdown = jest.spyOn(sdk, 'shutdown');
      proc.emit('beforeExit');
      expect(shutdown).toHaveBeenCalledTimes(1);
    } finally {
      disable((sdk as unknown as { _instrumentations: unknown })._instrumentations);
      await sdk.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    }
  });

  it('listens on the real process by default', async () => {
    const before = process.listenerCount('SIGTERM');
    const sdk = startE2EActivitySdk({ OTEL_TRACES_EXPORTER: 'none' });
    try {
      expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    } finally {
      removeLastListeners();
      disable((sdk as unknown as { _instrumentations: unknown })._instrumentations);
      await sdk.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    }
  });
});

// Undoes what one flushOnExit call on the real process did.
function removeLastListeners(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeListener(signal, process.listeners(signal).slice(-1)[0]);
  process.removeListener('beforeExit', process.listeners('beforeExit').slice(-1)[0]);
}
