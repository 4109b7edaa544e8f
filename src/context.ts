import { Context, createContextKey } from '@opentelemetry/api';
import { E2EActivity } from './activity.js';

// Its own key, as B3 keeps its debug flag: the activity survives whatever other propagators do to the
// span context or the baggage. createContextKey uses Symbol.for, so the CommonJS and ES module builds
// of this package share the key.
const E2E_ACTIVITY_KEY = createContextKey('OpenTelemetry Context Key E2EACTIVITY');

/** The activity stored in the context, if any. */
export function getE2EActivity(context: Context): E2EActivity | undefined {
  const value = context.getValue(E2E_ACTIVITY_KEY);
  if (value instanceof E2EActivity) return value;
  // Stored by another copy of this package (the other module format, another version): trust only its id.
  return typeof value === 'object' && value !== null ? E2EActivity.fromGuid((value as { id?: unknown }).id) : undefined;
}

/** Stores an activity in the context. */
export function setE2EActivity(context: Context, activity: E2EActivity): Context {
  return context.setValue(E2E_ACTIVITY_KEY, activity);
}

/**
 * The E2EActivity GUID that the context carries (set by {@link E2EActivityPropagator.extract} or
 * {@link setE2EActivityId}), as a lowercase dashed GUID; `undefined` when there is none.
 */
export function getE2EActivityId(context: Context): string | undefined {
  return getE2EActivity(context)?.id;
}

/**
 * Returns a context that carries the given activity GUID (D, N or B form, any case), so that
 * {@link E2EActivityPropagator.inject} forwards it and {@link E2EActivitySpanProcessor} records it.
 * An invalid GUID or Guid.Empty leaves the context as it was.
 */
export function setE2EActivityId(context: Context, guid: string): Context {
  const activity = E2EActivity.fromGuid(guid);
  return activity === undefined ? context : setE2EActivity(context, activity);
}
