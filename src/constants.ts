/**
 * Name of the E2EActivity header as this package writes and first looks it up.
 * Node.js hands incoming header names lowercased, so this is the common case.
 */
export const E2E_ACTIVITY_HEADER = 'e2eactivity';

/** The casing WCF uses in its own constant (`HttpChannelUtilities.E2EActivityIdHeader`). */
export const E2E_ACTIVITY_HEADER_WCF = 'E2EActivity';

/** Span attribute that carries the activity GUID (lowercase, dashed). */
export const E2E_ACTIVITY_ATTRIBUTE = 'e2eactivity.id';

/** Baggage entry that carries the activity GUID to downstream services. */
export const E2E_ACTIVITY_BAGGAGE_KEY = 'e2eactivity.id';
