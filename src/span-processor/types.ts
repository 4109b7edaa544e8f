import { SpanKind } from '@opentelemetry/api';

/** Options of {@link E2EActivitySpanProcessor}. */
export interface E2EActivitySpanProcessorOptions {
  /** Attribute that gets the activity GUID. Default {@link E2E_ACTIVITY_ATTRIBUTE}. */
  attributeKey?: string;
  /**
   * Only spans of these kinds get the attribute, e.g. `[SpanKind.SERVER, SpanKind.CLIENT]`. Default: every
   * span, so every span of the request can be found by the tag.
   */
  spanKinds?: readonly SpanKind[];
  /**
   * Baggage entry to fall back to when the parent context carries no activity under this package's own
   * key (a service that received only `traceparent` and `baggage`). `false` never reads baggage. Default
   * {@link E2E_ACTIVITY_BAGGAGE_KEY}.
   */
  baggageKey?: string | false;
}
