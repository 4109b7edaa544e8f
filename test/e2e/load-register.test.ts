// The other ways to load register: NODE_OPTIONS for a CommonJS app, and an ES module app (named imports
// from node:http) under --require and under --import. Each must extract, forward and record the activity.
import { stopAllChildren } from '../support/child.js';
import { distinctGuids, wcfHeaderOf } from '../support/dotnet-guid.js';
import { getJson } from '../support/http-get.js';
import { OtlpReceiver, startOtlpReceiver } from '../support/otlp-receiver.js';
import { ESM_SERVICE_FIXTURE, HopAnswer, hopUrl, Preload, SERVICE_FIXTURE, Service, startService } from '../support/service.js';

jest.setTimeout(60000);

const WAYS: readonly (readonly [string, string, Preload])[] = [
  ['cjs-node-options', SERVICE_FIXTURE, 'NODE_OPTIONS'],
  ['esm-require', ESM_SERVICE_FIXTURE, '--require'],
  ['esm-import', ESM_SERVICE_FIXTURE, '--import'],
];

let receiver: OtlpReceiver;
let echo: Service;
const services = new Map<string, Service>();

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const started = await Promise.all([
    startService('echo', receiver),
    ...WAYS.map(([name, fixture, preload]) => startService(name, receiver, {}, { fixture, preload })),
  ]);
  echo = started[0];
  for (const service of started.slice(1)) services.set(service.name, service);
});

afterAll(async () => {
  await stopAllChildren();
  await receiver.close();
});

describe.each(WAYS.flatMap(([name]) => (['http', 'fetch'] as const).map((via) => [name, via] as const)))('%s, outgoing %s', (name, via) => {
  it('records the incoming activity and forwards it unchanged', async () => {
    const [guid] = distinctGuids(1);
    const header = wcfHeaderOf(guid);
    const answer = await getJson<HopAnswer>(hopUrl(services.get(name)?.url ?? '', via, echo.url), { E2EActivity: header });

    expect(answer.status).toBe(200);
    expect(answer.body.next?.received.e2eactivity).toBe(header);
    const spans = await receiver.waitFor(
      (all) => all.filter((span) => span.serviceName === name && span.attributes['e2eactivity.id'] === guid).length >= 2,
      10000,
      `the server and client spans of ${name}`
    );
    const mine = spans.filter((span) => span.serviceName === name && span.attributes['e2eactivity.id'] === guid);
    expect(mine.map((span) => span.kind).sort()).toEqual(['client', 'server']);
  });
});
