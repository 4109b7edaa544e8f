import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_INVALID, EXIT_OK, runCli } from '../../../src/cli/run.js';
import type { EtwEvent } from '../../../src/etw/event.js';
import { readEtwEvents } from '../../../src/etw/read-etw-events.js';
import { capturePath } from '../../etw/capture-path.js';
import { TRACERPT_PARSE_EVENT, typicalRequestWevtutil } from '../../etw/xml/seed-events.js';
import { recordingIo } from './fake-io.js';

const CAPTURE = capturePath();
let dir: string;
let captureEvents: EtwEvent[];

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etw-cli-'));
  captureEvents = [];
  for await (const event of readEtwEvents(CAPTURE)) captureEvents.push(event);
});

describe('e2eactivity etw events', () => {
  it('prints the capture as JSON Lines of the reader records, and a summary on stderr', async () => {
    const io = recordingIo();
    expect(await runCli(['etw', 'events', CAPTURE, '--json'], io)).toBe(EXIT_OK);
    expect(io.stdout.map((line) => JSON.parse(line))).toEqual(captureEvents);
    expect(io.stderr.join('')).toBe(
      'e2eactivity: 2041 events\n' +
        'e2eactivity:        2041  Microsoft-Windows-HttpService\n' +
        'e2eactivity: unknown events (no bundled schema): 0\n' +
        'e2eactivity: time span: 2011-01-23T22:07:27.225759100Z to 2011-01-23T22:07:56.737831900Z (29.512072 s)\n' +
        'e2eactivity: problems: 0\n',
    );
  });

  it('prints one readable line per event', async () => {
    const io = recordingIo();
    expect(await runCli(['etw', 'events', await file('parse.xml', TRACERPT_PARSE_EVENT)], io)).toBe(EXIT_OK);
    expect(io.stdout).toEqual([
      '2007-01-25T19:00:00.123456789Z Microsoft-Windows-HttpService Parse (2 v0) pid 4 tid 2252 activity 80000004-0000-fb00-b63f-84710c7967bb RequestObj=0xFFFFFA8001BB5320 HttpVerb=4 Url=http://localhost:80/RequestQueueTests/\n',
    ]);
    const recvReq = captureEvents.find((e) => e.name === 'RecvReq');
    const line = (await (async () => {
      const io2 = recordingIo({ closeAfter: 3 });
      await runCli(['etw', 'events', CAPTURE], io2);
      return io2.stdout[2];
    })()) as string;
    expect(line).toContain(`RecvReq (1 v0) pid 4 tid 2252 activity ${recvReq?.activityId} related ${recvReq?.relatedActivityId} RequestId=`);
  });

  it('quotes text with spaces and shortens an unknown payload', async () => {
    const system = '<System><Provider Name="Contoso" Guid="{11111111-2222-3333-4444-555555555555}"/><EventID>1</EventID></System>';
    const xml = `<Events><Event>${system}<EventData><Data Name="Text">a b</Data><Data Name="Empty"></Data></EventData></Event><Event>${system}<BinaryEventData>${'AB'.repeat(40)}</BinaryEventData></Event><Event>${system}<BinaryEventData>0102</BinaryEventData></Event></Events>`;
    const io = recordingIo();
    await runCli(['etw', 'events', await file('unknown.xml', xml)], io);
    expect(io.stdout[0]).toMatch(/ event \(1 v0\) .* Text="a b" Empty=""\n$/);
    expect(io.stdout[1]).toMatch(/ payload=(ab){32}\.\.\. \(40 bytes\)\n$/);
    expect(io.stdout[2]).toMatch(/ payload=0102\n$/);
    expect(io.stderr.join('')).toContain('e2eactivity: unknown events (no bundled schema): 3\n');
  });

  it('keeps only the providers asked for, by name or by GUID in any form', async () => {
    for (const provider of ['microsoft-windows-httpservice', '{DD5EF90A-6398-47A4-AD34-4DCECDEF795F}']) {
      const io = recordingIo();
      await runCli(['etw', 'events', CAPTURE, '--provider', 'Contoso', '--provider', provider, '--json'], io);
      expect(io.stdout).toHaveLength(2041);
    }
    const io = recordingIo();
    await runCli(['etw', 'events', CAPTURE, '--provider', 'Contoso'], io);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('')).toMatch(/^e2eactivity: 0 events \(2041 other events left out by --provider\)\n/);
  });

  it('reads standard input for -, ETL or XML alike, and several files in order', async () => {
    const io = recordingIo({ stdin: new TextEncoder().encode(typicalRequestWevtutil()) });
    expect(await runCli(['etw', 'events', '-', await file('parse2.xml', TRACERPT_PARSE_EVENT), '--json'], io)).toBe(EXIT_OK);
    expect(io.stdout.map((line) => (JSON.parse(line) as EtwEvent).name)).toEqual([
      'ConnConnect', 'ConnIdAssgn', 'RecvReq', 'Parse', 'Deliver', 'FastResp', 'FastSend', 'ConnCleanup', 'Parse',
    ]);
    expect(io.stderr.join('')).toMatch(/^e2eactivity: 9 events\ne2eactivity: {11}9 {2}Microsoft-Windows-HttpService\n/);
  });

  it('explains a file that is neither ETL nor event XML in one line, and exits 2', async () => {
    const io = recordingIo();
    const png = await file('e2e.etl', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(await runCli(['etw', 'events', png], io)).toBe(EXIT_INVALID);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([`e2eactivity: ${png}: not an ETL file or event XML: it looks like a PNG image\n`]);
  });

  it.each([
    ['missing.etl', 'no such file'],
    ['.', 'is a directory, not a file'],
  ])('explains an unreadable %s in one line, and exits 2', async (name, why) => {
    const io = recordingIo();
    expect(await runCli(['etw', 'events', join(dir, name)], io)).toBe(EXIT_INVALID);
    expect(io.stderr).toEqual([`e2eactivity: ${join(dir, name)}: ${why}\n`]);
  });

  it('prints the events before malformed XML, then the error with line and column, and exits 2', async () => {
    const bad = await file('bad.xml', TRACERPT_PARSE_EVENT.replace('</Events>', '<Event><System></Event>'));
    const io = recordingIo();
    expect(await runCli(['etw', 'events', bad, '--json'], io)).toBe(EXIT_INVALID);
    expect(io.stdout).toHaveLength(1);
    expect(io.stderr[0]).toBe(`e2eactivity: ${bad}: malformed XML at line 35, column 23: unexpected close tag\n`);
    expect(io.stderr.join('')).toContain('e2eactivity: problems: 1\n');
  });

  it('prints every intact event of a damaged ETL file and each damaged region once with its offset', async () => {
    const damaged = new Uint8Array(readFileSync(CAPTURE));
    damaged.fill(0xff, 8192 * 5, 8192 * 5 + 200);
    const io = recordingIo();
    expect(await runCli(['etw', 'events', await file('damaged.etl', damaged), '--json'], io)).toBe(EXIT_INVALID);
    const intact = new Set(captureEvents.map((e) => JSON.stringify(e)));
    expect(io.stdout.length).toBeGreaterThan(1900);
    expect(io.stdout.filter((line) => !intact.has(line.trimEnd()))).toEqual([]);
    const problems = io.stderr.slice(0, -1);
    expect(io.stderr[io.stderr.length - 1]).toMatch(new RegExp(`^e2eactivity: ${io.stdout.length} events\\n[^]*problems: ${problems.length}\\n$`));
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) expect(line).toMatch(/^e2eactivity: .*damaged\.etl: .*\d/);
    expect(new Set(problems).size).toBe(problems.length);
  });

  it('stops once standard output is closed', async () => {
    const io = recordingIo({ closeAfter: 5 });
    expect(await runCli(['etw', 'events', CAPTURE, CAPTURE], io)).toBe(EXIT_OK);
    expect(io.stdout).toHaveLength(5);
  });
});
