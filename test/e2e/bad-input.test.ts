// E2EActivity values no WCF client sends, over the wire to a real service: every request is answered
// normally, and the server span carries no activity (except the documented first-of-a-duplicate case).
import { stopAllChildren } from '../support/child.js';
import { BAD_HEADERS, CONTROL } from '../support/bad-headers.js';
import { getJson } from '../support/http-get.js';
import { OtlpReceiver, startOtlpReceiver } from '../support/otlp-receiver.js';
import { HopAnswer, requestQuery, Service, startService } from '../support/service.js';

jest.setTimeout(60000);

let receiver: OtlpReceiver;
let service: Service;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  service = await startService('bad-input', receiver);
});

afterAll(async () => {
  await stopAllChildren();
  await receiver.close();
});

it('answers every request normally and records only what the documented rules accept', async () => {
  const cases = [...BAD_HEADERS.map((bad, n) => ({ ...bad, id: `bad-${n}` })), { name: 'control', value: CONTROL.value, node: CONTROL.guid, id: 'control' }];
  const answers = await Promise.all(cases.map(({ id, value }) => getJson<HopAnswer>(`${service.url}/?case=${id}`, { E2EActivity: [value].flat() })));

  expect(answers.map((answer) => answer.status)).toEqual(cases.map(() => 200));
  // What Node.js handed the application: duplicates joined with ", ".
  expect(answers.map((answer) => answer.body.received.e2eactivity)).toEqual(cases.map(({ value }) => [value].flat().join(', ')));

  const spans = await receiver.waitFor(
    (all) => all.filter((span) => span.kind === 'server').length >= cases.length,
    10000,
    `${cases.length} server spans`
  );
  const recorded = Object.fromEntries(
    spans.filter((span) => span.kind === 'server').map((span) => [requestQuery(span).get('case'), span.attributes['e2eactivity.id']])
  );
  expect(Object.keys(recorded)).toHaveLength(cases.length);
  for (const { id, name, node } of cases) expect({ name, recorded: recorded[id] }).toEqual({ name, recorded: node });
});
