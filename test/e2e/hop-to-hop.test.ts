// The activity across real processes: what came in as E2EActivity goes out unchanged on node:http and
// fetch calls, and survives a service that propagates only traceparent and baggage.
import { stopAllChildren } from '../support/child.js';
import { distinctGuids, wcfHeaderOf } from '../support/dotnet-guid.js';
import { getJson } from '../support/http-get.js';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from '../support/otlp-receiver.js';
import { HopAnswer, hopUrl, Service, startService } from '../support/service.js';

jest.setTimeout(60000);

let receiver: OtlpReceiver;
let front: Service;
let middle: Service;
let back: Service;
let echo: Service;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  [front, middle, back, echo] = await Promise.all([
    startService('front', receiver),
    // A service that does not know E2EActivity: it forwards only what W3C propagators carry.
    startService('middle', receiver, { OTEL_PROPAGATORS: 'tracecontext,baggage' }),
    startService('back', receiver),
    startService('echo', receiver),
  ]);
});

afterAll(async () => {
  await stopAllChildren();
  await receiver.close();
});

/** The spans of one trace, once `count` of them have arrived. */
async function traceOf(traceId: () => string | undefined, count: number): Promise<ReceivedSpan[]> {
  const spans = await receiver.waitFor(
    (all) => all.filter((span) => span.traceId === traceId()).length >= count,
    10000,
    `${count} spans in one trace`
  );
  return spans.filter((span) => span.traceId === traceId());
}

function only(spans: readonly ReceivedSpan[], service: string, kind: string): ReceivedSpan {
  const found = spans.filter((span) => span.serviceName === service && span.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}

describe.each(['http', 'fetch'] as const)('an outgoing %s call', (via) => {
  it('carries the incoming E2EActivity value unchanged, and every span of the trace has the GUID', async () => {
    const [guid] = distinctGuids(1);
    const header = wcfHeaderOf(guid);
    const answer = await getJson<HopAnswer>(hopUrl(front, via, echo.url), { E2EActivity: header });

    expect(answer.status).toBe(200);
    expect(answer.body.received.e2eactivity).toBe(header);
    expect(answer.body.next?.received.e2eactivity).toBe(header);
    expect(answer.body.next?.received.baggage).toContain(`e2eactivity.id=${guid}`);

    const traceId = answer.body.next?.received.traceparent?.split('-')[1];
    const spans = await traceOf(() => traceId, 3);
    const server = only(spans, 'front', 'server');
    const client = only(spans, 'front', 'client');
    const downstream = only(spans, 'echo', 'server');
    expect(client.parentSpanId).toBe(server.spanId);
    expect(downstream.parentSpanId).toBe(client.spanId);
    for (const span of [server, client, downstream]) expect(span.attributes['e2eactivity.id']).toBe(guid);
  });
});

it('survives a service that forwards only traceparent and baggage, and is re-emitted after it', async () => {
  const [guid] = distinctGuids(1);
  const header = wcfHeaderOf(guid);
  // front --http--> middle (tracecontext,baggage only) --fetch--> back --http--> echo
  const url = hopUrl(front, 'http', hopUrl(middle, 'fetch', hopUrl(back, 'http', echo.url)));
  const answer = await getJson<HopAnswer>(url, { E2EActivity: header });

  expect(answer.status).toBe(200);
  const atMiddle = answer.body.next;
  const atBack = atMiddle?.next;
  const atEcho = atBack?.next;
  expect(atMiddle?.received.e2eactivity).toBe(header);
  expect(atBack?.received.e2eactivity).toBeUndefined();
  expect(atBack?.received.traceparent).toBeDefined();
  expect(atBack?.received.baggage).toContain(`e2eactivity.id=${guid}`);
  expect(atEcho?.received.e2eactivity).toBe(header);

  const traceId = atEcho?.received.traceparent?.split('-')[1];
  const spans = await traceOf(() => traceId, 7);
  for (const service of ['front', 'middle', 'back', 'echo']) {
    expect(only(spans, service, 'server').attributes['e2eactivity.id']).toBe(guid);
  }
  // Client spans: middle's gets the GUID from the baggage (span processor), back's from inject as well.
  expect(only(spans, 'middle', 'client').attributes['e2eactivity.id']).toBe(guid);
  expect(only(spans, 'back', 'client').attributes['e2eactivity.id']).toBe(guid);
});
