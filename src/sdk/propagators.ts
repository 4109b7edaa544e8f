import { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { E2EActivityPropagator } from '../propagator/E2EActivityPropagator.js';
import { E2EActivityPropagatorOptions } from '../propagator/types.js';
import { loadPeer, PeerLoader } from './peers.js';
import { ConfigWarning, listFromEnv, warnDiagAndStderr } from './warn.js';

/**
 * The names `OTEL_PROPAGATORS` accepts here: every one `NodeSDK` knows (`jaeger` only up to sdk-node
 * 0.2xx, and only with `@opentelemetry/propagator-jaeger` installed), plus `e2eactivity`.
 */
export const PROPAGATOR_NAMES = ['tracecontext', 'baggage', 'b3', 'b3multi', 'jaeger', 'e2eactivity', 'none'] as const;

/** One of {@link PROPAGATOR_NAMES}. */
export type PropagatorName = (typeof PROPAGATOR_NAMES)[number];

/** What an unset or empty `OTEL_PROPAGATORS` means: the SDK's W3C default with E2EActivity added. */
export const DEFAULT_PROPAGATORS: readonly PropagatorName[] = ['tracecontext', 'baggage', 'e2eactivity'];

const B3 = '@opentelemetry/propagator-b3';
const JAEGER = '@opentelemetry/propagator-jaeger';

/**
 * Reads an `OTEL_PROPAGATORS` value as `NodeSDK` does (comma-separated, trimmed, duplicates dropped).
 * Unset or empty gives {@link DEFAULT_PROPAGATORS}. An unknown entry is dropped with a warning naming it
 * and the accepted names. A list without `e2eactivity` (the OpenTelemetry Operator injects
 * `tracecontext,baggage`) turns this package's propagation off, so that gets a warning too.
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
  } else if (!names.includes('e2eactivity') && !names.includes('none')) {
    warn(`OTEL_PROPAGATORS="${value}" does not name e2eactivity: the E2EActivity header is neither read nor sent. Add e2eactivity to the list.`);
  }
  return names;
}

/**
 * The propagator for these names, or `null` (register none, as `NodeSDK` reads it) when the list is empty,
 * holds `none`, or none of its propagators can be built. The standard propagators keep their order and
 * `e2eactivity` always comes last: its extract adds to the baggage that `baggage` extracted (run before,
 * `baggage` would replace it). `b3`, `b3multi` and `jaeger` load their package only when named.
 */
export function propagatorFromNames(
  names: readonly PropagatorName[],
  options: E2EActivityPropagatorOptions = {},
  warn: ConfigWarning = warnDiagAndStderr,
  load: PeerLoader = loadPeer
): TextMapPropagator | null {
  if (names.includes('none')) return null;
  const propagators = names
    .filter((name) => name !== 'e2eactivity' && name !== 'none')
    .map((name) => standardPropagator(name, warn, load))
    .filter((propagator) => propagator !== undefined);
  if (names.includes('e2eactivity')) propagators.push(new E2EActivityPropagator(options));
  return propagators.length === 0 ? null : new CompositePropagator({ propagators });
}

function standardPropagator(
  name: PropagatorName,
  warn: ConfigWarning,
  load: PeerLoader
): TextMapPropagator | undefined {
  if (name === 'tracecontext') return new W3CTraceContextPropagator();
  if (name === 'baggage') return new W3CBaggagePropagator();
  if (name === 'jaeger') {
    const jaeger = load<{ JaegerPropagator: new () => TextMapPropagator }>(JAEGER);
    return jaeger === undefined ? notInstalled(name, JAEGER, warn) : new jaeger.JaegerPropagator();
  }
  const b3 = load<{ B3Propagator: typeof B3Propagator; B3InjectEncoding: typeof B3InjectEncoding }>(B3);
  if (b3 === undefined) return notInstalled(name, B3, warn);
  return name === 'b3' ? new b3.B3Propagator() : new b3.B3Propagator({ injectEncoding: b3.B3InjectEncoding.MULTI_HEADER });
}

function notInstalled(name: string, packageName: string, warn: ConfigWarning): undefined {
  warn(`OTEL_PROPAGATORS: "${name}" needs ${packageName}, which is not installed: npm install ${packageName}. Ignored.`);
  return undefined;
}

function isPropagatorName(name: string): name is PropagatorName {
  return (PROPAGATOR_NAMES as readonly string[]).includes(name);
}
