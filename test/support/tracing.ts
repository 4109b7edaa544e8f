// The real SDK for tests. `@opentelemetry/sdk-trace` exists in both OpenTelemetry JS lines (2.x, where
// it re-exports sdk-trace-base, and 3.x, which dropped sdk-trace-base), so tests import the SDK only here.
import { context, ContextManager, propagation, TextMapPropagator, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  AlwaysOffSampler,
  InMemorySpanExporter,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { E2EActivitySpanProcessor, E2EActivitySpanProcessorOptions } from '../../src/index.js';

export { AlwaysOffSampler, InMemorySpanExporter, ParentBasedSampler, SimpleSpanProcessor, TraceIdRatioBasedSampler, TracerProvider };

export interface TestTracing {
  readonly provider: TracerProvider;
  readonly exporter: InMemorySpanExporter;
  /** Undoes the global registration. */
  teardown(): Promise<void>;
}

/**
 * A TracerProvider with the E2EActivity span processor and an in-memory exporter. With `global`, it also
 * registers the provider, an AsyncLocalStorage context manager and the propagator globally.
 */
export function createTestTracing(
  options: { processor?: E2EActivitySpanProcessorOptions | false; propagator?: TextMapPropagator; global?: boolean } = {}
): TestTracing {
  const exporter = new InMemorySpanExporter();
  const spanProcessors = [new SimpleSpanProcessor({ exporter })];
  const provider = new TracerProvider({
    spanProcessors:
      options.processor === false ? spanProcessors : [new E2EActivitySpanProcessor(options.processor), ...spanProcessors],
  });
  let contextManager: ContextManager | undefined;
  if (options.global === true) {
    contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
    trace.setGlobalTracerProvider(provider);
    if (options.propagator !== undefined) propagation.setGlobalPropagator(options.propagator);
  }
  return {
    provider,
    exporter,
    async teardown() {
      await provider.shutdown();
      if (options.global === true) {
        trace.disable();
        context.disable();
        propagation.disable();
      }
    },
  };
}
