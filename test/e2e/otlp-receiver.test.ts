// The test receiver against the real OTLP exporters: what the SDK recorded is what the receiver keeps,
// over OTLP/JSON (exporter-trace-otlp-http) and OTLP/protobuf (exporter-trace-otlp-proto).
import { join } from 'node:path';
import { runToEnd, stopAllChildren } from '../support/child.js';
import { OtlpReceiver, startOtlpReceiver } from '../support/otlp-receiver.js';

const EXPORT_SPANS = join(__dirname, 'fixtures', 'export-spans.js');
const KIND_NAMES = ['internal', 'server', 'client', 'producer', 'consumer'];

interface RecordedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

let receiver: OtlpReceiver;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});

afterAll(async () => {
  await stopAllChildren();
  await receiver.close();
});

describe.each(['json', 'protobuf'] as const)('OTLP/%s from the real exporter', (encoding) => {
  it('keeps ids, parents, names, kinds and flattened attributes as the SDK recorded them', async () => {
    const before = receiver.spans.length;
    const errors = receiver.errors.length;
    const run = await runToEnd(process.execPath, [EXPORT_SPANS, encoding, receiver.tracesUrl], { timeoutMs: 15000 });
    expect(run).toMatchObject({ code: 0 });
    const recorded = JSON.parse(run.stdout) as RecordedSpan[];

    expect(recorded).toHaveLength(3);
    const mine = receiver.spans.slice(before);
    expect(receiver.errors.slice(errors)).toEqual([]);
    expect(mine).toHaveLength(3);
    for (const span of recorded) {
      expect(mine.find((stored) => stored.spanId === span.spanId)).toEqual({
        encoding,
        serviceName: expect.stringMatching(/^unknown_service/),
        scope: 'otlp-receiver-test',
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId,
        name: span.name,
        kind: KIND_NAMES[span.kind],
        attributes: span.attributes,
      });
    }
    expect(mine.find((span) => span.kind === 'server')?.attributes).toEqual({
      'e2eactivity.id': '100f44d4-c7ac-45dc-98f7-974c064d61dd',
      'http.response.status_code': 200,
      'test.ratio': 0.5,
      'test.ok': true,
      'test.list': ['a', 'b'],
    });
    expect(new Set(mine.map((span) => span.traceId)).size).toBe(1);
    expect(mine.filter((span) => span.parentSpanId === undefined)).toHaveLength(1);
  });
});

describe('what a collector refuses', () => {
  const badTraceId = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'EA9E1MesRdyY95dMBk1h3Q==', spanId: '98f7974c064d61dd' }] }] }] };
  it.each([
    ['not JSON', 'application/json', '{'],
    ['a base64 (not hex) trace id in JSON', 'application/json', JSON.stringify(badTraceId)],
    ['an unknown content type', 'text/plain', 'hello'],
    ['malformed protobuf', 'application/x-protobuf', Buffer.from([0xff, 0xff, 0xff])],
  ])('answers 400 to %s and keeps nothing', async (_what, contentType, body) => {
    const before = receiver.spans.length;
    const errors = receiver.errors.length;
    const response = await fetch(receiver.tracesUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect(response.status).toBe(400);
    expect(receiver.spans).toHaveLength(before);
    expect(receiver.errors).toHaveLength(errors + 1);
  });
});
