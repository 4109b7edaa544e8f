/// <reference types="node" />
import { TextMapPropagator } from '@opentelemetry/api';
import { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import { E2EActivityPropagatorOptions } from '../propagator/types.js';
import { E2EActivitySpanProcessor } from '../span-processor/E2EActivitySpanProcessor.js';
import { E2EActivitySpanProcessorOptions } from '../span-processor/types.js';
import { batchProcessor, spanProcessorsFromEnv } from './exporters.js';
import { DEFAULT_PROPAGATORS, PropagatorName, propagatorFromNames } from './propagators.js';
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
  /** Propagators of the composite, by `OTEL_PROPAGATORS` name. Default {@link DEFAULT_PROPAGATORS}. */
  propagators?: readonly PropagatorName[];
  /** Your own span processors; they run after the E2EActivity one, so they see its attribute. */
  spanProcessors?: readonly SpanProcessor[];
  /** Your exporter, wrapped in a `BatchSpanProcessor` (with `OTEL_BSP_*`) after `spanProcessors`. */
  traceExporter?: SpanExporter;
  /**
   * Where exporters come from when neither `spanProcessors` nor `traceExporter` is given:
   * `OTEL_TRACES_EXPORTER` and friends in this object (see {@link spanProcessorsFromEnv}). Default
   * `process.env`.
   */
  env?: EnvSource;
  /** Receives configuration warnings. Default: `diag.warn` and stderr. */
  warn?: ConfigWarning;
}

/** The part of `NodeSDKConfiguration` that {@link e2eActivitySdkOptions} fills in. */
export interface E2EActivitySdkOptions {
  /** The composite propagator, E2EActivity last; `null` (register none) for `['none']`. */
  textMapPropagator: TextMapPropagator | null;
  /** The {@link E2EActivitySpanProcessor} first, then yours or those the environment names. */
  spanProcessors: SpanProcessor[];
}

/**
 * What `NodeSDK` needs to propagate E2EActivity and record it on spans, in one place:
 * `new NodeSDK({ ...e2eActivitySdkOptions({ traceExporter }), instrumentations })`.
 *
 * `NodeSDK` takes `spanProcessors` in place of everything it would build from `OTEL_TRACES_EXPORTER`, so
 * when you pass neither `spanProcessors` nor `traceExporter`, this builds those exporters from the
 * environment itself, and the E2EActivity processor never costs you the exporters you configured.
 */
export function e2eActivitySdkOptions(input: E2EActivitySdkInput = {}): E2EActivitySdkOptions {
  const warn = input.warn ?? warnDiagAndStderr;
  const env = input.env ?? process.env;
  const propagatorOptions = input.propagator ?? {};
  const own = [...(input.spanProcessors ?? [])];
  if (input.traceExporter !== undefined) own.push(batchProcessor(input.traceExporter, env, warn));
  const downstream =
    input.spanProcessors === undefined && input.traceExporter === undefined ? spanProcessorsFromEnv(env, warn) : own;
  const e2eActivity = new E2EActivitySpanProcessor({ baggageKey: propagatorOptions.baggageKey, ...input.spanProcessor });
  return {
    textMapPropagator: propagatorFromNames(input.propagators ?? DEFAULT_PROPAGATORS, propagatorOptions),
    spanProcessors: [e2eActivity, ...downstream],
  };
}
