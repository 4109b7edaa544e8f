// What a service actually runs: the composite with and without E2EActivity, extract and inject.
import { core, pkg } from '../lib/modules.mjs';
import { ACTIVITY, BAGGAGE, getter, headers, outgoing, ROOT, setter, TRACEPARENT } from '../lib/fixtures.mjs';

function composite(...extra) {
  return new core.CompositePropagator({
    propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator(), ...extra],
  });
}

export function compositeCases() {
  const without = composite();
  const withE2E = composite(new pkg.E2EActivityPropagator());
  // The default also sends the activity downstream as a baggage entry: this isolates that cost.
  const withE2ENoBaggage = composite(new pkg.E2EActivityPropagator({ baggageKey: false }));
  const incoming = headers({ traceparent: TRACEPARENT, baggage: BAGGAGE, e2eactivity: ACTIVITY });
  const extractGroup = 'composite extract (vs tracecontext+baggage)';
  const injectGroup = 'composite inject (vs tracecontext+baggage)';
  const ctxWithout = without.extract(ROOT, incoming, getter);
  const ctxWith = withE2E.extract(ROOT, incoming, getter);
  const ctxNoBaggage = withE2ENoBaggage.extract(ROOT, incoming, getter);
  return [
    { group: extractGroup, name: 'tracecontext+baggage', op: () => without.extract(ROOT, incoming, getter), baseline: true },
    { group: extractGroup, name: 'tracecontext+baggage+e2eactivity', op: () => withE2E.extract(ROOT, incoming, getter) },
    { group: extractGroup, name: '... e2eactivity with baggageKey:false', op: () => withE2ENoBaggage.extract(ROOT, incoming, getter) },
    { group: injectGroup, name: 'tracecontext+baggage', op: () => without.inject(ctxWithout, outgoing(), setter), baseline: true },
    { group: injectGroup, name: 'tracecontext+baggage+e2eactivity', op: () => withE2E.inject(ctxWith, outgoing(), setter) },
    { group: injectGroup, name: '... e2eactivity with baggageKey:false', op: () => withE2ENoBaggage.inject(ctxNoBaggage, outgoing(), setter) },
  ];
}
