import type { EtwFieldValue } from '../event.js';
import type { EtwFieldSchema } from '../schema/types.js';

/** What the decoder precomputes once per template. */
export interface FieldPlan {
  /** Builds the fields object from the decoded values, in template order. */
  readonly make: (values: readonly EtwFieldValue[]) => Record<string, EtwFieldValue>;
  /** For each field, the index of the earlier field holding its length; -1 when it names none that exists. */
  readonly lengthIndex: Int16Array;
}

const plans = new WeakMap<readonly EtwFieldSchema[], FieldPlan>();

/**
 * The plan for a template, made on first use. The fields object is built by an object literal compiled for
 * the template: objects built key by key with computed names cost five times more (a megamorphic store per
 * field), and this runs for every event. The names come from the bundled manifests, quoted by
 * JSON.stringify. The ETW code runs in Node.js only, where compiling code is allowed.
 */
export function planOf(fields: readonly EtwFieldSchema[]): FieldPlan {
  let plan = plans.get(fields);
  if (plan === undefined) {
    const body = fields.map((f, i) => `${JSON.stringify(f.name)}: v[${i}]`).join(', ');
    const make = new Function('v', `return { ${body} };`) as FieldPlan['make'];
    const lengthIndex = Int16Array.from(fields, (f) => (typeof f.length === 'string' ? fields.findIndex((g) => g.name === f.length) : -1));
    plan = { make, lengthIndex };
    plans.set(fields, plan);
  }
  return plan;
}
