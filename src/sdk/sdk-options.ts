/// <reference types="node" />
import { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import { E2EActivityPropagator } from '../propagator/E2EActivityPropagator.js';
import { E2EActivityPropagatorOptions } from '../propagator/types.js';
import { E2EActivitySpanProcessor } from '../span-processor/E2EActivitySpanProcessor.js';
import { E2EActivitySpanProcessorOptions } from '../span-processor/types.js';
import { batchProcessor } from './batch.js';
import { ConfigWarning, EnvSource, warnDiagAndStderr } from './warn.js';

/** Input of {@link e2eActivitySdkOptions}. */
export interface E2EActivitySdkInput {
  /** Options of the {@link opentelemetry-propagator-e2eactivity!E2EActivityPropagator} in the composite. */
  propagator?: E2EActivityPropagatorOptions;
  /**
   * Options of the {@link E2EActivitySpanProcessor}. Its `baggageKey` defaults to the propagator's, so both
   * read the same entry.
   */
  spanProcessor?: E2EActivitySpanProcessorOptions;
  /**
   * The other propagators of the composite, in order; the E2EActivity one always comes after them.
   * Default: W3C trace context and W3C baggage, `NodeSDK`'s default.
   */
  propagators?: readonly TextMapPropagator[];
  /** Your own span processors; they run after the E2EActivity one, so they see its attribute. */
  spanProcessors?: readonly SpanProcessor[];
  /** Your exporter, wrapped in a `BatchSpanProcessor` (with `OTEL_BSP_*`) after `spanProcessors`. */
  traceExporter?: SpanExporter;
  /** Where the `OTEL_BSP_*` settings of the `traceExporter`'s batch processor come from. Default `process.env`. */
  env?: EnvSource;
  /** Receives configuration warnings. Default: `diag.warn` and stderr. */
  warn?: ConfigWarning;
}

/** The part of `NodeSDKConfiguration` that {@link e2eActivitySdkOptions} fills in. */
export interface E2EActivitySdkOptions {
  /** The composite propagator, E2EActivity last. */
  textMapPropagator: TextMapPropagator;
  /** The {@link E2EActivitySpanProcessor} first, then yours. */
  spanProcessors: SpanProcessor[];
}

/**
 * What `NodeSDK` needs to propagate E2EActivity and record it on spans, in one place:
 * `new NodeSDK({ ...e2eActivitySdkOptions({ traceExporter }), instrumentations })`.
 *
 * Pass `traceExporter` or `spanProcessors`: `NodeSDK` takes `spanProcessors` in place of the exporters it
 * would build from `OTEL_TRACES_EXPORTER`, and this module builds none itself, so that it loads nothing
 * but the propagators and `@opentelemetry/sdk-trace` (a dependency of `NodeSDK`). With neither, it warns:
 * spans would be recorded and never exported. For exporters from the environment, use the `register`
 * entry point.
 */
export function e2eActivitySdkOptions(input: E2EActivitySdkInput = {}): E2EActivitySdkOptions {
  const warn = input.warn ?? warnDiagAndStderr;
  const propagatorOptions = input.propagator ?? {};
  const downstream = [...(input.spanProcessors ?? [])];
  if (input.traceExporter !== undefined) downstream.push(batchProcessor(input.traceExporter, input.env ?? process.env, warn));
  if (input.spanProcessors === undefined && input.traceExporter === undefined) {
    warn('e2eActivitySdkOptions: no traceExporter and no spanProcessors given, so no span is exported; pass one of them.');
  }
  const propagators = input.propagators ?? [new W3CTraceContextPropagator(), new W3CBaggagePropagator()];
  return {
    textMapPropagator: new CompositePropagator({ propagators: [...propagators, new E2EActivityPropagator(propagatorOptions)] }),
    spanProcessors: [new E2EActivitySpanProcessor({ baggageKey: propagatorOptions.baggageKey, ...input.spanProcessor }), ...downstream],
  };
}
