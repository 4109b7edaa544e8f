import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EtwEvent, EtwProblem } from '../../src/etw/event.js';
import { ETW_SPANS_LINE, runEtwSpans, type EtwSpansIo, type ReadEvents } from '../../src/cli/etw-spans/run-etw-spans.js';
import type { EtwSpansRequest } from '../../src/cli/etw-spans/request.js';
import { decodeJsonExport, type ReceivedSpan } from '../support/otlp-decode.js';
import { capturePath } from '../etw/capture-path.js';
import { runToEnd, stopAllChildren } from '../support/child.js';
import { startOtlpReceiver } from '../support/otlp-receiver.js';
import { etlOf } from '../support/etw-capture-files.js';
import { assertJoinCases, joinCaptureEvents } from '../support/etw-join-capture.js';

interface Run {
  status: number;
  out: string;
  err: string;
}

function fakeReader(files: Record<string, { events: EtwEvent[]; problems?: EtwProblem[] }>): ReadEvents {
  return async function* read(source, onProblem) {
    const input = files[source as string];
    const half = Math.floor(input.events.length / 2);
    yield* input.events.slice(0, half);
    for (const problem of input.problems ?? []) onProblem(problem);
    yield* input.events.slice(half);
  };
}

async function run(request: Partial<EtwSpansRequest>, read: ReadEvents, env: Record<string, string> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const io: EtwSpansIo = { out: async (t) => void (out += t), err: async (t) => void (err += t), env };
  const status = await runEtwSpans({ kind: 'etw-spans', files: ['capture.etl'], ...request }, io, read);
  return { status, out, err };
}

const spansOfLines = (text: string): ReceivedSpan[] =>
  text.trim().split('\n').flatMap((line) => decodeJsonExport(Buffer.from(line)));

describe('etw spans: OTLP JSON Lines', () => {
  const read = fakeReader({ 'capture.etl': { events: joinCaptureEvents() } });

  it('writes the three join cases as OTLP JSON with hex ids, to standard output by default', async () => {
    const { status, out, err } = await run({}, read);
    expect(status).toBe(0);
    assertJoinCases(spansOfLines(out));
    expect(err).toContain('2 Http.sys requests');
    expect(err).toMatch(/1 matched to a WCF activity by process, time and URL; 1 unmatched, 1 of them ambiguous\); 4 WCF activities; 0 unfinished; 9 spans/);
    expect(err).toContain('9 spans written as OTLP JSON to standard output');
  });

  it('writes one ExportTraceServiceRequest per line, as otlpjsonfile reads, to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'etw-spans-'));
    try {
      const file = join(dir, 'spans.jsonl');
      const { status, out } = await run({ out: file }, read);
      expect(status).toBe(0);
      expect(out).toBe('');
      const text = readFileSync(file, 'utf8');
      const first = JSON.parse(text.split('\n')[0]);
      const span = first.resourceSpans[0].scopeSpans[0].spans[0];
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(span.startTimeUnixNano).toMatch(/^\d{19}$/);
      expect(first.resourceSpans[0].scopeSpans[0].scope.name).toBe('opentelemetry-propagator-e2eactivity/etw');
      assertJoinCases(spansOfLines(text));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws a progress line on a terminal and erases it before the summary', async () => {
    let err = '';
    const io: EtwSpansIo = { out: async () => undefined, err: async (t) => void (err += t), env: {}, stderrIsTTY: true };
    expect(await runEtwSpans({ kind: 'etw-spans', files: ['capture.etl'] }, io, read)).toBe(0);
    expect(err.startsWith('\retw spans: 9 spans\r\u001b[K')).toBe(true);
  });

  it('names the service with --service-name', async () => {
    const { out } = await run({ serviceName: 'windows-web01' }, read);
    expect(new Set(spansOfLines(out).map((s) => s.serviceName))).toEqual(new Set(['windows-web01']));
  });

  it('reports the damaged parts again in the summary, writes the intact spans and exits 2', async () => {
    const problems: EtwProblem[] = [
      { format: 'etl', message: 'buffer header damaged; skipped to the next buffer', offset: 65536 },
      { format: 'etl', message: 'record size 0 past the end of the buffer', offset: 131072 },
    ];
    const damaged = fakeReader({ 'capture.etl': { events: joinCaptureEvents(), problems } });
    const { status, out, err } = await run({}, damaged);
    expect(status).toBe(2);
    assertJoinCases(spansOfLines(out));
    const summary = err.slice(err.indexOf('etw spans:'));
    expect(summary).toContain('2 damaged or malformed parts in the input');
    expect(summary).toContain('capture.etl: offset 65536: buffer header damaged');
    expect(summary).toContain('capture.etl: offset 131072: record size 0');
  });

  it('merges several files by time', async () => {
    const events = joinCaptureEvents();
    const client = events.filter((e) => e.processId === 3120);
    const rest = events.filter((e) => e.processId !== 3120);
    const two = fakeReader({ 'client.etl': { events: client }, 'web.etl': { events: rest } });
    const { status, out } = await run({ files: ['web.etl', 'client.etl'] }, two);
    expect(status).toBe(0);
    assertJoinCases(spansOfLines(out));
  });

  it.each([
    [{ protocol: 'thrift' }, 'unknown protocol "thrift"'],
    [{ endpoint: 'localhost:4318' }, '--endpoint must be an http:// or https:// URL'],
  ])('rejects %j with exit 1', async (request, message) => {
    const { status, err } = await run(request, read);
    expect(status).toBe(1);
    expect(err).toContain(message);
  });
});

