// 200 concurrent requests, 200 distinct activities, one real service under register: every server span
// carries its own request's GUID and no other, and the SIGTERM flush loses none of them.
import { createAgent, getJson } from '../support/http-get.js';
import { distinctGuids, wcfHeaderOf } from '../support/dotnet-guid.js';
import { stopAllChildren } from '../support/child.js';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from '../support/otlp-receiver.js';
import { HopAnswer, requestQuery, Service, startService } from '../support/service.js';

const REQUESTS = 200;
jest.setTimeout(60000);

let receiver: OtlpReceiver;
let service: Service;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // Batches only on shutdown (60 s delay, 512 per batch): every span the receiver gets came from the
  // SIGTERM flush.
  service = await startService('concurrent', receiver, {
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_BSP_SCHEDULE_DELAY: '60000',
  });
});

afterAll(async () => {
  await stopAllChildren();
  await receiver.close();
});

function requestIndex(span: ReceivedSpan): number {
  return Number(requestQuery(span).get('n') ?? -1);
}

it(`${REQUESTS} concurrent requests with distinct GUIDs give ${REQUESTS} server spans, each with its own GUID`, async () => {
  const guids = distinctGuids(REQUESTS);
  const agent = createAgent(REQUESTS);
  const started = Date.now();
  const answers = await Promise.all(
    guids.map((guid, n) => getJson<HopAnswer>(`${service.url}/?n=${n}`, { E2EActivity: wcfHeaderOf(guid) }, { agent }))
  );
  agent.destroy();
  const requestMs = Date.now() - started;

  expect(answers.map((answer) => answer.status)).toEqual(guids.map(() => 200));
  expect(answers.map((answer) => answer.body.received.e2eactivity)).toEqual(guids.map(wcfHeaderOf));
  const beforeShutdown = receiver.spans.length;

  const stopping = Date.now();
  const exit = await service.child.stop('SIGTERM', 15000);
  const shutdownMs = Date.now() - stopping;
  expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);

  const servers = receiver.spans.filter((span) => span.serviceName === 'concurrent' && span.kind === 'server');
  expect(receiver.errors).toEqual([]);
  expect(beforeShutdown).toBe(0);
  expect(servers).toHaveLength(REQUESTS);
  expect(new Set(servers.map((span) => span.traceId)).size).toBe(REQUESTS);
  expect(servers.map(requestIndex).sort((a, b) => a - b)).toEqual(guids.map((_guid, n) => n));
  const mismatches = servers.filter((span) => span.attributes['e2eactivity.id'] !== guids[requestIndex(span)]);
  expect(mismatches).toEqual([]);
  expect(new Set(servers.map((span) => span.attributes['e2eactivity.id'])).size).toBe(REQUESTS);

  process.stdout.write(
    `concurrent: ${REQUESTS} requests in ${requestMs} ms; spans before SIGTERM ${beforeShutdown}; ` +
      `${servers.length} server spans with ${REQUESTS} distinct matching GUIDs after a ${shutdownMs} ms shutdown\n`
  );
});
