import {
  Context,
  isSpanContextValid,
  SpanContext,
  TextMapGetter,
  TextMapPropagator,
  TextMapSetter,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { E2EActivity } from '../activity.js';
import { getBaggageActivity, mergeIntoBaggage } from '../baggage.js';
import { firstHeaderItem, headerInCarrier, readHeader, writeHeader } from '../carrier.js';
import { adoptedParentSpanId, guidToTraceId } from '../codec/trace-id.js';
import { keepOwnE2EActivityOnFetch } from '../fetch-own-header.js';
import { E2E_ACTIVITY_ATTRIBUTE, E2E_ACTIVITY_BAGGAGE_KEY, E2E_ACTIVITY_HEADER } from '../constants.js';
import { getE2EActivity, setE2EActivity } from '../context.js';
import { E2EActivityGenerate, E2EActivityPropagatorOptions, GENERATE_MODES } from './types.js';

const FIELDS: readonly string[] = [E2E_ACTIVITY_HEADER];

/**
 * Propagates Microsoft's MS-THCH `E2EActivity` header: the base64 .NET GUID that a WCF client sends when
 * end-to-end tracing is on.
 *
 * extract stores the GUID in the context (see {@link getE2EActivityId}) and, unless `baggageKey` is
 * `false`, adds it to the baggage. inject forwards the context's activity, else the baggage entry, else
 * what `generate` says, as exactly one canonical `e2eactivity` header; an `E2EActivity` header the
 * application set on the request itself (any casing) wins and goes alone, on `node:http` and on `fetch`
 * (where creating a propagator makes undici's requests keep their first E2EActivity header, from
 * Node.js 20.16). Compose it after the W3C
 * propagators: `new CompositePropagator({ propagators: [new W3CTraceContextPropagator(),
 * new W3CBaggagePropagator(), new E2EActivityPropagator()] })`.
 */
export class E2EActivityPropagator implements TextMapPropagator {
  private readonly _baggageKey: string | false;
  private readonly _generate: E2EActivityGenerate;
  private readonly _adoptTraceId: boolean;
  private readonly _matchAnyHeaderCase: boolean;
  private readonly _spanAttribute: string | false;

  /** @throws RangeError for an unknown `generate` mode or an empty `baggageKey`/`spanAttribute`. */
  constructor(options: E2EActivityPropagatorOptions = {}) {
    this._baggageKey = nameOption('baggageKey', options.baggageKey, E2E_ACTIVITY_BAGGAGE_KEY);
    this._spanAttribute = nameOption('spanAttribute', options.spanAttribute, E2E_ACTIVITY_ATTRIBUTE);
    this._generate = options.generate ?? 'trace-id';
    if (!GENERATE_MODES.includes(this._generate)) {
      throw new RangeError(`generate must be one of ${GENERATE_MODES.join(', ')}; got ${String(this._generate)}`);
    }
    this._adoptTraceId = options.adoptTraceId === true;
    this._matchAnyHeaderCase = options.matchAnyHeaderCase === true;
    // inject cannot see what fetch requests already carry: see there.
    keepOwnE2EActivityOnFetch();
  }

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    if (isTracingSuppressed(context)) return;
    // A header the application set on this request wins as it stands: writing ours next to it would
    // replace it (node:http) or send both, which WCF rejects.
    const own = headerInCarrier(carrier);
    if (own !== undefined) return this._recordOnSpan(context, activityIn(own));
    const activity = getE2EActivity(context) ?? this._fromBaggage(context) ?? this._generated(context);
    if (activity !== undefined && writeHeader(carrier, setter, activity.header)) this._recordOnSpan(context, activity);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const text = readHeader(carrier, getter, this._matchAnyHeaderCase);
    if (text === undefined) return context;
    const activity = E2EActivity.fromHeader(text);
    if (activity === undefined) return context;

    let result = this._baggageKey === false ? context : mergeIntoBaggage(context, this._baggageKey, activity.id);
    result = setE2EActivity(result, activity);
    if (this._adoptTraceId && !hasValidSpanContext(result)) {
      result = trace.setSpanContext(result, spanContextOf(activity.id));
    }
    return result;
  }

  fields(): string[] {
    return [...FIELDS];
  }

  /** Puts the activity sent on the recording span in the context: the client span of the request. */
  private _recordOnSpan(context: Context, activity: E2EActivity | undefined): void {
    if (activity === undefined || this._spanAttribute === false) return;
    const span = trace.getSpan(context);
    if (span !== undefined && span.isRecording()) span.setAttribute(this._spanAttribute, activity.id);
  }

  private _fromBaggage(context: Context): E2EActivity | undefined {
    return this._baggageKey === false ? undefined : getBaggageActivity(context, this._baggageKey);
  }

  private _generated(context: Context): E2EActivity | undefined {
    switch (this._generate) {
      case 'trace-id': {
        const spanContext = trace.getSpanContext(context);
        return spanContext === undefined || !isSpanContextValid(spanContext)
          ? undefined
          : E2EActivity.fromTraceId(spanContext.traceId);
      }
      case 'random':
        return E2EActivity.random();
      default:
        return undefined;
    }
  }
}

/** The activity a header value the application set names, if it is a canonical one. */
function activityIn(value: unknown): E2EActivity | undefined {
  const text = firstHeaderItem(value);
  return text === undefined ? undefined : E2EActivity.fromHeader(text);
}

function hasValidSpanContext(context: Context): boolean {
  const spanContext = trace.getSpanContext(context);
  return spanContext !== undefined && isSpanContextValid(spanContext);
}

/**
 * The remote parent that `adoptTraceId` sets: trace id = the GUID's hex digits; span id by
 * {@link adoptedParentSpanId}. Deterministic, so every request of one activity continues the same trace
 * from the same parent.
 */
function spanContextOf(id: string): SpanContext {
  const traceId = guidToTraceId(id) as string;
  return {
    traceId,
    spanId: adoptedParentSpanId(traceId) as string,
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  };
}

function nameOption(name: string, value: string | false | undefined, fallback: string): string | false {
  if (value === undefined) return fallback;
  if (value === false || (typeof value === 'string' && value.length > 0)) return value;
  throw new RangeError(`${name} must be a non-empty string or false`);
}