describe('etw spans: batches through a span exporter, in process', () => {
  const read = fakeReader({ 'capture.etl': { events: joinCaptureEvents() } });
  const exportRun = async (exporter: InMemorySpanExporter, request: Partial<EtwSpansRequest> = {}) => {
    let out = '';
    let err = '';
    const io: EtwSpansIo = { out: async (t) => void (out += t), err: async (t) => void (err += t), env: {} };
    const status = await runEtwSpans({ kind: 'etw-spans', files: ['capture.etl'], endpoint: 'http://127.0.0.1:4318', ...request }, io, read, () => exporter);
    return { status, out, err };
  };

  it("hands every span to the exporter (the SDK's InMemorySpanExporter) and counts them", async () => {
    const exporter = new InMemorySpanExporter();
    const spans: ReadableSpan[] = [];
    const keep = exporter.export.bind(exporter);
    exporter.export = (batch, done) => {
      spans.push(...batch);
      keep(batch, done);
    };
    const { status, out, err } = await exportRun(exporter);
    expect(status).toBe(0);
    expect(out).toBe('');
    expect(spans).toHaveLength(9);
    expect(err).toContain('9 spans exported to http://127.0.0.1:4318, 0 failed');
  });

  it('writes OTLP JSON to --out - as well when asked, besides the export', async () => {
    const { status, out } = await exportRun(new InMemorySpanExporter(), { out: '-' });
    expect(status).toBe(0);
    assertJoinCases(spansOfLines(out));
  });

  it('counts the spans of failed batches as lost and exits 3', async () => {
    const exporter = new InMemorySpanExporter();
    await exporter.shutdown(); // a stopped exporter fails every export, as a real one does when it cannot send
    const { status, err } = await exportRun(exporter);
    expect(status).toBe(3);
    expect(err).toMatch(/0 spans exported to http:\/\/127\.0\.0\.1:4318, 9 failed\n {2}export failed: 9 spans lost \(.+\)/);
  });
});

describe('etw spans: standard input', () => {
  it("reads - from the io's standard input bytes", async () => {
    const bytes = etlOf(joinCaptureEvents(), 'WEB01');
    let out = '';
    const io: EtwSpansIo = { out: async (t) => void (out += t), err: async () => undefined, env: {}, stdinBytes: async function* () { yield bytes; } };
    expect(await runEtwSpans({ kind: 'etw-spans', files: ['-'] }, io)).toBe(0);
    assertJoinCases(spansOfLines(out));
  });
});

