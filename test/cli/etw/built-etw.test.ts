// `e2eactivity etw events` as a user runs it: the built bin in a child process, with real pipes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EtwEvent } from '../../../src/etw/event.js';
import { readEtwEvents } from '../../../src/etw/read-etw-events.js';
import { renderEventXmlDocument } from '../../support/event-xml.js';
import { capturePath } from '../../etw/capture-path.js';

const MAIN = join(__dirname, '../../../build/cjs/cli/main.js');
const CAPTURE = capturePath();

function cli(args: readonly string[], input?: Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [MAIN, ...args], { input, encoding: 'utf8', timeout: 30000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Writes `first` to the command's stdin, waits for the first line on its stdout, and only then writes
 * `rest`: the line can only have come out before the input was complete. Resolves with all the output.
 */
function firstLineBeforeTheRest(args: readonly string[], first: Uint8Array, rest: Uint8Array): Promise<{ firstLine: string; lines: string[]; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('no first line before the rest of the input was written'));
    }, 20000);
    let out = '';
    let firstLine: string | undefined;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      if (firstLine === undefined && out.includes('\n')) {
        firstLine = out.slice(0, out.indexOf('\n'));
        clearTimeout(timer);
        child.stdin.end(rest);
      }
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ firstLine: firstLine ?? '', lines: out.trimEnd().split('\n'), status }));
    child.stdin.write(first);
  });
}

let captureEvents: EtwEvent[];

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  captureEvents = [];
  for await (const event of readEtwEvents(CAPTURE)) captureEvents.push(event);
});

describe('the built e2eactivity etw events', () => {
  it('prints the capture as 2,041 JSON Lines and exits 0', () => {
    const { status, stdout, stderr } = cli(['etw', 'events', CAPTURE, '--json']);
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(captureEvents);
    expect(stderr).toMatch(/^e2eactivity: 2041 events\n/);
  });

  it('says in one line, without a stack trace, what a file that is not a trace looks like, and exits 2', () => {
    expect(cli(['etw', 'events', '-'], new TextEncoder().encode('{"not":"a trace"}\n'))).toEqual({
      status: 2,
      stdout: '',
      stderr: 'e2eactivity: -: not an ETL file or event XML: it looks like JSON\n',
    });
  });

  it('exits 2 on a cut ETL file after printing every intact event', () => {
    const cut = readFileSync(CAPTURE).subarray(0, 8192 * 10 + 1000);
    const { status, stdout, stderr } = cli(['etw', 'events', '-', '--json'], cut);
    expect(status).toBe(2);
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(captureEvents.slice(0, stdout.trimEnd().split('\n').length));
    // One problem line (with the byte offset of the cut buffer), then the summary.
    expect(stderr).toMatch(/^e2eactivity: -: [^\n]*\b8[12]920\b[^\n]*\ne2eactivity: \d+ events\n/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('streams ETL: the first JSON line comes out before the rest of the file is written', async () => {
    const bytes = readFileSync(CAPTURE);
    const { firstLine, lines, status } = await firstLineBeforeTheRest(['etw', 'events', '--json', '-'], bytes.subarray(0, 8192 * 3), bytes.subarray(8192 * 3));
    expect(JSON.parse(firstLine)).toEqual(captureEvents[0]);
    expect(lines).toHaveLength(2041);
    expect(status).toBe(0);
  });

  it('streams event XML the same way', async () => {
    const text = new TextEncoder().encode(renderEventXmlDocument(captureEvents, 'tracerpt', true));
    const { firstLine, lines, status } = await firstLineBeforeTheRest(['etw', 'events', '--json', '-'], text.subarray(0, 20000), text.subarray(20000));
    expect(JSON.parse(firstLine)).toEqual(captureEvents[0]);
    expect(lines.map((line) => JSON.parse(line))).toEqual(captureEvents);
    expect(status).toBe(0);
  });
});
