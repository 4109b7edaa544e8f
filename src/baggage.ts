import { Context, propagation } from '@opentelemetry/api';
import { E2EActivity } from './activity.js';

/** The activity in the context's baggage entry `key`; undefined when absent or not a valid GUID. */
export function getBaggageActivity(context: Context, key: string): E2EActivity | undefined {
  return E2EActivity.fromGuid(propagation.getBaggage(context)?.getEntry(key)?.value);
}

/**
 * Adds the activity id to the context's baggage, keeping every entry already there. The W3C baggage
 * propagator replaces baggage on extract; this must not, or it would erase what that one extracted.
 */
export function mergeIntoBaggage(context: Context, key: string, id: string): Context {
  const baggage = propagation.getBaggage(context) ?? propagation.createBaggage();
  return propagation.setBaggage(context, baggage.setEntry(key, { value: id }));
}
