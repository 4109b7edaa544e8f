import { Baggage, BaggageEntry, Context, propagation } from '@opentelemetry/api';
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
  return propagation.setBaggage(context, MergedBaggage.over(propagation.getBaggage(context), key, id));
}

/**
 * The baggage `base.setEntry(key, { value })` returns, where base is the context's baggage (or, without
 * one, `createBaggage()`), built only when someone needs more than `getEntry`.
 *
 * Why: extract runs on every request, and the API's baggage copies its Map on every `setEntry` (twice
 * from `createBaggage()`), which alone costs more than half a whole W3C traceparent extract. Most requests
 * never read baggage again, or read single entries. Reading every entry or deriving a new baggage builds
 * the real one once, through base's own `setEntry`, and from then on everything delegates to it, so the
 * semantics are exactly the API's: immutable, entries in the same order, the W3C baggage propagator sees
 * them all.
 *
 * The base is never itself a MergedBaggage ({@link MergedBaggage.over} flattens one), so a consumer that
 * extracts message after message into one running context keeps one of these, not a chain of them:
 * memory and lookup depth stay bounded however often it re-extracts.
 */
export class MergedBaggage implements Baggage {
  private _merged: Baggage | undefined = undefined;

  private constructor(
    private readonly _base: Baggage | undefined,
    private readonly _key: string,
    private readonly _value: string
  ) {}

  /**
   * `base.setEntry(key, { value })`, lazily. A MergedBaggage base is replaced by what it stands for: its
   * own base when it sets the same key (which this entry overrides anyway), else its real baggage.
   */
  static over(base: Baggage | undefined, key: string, value: string): MergedBaggage {
    if (!(base instanceof MergedBaggage)) return new MergedBaggage(base, key, value);
    const flat = base._merged ?? (base._key === key ? base._base : base._materialize());
    return new MergedBaggage(flat, key, value);
  }

  getEntry(key: string): BaggageEntry | undefined {
    if (this._merged !== undefined) return this._merged.getEntry(key);
    // A fresh object, as the API's baggage returns a copy: a caller that changes it changes nothing here.
    if (key === this._key) return { value: this._value };
    return this._base?.getEntry(key);
  }

  getAllEntries(): [string, BaggageEntry][] {
    return this._materialize().getAllEntries();
  }

  setEntry(key: string, entry: BaggageEntry): Baggage {
    return this._materialize().setEntry(key, entry);
  }

  removeEntry(key: string): Baggage {
    return this._materialize().removeEntry(key);
  }

  removeEntries(...keys: string[]): Baggage {
    return this._materialize().removeEntries(...keys);
  }

  clear(): Baggage {
    return this._materialize().clear();
  }

  private _materialize(): Baggage {
    // Immutable, so building it once serves every later call.
    this._merged ??= (this._base ?? propagation.createBaggage()).setEntry(this._key, { value: this._value });
    return this._merged;
  }
}
