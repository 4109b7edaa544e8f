// OTEL_E2EACTIVITY_ADOPT_TRACE_ID=true in a real service: without traceparent the server span continues
// the trace whose id is the GUID's hex digits; a traceparent always wins.
import { randomBytes } from 'node:crypto';
import { stopAllChildren } from '../support/child.js';
import { distinctGuids, traceIdOf, wcfHeaderOf } from '../support/dotnet-guid.js';
import { getJson, RawHeaders } from '../support/http-get.js';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from '../support/otlp-receiver.js';
import { requestQuery, Service, startService } from '../support/service.js';

jest.setTimeout(60000);

let receiver: OtlpReceiver;
let adopting: Service;
let plain: Service;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  [adopting, plain] = await Promise.all([
    startService('adopting', receiver, { OTEL_E2EACTIVITY_ADOPT_TRACE_ID: 'true' }),
    startService('plain', receiver),
  ]);
});

afterAll(async () => {
  await stopAllChildren();
  await receiver.close();
});

/** Sends one request tagged `?id=<tag>` and returns its server span once exported. */
async function serverSpanOf(service: Service, tag: string, headers: RawHeaders): Promise<ReceivedSpan> {
  const answer = await getJson(`${service.url}/?id=${tag}`, headers);
  expect(answer.status).toBe(200);
  const isMine = (span: ReceivedSpan): boolean =>
    span.serviceName === service.name && span.kind === 'server' && requestQuery(span).get('id') === tag;
  const spans = await receiver.waitFor((all) => all.some(isMine), 10000, `the server span of request ${tag}`);
  return spans.filter(isMine)[0];
}

it("without traceparent, the server span's trace id is the GUID's 32 hex digits", async () => {
  const [guid] = distinctGuids(1);
  const span = await serverSpanOf(adopting, 'no-traceparent', { E2EActivity: wcfHeaderOf(guid) });

  expect(span.traceId).toBe(traceIdOf(guid));
  // The adopted remote parent: the trace id's low 16 digits (documented in the propagator).
  expect(span.parentSpanId).toBe(traceIdOf(guid).slice(16));
  expect(span.attributes['e2eactivity.id']).toBe(guid);
});

it('puts every request of one activity into the same trace', async () => {
  const [guid] = distinctGuids(1);
  const first = await serverSpanOf(adopting, 'same-activity-1', { E2EActivity: wcfHeaderOf(guid) });
  const second = await serverSpanOf(adopting, 'same-activity-2', { E2EActivity: wcfHeaderOf(guid) });
  expect(second.traceId).toBe(first.traceId);
  expect(second.spanId).not.toBe(first.spanId);
});

it("with traceparent, the server span continues the traceparent's trace", async () => {
  const [guid] = distinctGuids(1);
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  const span = await serverSpanOf(adopting, 'with-traceparent', {
    traceparent: `00-${traceId}-${parentId}-01`,
    E2EActivity: wcfHeaderOf(guid),
  });

  expect(span.traceId).toBe(traceId);
  expect(span.parentSpanId).toBe(parentId);
  expect(span.attributes['e2eactivity.id']).toBe(guid);
});

it('without the option, the trace id is a fresh one, not the GUID', async () => {
  const [guid] = distinctGuids(1);
  const span = await serverSpanOf(plain, 'not-adopting', { E2EActivity: wcfHeaderOf(guid) });

  expect(span.traceId).not.toBe(traceIdOf(guid));
  expect(span.parentSpanId).toBeUndefined();
  expect(span.attributes['e2eactivity.id']).toBe(guid);
});
