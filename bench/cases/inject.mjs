// inject: forwarding an extracted activity, from the trace id, a random GUID; next to W3C, baggage and B3.
import { api, b3, core, pkg } from '../lib/modules.mjs';
import { ACTIVITY, getter, headers, outgoing, ROOT, setter, SPAN_CONTEXT } from '../lib/fixtures.mjs';

const group = 'inject (vs W3C traceparent inject)';

function injecting(name, propagator, context, extra = {}) {
  return { group, name, op: () => propagator.inject(context, outgoing(), setter), ...extra };
}

export function injectCases() {
  const withSpan = api.trace.setSpanContext(ROOT, SPAN_CONTEXT);
  const e2e = new pkg.E2EActivityPropagator();
  const extracted = e2e.extract(withSpan, headers({ e2eactivity: ACTIVITY }), getter);
  const withBaggage = api.propagation.setBaggage(ROOT, api.propagation.createBaggage({ userId: { value: 'alice' } }));
  return [
    injecting('W3C traceparent', new core.W3CTraceContextPropagator(), withSpan, { baseline: true }),
    injecting('E2EActivity: forward extracted activity', e2e, extracted, { target: 0.5 }),
    injecting('E2EActivity: from trace id', e2e, withSpan),
    injecting("E2EActivity: generate 'random'", new pkg.E2EActivityPropagator({ generate: 'random' }), ROOT),
    injecting('W3C baggage (1 entry)', new core.W3CBaggagePropagator(), withBaggage),
    injecting('B3 single', new b3.B3Propagator(), withSpan),
  ];
}
