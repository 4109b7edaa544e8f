// The three join cases through the real readers: the synthetic capture written as .etl files (one per
// machine, merged by time) and as event XML, imported by the `etw spans` command into OTLP JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEtwSpans, type EtwSpansIo } from '../../src/cli/etw-spans/run-etw-spans.js';
import { decodeJsonExport, type ReceivedSpan } from '../support/otlp-decode.js';
import { etlOf, eventXmlOf } from '../support/etw-capture-files.js';
import { assertJoinCases, joinCaptureEvents } from '../support/etw-join-capture.js';

let dir: string;
const events = joinCaptureEvents();
const client = events.filter((e) => e.processId === 3120);
const web = events.filter((e) => e.processId !== 3120);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'etw-spans-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function spansCommand(files: string[]): Promise<{ status: number; spans: ReceivedSpan[]; err: string }> {
  let out = '';
  let err = '';
  const io: EtwSpansIo = { out: async (t) => void (out += t), err: async (t) => void (err += t), env: {} };
  const status = await runEtwSpans({ kind: 'etw-spans', files }, io);
  return { status, spans: out.trim().split('\n').filter((line) => line !== '').flatMap((line) => decodeJsonExport(Buffer.from(line))), err };
}

describe('etw spans on synthetic captures through the real readers', () => {
  it.each([8, 4] as const)('joins the three cases from two %i-byte-pointer .etl files, one per machine', async (pointerSize) => {
    const files = [join(dir, `web-${pointerSize}.etl`), join(dir, `client-${pointerSize}.etl`)];
    writeFileSync(files[0], etlOf(web, 'WEB01', pointerSize));
    writeFileSync(files[1], etlOf(client, 'CLIENT01', pointerSize));
    const { status, spans, err } = await spansCommand(files);
    expect(err).toContain('30 events; 2 Http.sys requests');
    expect(status).toBe(0);
    assertJoinCases(spans);
    const hosts = new Set(spans.map((s) => `${s.serviceName}@${s.attributes['process.pid']}`));
    expect(hosts).toContain('wcf-client@3120');
  });

  it('joins the three cases from tracerpt event XML', async () => {
    const file = join(dir, 'capture.xml');
    writeFileSync(file, eventXmlOf(events));
    const { status, spans } = await spansCommand([file]);
    expect(status).toBe(0);
    assertJoinCases(spans);
  });

  it('reports a damaged buffer in the summary, exits 2 and still writes the spans of the intact buffers', async () => {
    const bytes = etlOf(web, 'WEB01', 8, 1024);
    const damaged = bytes.slice();
    // The second data buffer (the first buffer holds the log file header): header and records overwritten.
    const bufferSize = new DataView(bytes.buffer).getUint32(0, true);
    damaged.fill(0xab, 2 * bufferSize, 2 * bufferSize + 200);
    const file = join(dir, 'damaged.etl');
    writeFileSync(file, damaged);
    const { status, spans, err } = await spansCommand([file]);
    expect(status).toBe(2);
    const summary = err.slice(err.indexOf('etw spans:'));
    expect(summary).toMatch(/damaged or malformed parts? in the input/);
    expect(summary).toMatch(new RegExp(`damaged\\.etl: offset ${2 * bufferSize}`));
    expect(spans.length).toBeGreaterThan(0);
    const read = Number(/etw spans: (\d+) events/.exec(summary)?.[1]);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(web.length);
  });

  it('says what a file that is neither ETL nor event XML looks like, and exits 2', async () => {
    const file = join(dir, 'notes.json');
    writeFileSync(file, '{"not":"etw"}');
    const { status, err } = await spansCommand([file]);
    expect(status).toBe(2);
    expect(err).toMatch(/stopped: .*JSON/i);
  });
});
