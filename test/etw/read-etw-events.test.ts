import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { EtwEvent, EtwProblem } from '../../src/etw/event.js';
import { EtwDamagedInputError, EtwFormatError, readEtwEvents } from '../../src/etw/index.js';
import { capturePath } from './capture-path.js';
import { TRACERPT_PARSE_EVENT } from './xml/seed-events.js';

async function collect(events: AsyncIterable<EtwEvent>): Promise<EtwEvent[]> {
  const all: EtwEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

const capture = readFileSync(capturePath());

describe('readEtwEvents', () => {
  it('reads the same ETL events from a path, from bytes and from a stream (format from content, not name)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'etw-'));
    const renamed = join(dir, 'trace.xml');
    await writeFile(renamed, capture);
    const fromPath = await collect(readEtwEvents(renamed));
    expect(fromPath).toHaveLength(2041);
    expect(await collect(readEtwEvents(new Uint8Array(capture)))).toEqual(fromPath);
    expect(await collect(readEtwEvents(Readable.from([capture.subarray(0, 100), capture.subarray(100)])))).toEqual(fromPath);
    // A first chunk too short to tell: the sniffer waits for the next one.
    expect(await collect(readEtwEvents(Readable.from([capture.subarray(0, 10), capture.subarray(10, 50), capture.subarray(50)])))).toEqual(fromPath);
  });

  it('reads event XML given as strings from a stream with an encoding set', async () => {
    const events = await collect(readEtwEvents(Readable.from(['<Events>', TRACERPT_PARSE_EVENT.slice(TRACERPT_PARSE_EVENT.indexOf('<Event '), TRACERPT_PARSE_EVENT.indexOf('</Events>')), '</Events>'])));
    expect(events.map((e) => e.name)).toEqual(['Parse']);
  });

  it.each([
    ['a PNG image', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['empty', new Uint8Array(0)],
    ['JSON', new TextEncoder().encode('{"a":1}')],
  ])('throws an EtwFormatError for %s on the first next()', async (looksLike, bytes) => {
    const iterator = readEtwEvents(bytes);
    await expect(iterator.next()).rejects.toThrow(new EtwFormatError(looksLike));
  });

  it('without onProblem, yields the intact events and then throws the problems', async () => {
    const cut = new TextEncoder().encode(TRACERPT_PARSE_EVENT.slice(0, -10));
    const events: EtwEvent[] = [];
    let thrown: unknown;
    try {
      for await (const event of readEtwEvents(cut)) events.push(event);
    } catch (error) {
      thrown = error;
    }
    expect(events).toHaveLength(1);
    expect(thrown).toBeInstanceOf(EtwDamagedInputError);
    expect((thrown as EtwDamagedInputError).problems).toEqual([expect.objectContaining({ format: 'xml', line: 35 })]);
    expect((thrown as Error).message).toMatch(/^1 damaged or malformed part in the input; first: malformed XML at line 35/);
  });

  it('reports damaged ETL through onProblem with byte offsets, and keeps the intact events', async () => {
    const damaged = new Uint8Array(capture);
    damaged.fill(0xff, 8192 * 3, 8192 * 3 + 200);
    const problems: EtwProblem[] = [];
    const events = await collect(readEtwEvents(damaged, { onProblem: (p) => problems.push(p) }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.format === 'etl' && typeof p.offset === 'number')).toBe(true);
    const intact = new Set((await collect(readEtwEvents(capture))).map((e) => JSON.stringify(e)));
    expect(events.length).toBeGreaterThan(1900);
    expect(events.filter((e) => !intact.has(JSON.stringify(e)))).toEqual([]);
  });

  it('closes the file when the consumer stops early', async () => {
    let destroyed = false;
    const stream = Readable.from([capture.subarray(0, 8192), capture.subarray(8192)]);
    stream.on('close', () => (destroyed = true));
    for await (const event of readEtwEvents(stream)) if (event.name !== '') break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(destroyed).toBe(true);
  });
});
