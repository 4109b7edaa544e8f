// The Node.js side and the Windows side together: the demo runs its Node.js services with adoptTraceId,
// imports its synthetic Windows capture for the same GUIDs and exports everything over OTLP to a receiver
// here. Every activity must be one trace, and no span's parent may be missing.
import { join } from 'node:path';
import { runToEnd, stopAllChildren } from '../support/child.js';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from '../support/otlp-receiver.js';
import { requireRegisterBuild } from '../support/service.js';

const DEMO = join(__dirname, '..', '..', 'examples', 'demo', 'demo.cjs');
const GUIDS = ['100f44d4-c7ac-45dc-98f7-974c064d61dd', 'b5016019-02f6-4b0c-b887-139947bb1619', '00112233-4455-6677-8899-aabbccddeeff'];

let receiver: OtlpReceiver;
let output: string;

beforeAll(async () => {
  requireRegisterBuild();
  receiver = await startOtlpReceiver();
  const run = await runToEnd(process.execPath, [DEMO], {
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
    timeoutMs: 90000,
  });
  output = run.output;
  expect(run).toMatchObject({ code: 0 });
}, 120000);

afterAll(async () => {
  await stopAllChildren();
  await receiver.close();
});

describe('the demo: Node.js spans and the synthetic Windows capture in one trace per activity', () => {
  it('says on screen that the Windows capture is synthetic', () => {
    expect(output).toContain('a SYNTHETIC ETW capture, not from a real Windows machine');
  });

  it.each(GUIDS)('exports activity %s as one trace from the WCF client through Node.js to the WCF service, no parent missing', (guid) => {
    const traceId = guid.replace(/-/g, '');
    const tagged = receiver.spans.filter((s) => s.attributes['e2eactivity.id'] === guid);
    expect(new Set(tagged.map((s) => s.traceId))).toEqual(new Set([traceId]));
    const trace = receiver.spans.filter((s) => s.traceId === traceId);
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => s.parentSpanId !== undefined && !ids.has(s.parentSpanId))).toEqual([]);
    const roots = trace.filter((s) => s.parentSpanId === undefined);
    expect(roots.map((s) => `${s.serviceName} ${s.kind}`)).toEqual(['wcf-client client']);

    const one = (test: (s: ReceivedSpan) => boolean): ReceivedSpan => {
      const found = trace.filter(test);
      expect(found).toHaveLength(1);
      return found[0];
    };
    const wcfClient = roots[0];
    const orders = one((s) => s.serviceName === 'e2eactivity-demo' && s.kind === 'server' && String(s.attributes['url.path'] ?? s.attributes['http.target']).startsWith('/orders'));
    const stockCall = one((s) => s.kind === 'client' && String(s.attributes['url.full'] ?? s.attributes['http.url']).includes('/Stock/'));
    const httpSys = one((s) => s.serviceName === 'http.sys');
    const message = one((s) => s.name === 'WCF GetStock');
    expect(orders.parentSpanId).toBe(wcfClient.spanId);
    expect(httpSys.parentSpanId).toBe(stockCall.spanId);
    expect(httpSys.attributes['windows.httpsys.match']).toBe('heuristic');
    expect(message.parentSpanId).toBe(httpSys.spanId);
    expect(trace).toHaveLength(8);
  });
});