// The exporters load node:http with a dynamic import(), which Jest's sandbox cannot run: these run the
// built `e2eactivity etw spans` in a child process, on the capture written as two .etl files.
describe('etw spans: export through the official OTLP exporters', () => {
  const CLI = join(__dirname, '..', '..', 'build', 'cjs', 'cli', 'main.js');
  let dir: string;
  let captures: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'etw-spans-'));
    const events = joinCaptureEvents();
    captures = [join(dir, 'web01.etl'), join(dir, 'client01.etl')];
    writeFileSync(captures[0], etlOf(events.filter((e) => e.processId !== 3120), 'WEB01'));
    writeFileSync(captures[1], etlOf(events.filter((e) => e.processId === 3120), 'CLIENT01'));
  });
  afterAll(async () => {
    await stopAllChildren();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[], env: Record<string, string> = {}) =>
    runToEnd(process.execPath, [CLI, 'etw', 'spans', ...captures, ...args], { env, timeoutMs: 60000 });

  it.each(['http/protobuf', 'http/json'])('exports the join cases over %s to an OTLP receiver', async (protocol) => {
    const receiver = await startOtlpReceiver();
    try {
      const run = await cli(['--endpoint', receiver.endpoint, '--protocol', protocol]);
      expect(run.output).toContain(`9 spans exported to ${receiver.endpoint}, 0 failed`);
      expect(run).toMatchObject({ code: 0, stdout: '' });
      expect(receiver.errors).toEqual([]);
      assertJoinCases(receiver.spans);
    } finally {
      await receiver.close();
    }
  });

  it('exports where OTEL_EXPORTER_OTLP_ENDPOINT says, the exporter reading the environment itself', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const run = await cli([], { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
      expect(run).toMatchObject({ code: 0, stdout: '' });
      assertJoinCases(receiver.spans);
      expect(new Set(receiver.spans.map((s) => s.encoding))).toEqual(new Set(['json']));
    } finally {
      await receiver.close();
    }
  });

  it('says how many spans were lost when the collector is unreachable, and exits 3', async () => {
    const receiver = await startOtlpReceiver();
    await receiver.close();
    const run = await cli(['--endpoint', receiver.endpoint, '--protocol', 'http/json']);
    expect(run.code).toBe(3);
    expect(run.output).toContain(`0 spans exported to ${receiver.endpoint}, 9 failed`);
    expect(run.output).toContain('export failed: 9 spans lost');
  });
});

describe('etw spans: lines of the real capture', () => {
  it(`writes lines of at most ${ETW_SPANS_LINE} spans to --out, every span once`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'etw-spans-lines-'));
    try {
      const file = join(dir, 'spans.jsonl');
      const io: EtwSpansIo = { out: async () => undefined, err: async () => undefined, env: {} };
      expect(await runEtwSpans({ kind: 'etw-spans', files: [capturePath()], out: file }, io)).toBe(0);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      const perLine = lines.map((line) => decodeJsonExport(Buffer.from(line)).length);
      expect(perLine).toEqual([ETW_SPANS_LINE, ETW_SPANS_LINE, 291 - 2 * ETW_SPANS_LINE]);
      expect(new Set(spansOfLines(lines.join('\n')).map((span) => span.spanId)).size).toBe(291);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('etw spans: the real capture from the command line', () => {
  const CLI = join(__dirname, '..', '..', 'build', 'cjs', 'cli', 'main.js');

  it('writes the 291 Http.sys spans of HTTP_Server.etl as OTLP JSON Lines (the documented one-liner)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'etw-spans-real-'));
    try {
      const out = join(dir, 'http-server.jsonl');
      const run = await runToEnd(process.execPath, [CLI, 'etw', 'spans', capturePath(), '--out', out], { timeoutMs: 60000 });
      expect(run).toMatchObject({ code: 0, stdout: '' });
      expect(run.output).toContain('2,041 events; 291 Http.sys requests (0 matched');
      expect(run.output).toContain(`291 spans written as OTLP JSON to ${out}`);
      expect(spansOfLines(readFileSync(out, 'utf8'))).toHaveLength(291);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
