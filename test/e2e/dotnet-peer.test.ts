// A real .NET peer (Mono): a WCF-style C# client calls the Node.js service, and the Node.js service calls
// a WCF-style C# HttpListener server. Both sides agree on the GUID; the byte order is .NET's.
import { decodeE2EActivity, encodeE2EActivity, traceIdToGuid } from '../../src/index.js';
import { BAD_HEADERS } from '../support/bad-headers.js';
import { Child, runToEnd, startChild, stopAllChildren } from '../support/child.js';
import { wcfHeaderOf } from '../support/dotnet-guid.js';
import { getJson } from '../support/http-get.js';
import { CompiledPrograms, compileDotnet, freePort } from '../support/mono.js';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from '../support/otlp-receiver.js';
import { HopAnswer, hopUrl, Service, startService } from '../support/service.js';
import { VECTORS } from '../support/vectors.js';

jest.setTimeout(60000);

interface WcfAnswer extends HopAnswer {
  readonly guid: string | null;
}

let receiver: OtlpReceiver;
let programs: CompiledPrograms;
let wcfServer: Child;
let wcfUrl: string;
let node: Service;

async function startWcfServer(): Promise<Child> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startChild('WcfServer', 'mono', [programs.exe('WcfServer'), String(await freePort())]);
    } catch (error) {
      lastError = error; // the free port was taken in between: try another
    }
  }
  throw lastError;
}

beforeAll(async () => {
  // One at a time, so that a failure leaves nothing unassigned for afterAll to miss.
  programs = await compileDotnet(['WcfClient', 'WcfServer', 'GuidVectors']);
  receiver = await startOtlpReceiver();
  wcfServer = await startWcfServer();
  node = await startService('node', receiver);
  wcfUrl = `http://127.0.0.1:${(wcfServer.ready as { port: number }).port}/`;
});

afterAll(async () => {
  await stopAllChildren();
  await receiver?.close();
  programs?.dispose();
});

async function mono(program: string, args: readonly string[]): Promise<string[]> {
  const run = await runToEnd('mono', [programs.exe(program), ...args], { timeoutMs: 20000 });
  if (run.code !== 0) throw new Error(`mono ${program} failed (exit ${run.code}):\n${run.output}`);
  return run.stdout.trim().split('\n');
}

async function spansOfTrace(traceId: string, count: number): Promise<ReceivedSpan[]> {
  const spans = await receiver.waitFor((all) => all.filter((s) => s.traceId === traceId).length >= count, 10000, `${count} spans`);
  return spans.filter((span) => span.traceId === traceId);
}

describe('byte order through Mono', () => {
  it("Guid.ToByteArray gives the facts table's headers, and the package agrees both ways", async () => {
    const lines = await mono('GuidVectors', VECTORS.map((vector) => vector.guid));
    expect(lines).toEqual(VECTORS.map((vector) => `${vector.guid} ${vector.header}`));
    for (const vector of VECTORS) {
      expect(encodeE2EActivity(vector.guid)).toBe(vector.header);
      expect(wcfHeaderOf(vector.guid)).toBe(vector.header);
    }
  });

  it("new Guid(bytes) reads the big-endian encoding as a different GUID, as the package does", async () => {
    const headers = VECTORS.flatMap((vector) => [vector.header, vector.bigEndianHeader]);
    const lines = await mono('GuidVectors', ['--decode', ...headers]);
    expect(lines).toEqual(headers.map((header) => `${header} ${decodeE2EActivity(header)}`));
    expect(lines[1]).toBe('EA9E1MesRdyY95dMBk1h3Q== d4440f10-acc7-dc45-98f7-974c064d61dd');
  });

  it('100 Guid.NewGuid() values decode to themselves in the package', async () => {
    const lines = await mono('GuidVectors', ['--random', '100']);
    expect(lines).toHaveLength(100);
    for (const line of lines) {
      const [guid, header] = line.split(' ');
      expect({ header, decoded: decodeE2EActivity(header) }).toEqual({ header: wcfHeaderOf(guid), decoded: guid });
    }
  });
});

describe('a WCF client calling the Node.js service', () => {
  it("gets its guid.ToString() on the Node.js spans and all the way to a WCF server behind it", async () => {
    const lines = await mono('WcfClient', [hopUrl(node, 'http', wcfUrl)]);
    const field = (name: string): string => (lines.find((line) => line.startsWith(`${name} `)) ?? '').slice(name.length + 1);
    const guid = field('GUID');
    const answer = JSON.parse(field('BODY')) as HopAnswer & { next: WcfAnswer };

    expect(field('STATUS')).toBe('200');
    expect(field('HEADER')).toBe(wcfHeaderOf(guid));
    // WCF sends the activity and nothing else that a Node.js propagator reads.
    expect(answer.received).toEqual({ e2eactivity: field('HEADER') });
    expect(answer.next.received.e2eactivity).toBe(field('HEADER'));
    expect(answer.next.guid).toBe(guid);

    const spans = await receiver.waitFor(
      (all) => all.filter((span) => span.serviceName === 'node' && span.attributes['e2eactivity.id'] === guid).length >= 2,
      10000,
      'the server and client spans of the WCF call'
    );
    const mine = spans.filter((span) => span.attributes['e2eactivity.id'] === guid);
    expect(mine.map((span) => span.kind).sort()).toEqual(['client', 'server']);
    expect(mine[0].traceId).toBe(mine[1].traceId);
  });
});

describe.each(['http', 'fetch'] as const)('the Node.js service calling a WCF server with %s', (via) => {
  it('forwards an incoming activity: WCF reads the GUID the client span carries', async () => {
    const guid = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
    const answer = await getJson<HopAnswer & { next: WcfAnswer }>(hopUrl(node, via, wcfUrl), { E2EActivity: wcfHeaderOf(guid) });
    expect(answer.body.next.guid).toBe(guid);
    expect(answer.body.next.received.e2eactivity).toBe(wcfHeaderOf(guid));
  });

  it("starts an activity from the trace id: WCF reads the client span's e2eactivity.id", async () => {
    const answer = await getJson<HopAnswer & { next: WcfAnswer }>(hopUrl(node, via, wcfUrl));
    const wcfGuid = answer.body.next.guid;
    expect(wcfGuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const traceId = (wcfGuid ?? '').replace(/-/g, '');
    const spans = await spansOfTrace(traceId, 2);
    const client = spans.find((span) => span.serviceName === 'node' && span.kind === 'client');
    expect(client?.attributes['e2eactivity.id']).toBe(wcfGuid);
    expect(traceIdToGuid(client?.traceId ?? '')).toBe(wcfGuid);
  });
});

describe("WCF's server on the values no WCF client sends", () => {
  it.each(BAD_HEADERS.map((bad) => [bad.name, bad] as const))('%s', async (_name, bad) => {
    const answer = await getJson<WcfAnswer>(wcfUrl, { E2EActivity: [bad.value].flat() });
    expect(answer.status).toBe(200);
    expect(answer.body.guid ?? undefined).toBe(bad.onMono ?? bad.wcf);
  });
});
