import { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { E2EActivityPropagator } from '../propagator/E2EActivityPropagator.js';
import { E2EActivityPropagatorOptions } from '../propagator/types.js';
import { ConfigWarning, listFromEnv, warnDiagAndStderr } from './warn.js';

/** The names `OTEL_PROPAGATORS` accepts here: the standard ones `NodeSDK` knows, plus `e2eactivity`. */
export const PROPAGATOR_NAMES = ['tracecontext', 'baggage', 'b3', 'b3multi', 'e2eactivity', 'none'] as const;

/** One of {@link PROPAGATOR_NAMES}. */
export type PropagatorName = (typeof PROPAGATOR_NAMES)[number];

/** What an unset or empty `OTEL_PROPAGATORS` means: the SDK's W3C default with E2EActivity added. */
export const DEFAULT_PROPAGATORS: readonly PropagatorName[] = ['tracecontext', 'baggage', 'e2eactivity'];

/**
 * Reads an `OTEL_PROPAGATORS` value: comma-separated, trimmed, any case, duplicates dropped. Unset or empty
 * gives {@link DEFAULT_PROPAGATORS}. An unknown entry is dropped with a warning naming it and the accepted
 * names (`NodeSDK` drops it silently, so a typo would lose the header without a trace).
 */
export function parsePropagatorNames(value: string | undefined, warn: ConfigWarning = warnDiagAndStderr): PropagatorName[] {
  const entries = listFromEnv(value);
  if (entries.length === 0) return [...DEFAULT_PROPAGATORS];
  const names: PropagatorName[] = [];
  for (const entry of entries) {
    if (!isPropagatorName(entry)) {
      warn(`OTEL_PROPAGATORS: unknown propagator "${entry}" ignored; accepted: ${PROPAGATOR_NAMES.join(', ')}.`);
    } else if (!names.includes(entry)) {
      names.push(entry);
    }
  }
  if (names.includes('none') && names.length > 1) {
    warn(`OTEL_PROPAGATORS: "none" ignores the other entries (${names.filter((n) => n !== 'none').join(', ')}).`);
  }
  return names;
}

/**
 * The composite propagator for these names, or `null` (register none, as `NodeSDK` reads it) when the list
 * is empty or holds `none`. The standard propagators keep their order and `e2eactivity` always comes last:
 * its extract adds to the baggage that `baggage` extracted (run before, `baggage` would replace it).
 */
export function propagatorFromNames(
  names: readonly PropagatorName[],
  options: E2EActivityPropagatorOptions = {}
): CompositePropagator | null {
  if (names.length === 0 || names.includes('none')) return null;
  const standard = names.filter((name) => name !== 'e2eactivity').map(standardPropagator);
  const propagators = names.includes('e2eactivity') ? [...standard, new E2EActivityPropagator(options)] : standard;
  return new CompositePropagator({ propagators });
}

function standardPropagator(name: Exclude<PropagatorName, 'e2eactivity'>): TextMapPropagator {
  switch (name) {
    case 'tracecontext':
      return new W3CTraceContextPropagator();
    case 'baggage':
      return new W3CBaggagePropagator();
    case 'b3':
      return new B3Propagator();
    default:
      return new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER });
  }
}

function isPropagatorName(name: string): name is PropagatorName {
  return (PROPAGATOR_NAMES as readonly string[]).includes(name);
}
