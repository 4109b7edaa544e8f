import { Context, Span, SpanKind } from '@opentelemetry/api';
import { getBaggageActivity } from '../baggage.js';
import { E2E_ACTIVITY_ATTRIBUTE, E2E_ACTIVITY_BAGGAGE_KEY } from '../constants.js';
import { getE2EActivityId } from '../context.js';
import { E2EActivitySpanProcessorOptions } from './types.js';

/**
 * The span as the SDK hands it to `onStart`: an API span that also knows its kind. Typed structurally, so
 * this package needs no SDK at run time and fits the `SpanProcessor` of every SDK line.
 */
export type StartedSpan = Span & {
  /** The span's kind, which the SDK's span has and the API's `Span` does not declare. */
  readonly kind?: SpanKind;
};

/**
 * Puts the E2EActivity GUID on spans as the attribute `e2eactivity.id`, which propagators cannot do.
 *
 * Reads the activity from the parent context that the SDK passes to `onStart` (the HTTP instrumentation
 * starts its server span with the extracted context there; `context.active()` is not that context),
 * falling back to the baggage entry. Add it to the tracer provider's `spanProcessors` next to your
 * exporter's processor.
 */
export class E2EActivitySpanProcessor {
  private readonly _attributeKey: string;
  private readonly _spanKinds: ReadonlySet<SpanKind> | undefined;
  private readonly _baggageKey: string | false;

  constructor(options: E2EActivitySpanProcessorOptions = {}) {
    this._attributeKey = options.attributeKey ?? E2E_ACTIVITY_ATTRIBUTE;
    this._spanKinds = options.spanKinds === undefined ? undefined : new Set(options.spanKinds);
    this._baggageKey = options.baggageKey ?? E2E_ACTIVITY_BAGGAGE_KEY;
  }

  /**
   * Sets the attribute on a span of a selected kind when `parentContext` (the context the span was started
   * with) carries an activity, under this package's context key or in the baggage entry.
   */
  onStart(span: StartedSpan, parentContext: Context): void {
    if (this._spanKinds !== undefined && (span.kind === undefined || !this._spanKinds.has(span.kind))) return;
    const id = getE2EActivityId(parentContext) ?? this._baggageId(parentContext);
    if (id !== undefined) span.setAttribute(this._attributeKey, id);
  }

  /** Nothing to do: the attribute was set at start, while the span could still take attributes. */
  onEnd(): void {}

  /** Resolves at once: this processor buffers nothing. */
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  /** Resolves at once: this processor holds no resources. */
  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  private _baggageId(context: Context): string | undefined {
    return this._baggageKey === false ? undefined : getBaggageActivity(context, this._baggageKey)?.id;
  }
}
