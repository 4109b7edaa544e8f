// extract with the header present, absent and malformed, ours next to W3C traceparent, W3C baggage and B3.
import { api, b3, core, pkg } from '../lib/modules.mjs';
import { ACTIVITY, B3_SINGLE, BAGGAGE, getter, headers, ROOT, TRACEPARENT } from '../lib/fixtures.mjs';

const group = 'extract (vs W3C traceparent extract, header present)';

function three(label, propagator, header, valid, malformed, targets = {}) {
  const present = headers({ [header]: valid });
  const absent = headers();
  const bad = headers({ [header]: malformed });
  return [
    { group, name: `${label}: present`, op: () => propagator.extract(ROOT, present, getter), target: targets.present },
    { group, name: `${label}: absent`, op: () => propagator.extract(ROOT, absent, getter), target: targets.absent },
    { group, name: `${label}: malformed`, op: () => propagator.extract(ROOT, bad, getter) },
  ];
}

export function extractCases() {
  const tc = new core.W3CTraceContextPropagator();
  const e2eNoBaggage = new pkg.E2EActivityPropagator({ baggageKey: false });
  const present = headers({ e2eactivity: ACTIVITY });
  const e2e = new pkg.E2EActivityPropagator();
  const running = e2e.extract(ROOT, present, getter);
  const cases = [
    ...three('W3C traceparent', tc, 'traceparent', TRACEPARENT, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0'),
    ...three('E2EActivity (default: + baggage)', new pkg.E2EActivityPropagator(), 'e2eactivity', ACTIVITY,
      '1EQPEKzH3EWY95dMBk1h3Q', { present: 1.0, absent: 0.2 }),
    { group, name: 'E2EActivity baggageKey:false: present', op: () => e2eNoBaggage.extract(ROOT, present, getter), target: 0.6 },
    // A consumer that keeps one running context across messages: the merged baggage is flattened.
    { group, name: 'E2EActivity (default): re-extract into its own result', op: () => e2e.extract(running, present, getter) },
    ...three('W3C baggage (1 entry)', new core.W3CBaggagePropagator(), 'baggage', BAGGAGE, '=novalue;;'),
    ...three('B3 single', new b3.B3Propagator(), 'b3', B3_SINGLE, 'not-a-b3-header'),
    // What the issue names as the reason a design is needed: the API's own baggage path, alone.
    {
      group,
      name: 'reference: API createBaggage().setEntry() + setBaggage',
      op: () => api.propagation.setBaggage(ROOT, api.propagation.createBaggage().setEntry('e2eactivity.id', { value: 'x' })),
    },
  ];
  cases[0].baseline = true;
  return cases;
}
