import fc from 'fast-check';
import type { EtwEvent, EtwProblem } from '../../../src/etw/event.js';
import { readEtwEvents } from '../../../src/etw/read-etw-events.js';
import { readXmlEvents } from '../../../src/etw/xml/read-xml-events.js';
import { utf16leWithBom } from '../../support/event-xml.js';
import { propertyRuns } from '../../support/runs.js';
import { TRACERPT_PARSE_EVENT, typicalRequestWevtutil } from './seed-events.js';

const encoder = new TextEncoder();

async function read(text: string, root: 'Events' | 'Event', chunkSize: number): Promise<{ events: EtwEvent[]; problems: EtwProblem[] }> {
  const bytes = encoder.encode(text);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
  }
  const events: EtwEvent[] = [];
  const problems: EtwProblem[] = [];
  for await (const event of readXmlEvents(chunks(), { encoding: 'utf-8', root }, (p) => problems.push(p))) events.push(event);
  return { events, problems };
}

/** How many events end (their `</Event>` closes) within the first `length` characters. */
function eventsEndingBefore(text: string, length: number): number {
  return text.slice(0, length).split('</Event>').length - 1;
}

const documents: readonly [string, 'Events' | 'Event'][] = [
  // tracerpt, with a root: the blog's Parse event four times.
  [TRACERPT_PARSE_EVENT.replace(/<Event [^]*<\/Event>/, (event) => `${event}\n${event}\n${event}\n${event}`), 'Events'],
  // wevtutil, without a root: the blog's typical request.
  [typicalRequestWevtutil(), 'Event'],
];

describe('readXmlEvents on damaged documents', () => {
  it.each(documents)('never throws on a cut document, yields every event that ended before the cut, and reports the cut %#', async (text, root) => {
    const whole = await read(text, root, 4096);
    expect(whole.problems).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 1, max: 300 }), async (cut, chunkSize) => {
        const { events, problems } = await read(text.slice(0, cut), root, chunkSize);
        const ended = eventsEndingBefore(text, cut);
        expect(events).toEqual(whole.events.slice(0, ended));
        expect(problems.length).toBeLessThanOrEqual(1);
        // Only the complete rootless document, or one cut in the whitespace after its last event, is whole.
        const complete = text.slice(0, cut).trimEnd() === text.trimEnd() || (root === 'Event' && /<\/Event>\s*$/.test(text.slice(0, cut)));
        if (!complete && cut > 0) expect(problems).toEqual([expect.objectContaining({ format: 'xml', line: expect.any(Number), column: expect.any(Number) })]);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it.each(documents)('never throws on corrupted bytes and yields the events before the damage unchanged %#', async (text, root) => {
    const whole = await read(text, root, 4096);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: text.length - 1 }),
        fc.string({ unit: fc.constantFrom('<', '>', '&', '"', '/', '!', '?', ']', 'x', ' ', '\u0000', '\uFFFF'), minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 300 }),
        async (at, junk, chunkSize) => {
          const damaged = text.slice(0, at) + junk + text.slice(at + junk.length);
          const { events, problems } = await read(damaged, root, chunkSize);
          const intact = eventsEndingBefore(text, at);
          expect(events.slice(0, intact)).toEqual(whole.events.slice(0, intact));
          expect(problems.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe('readEtwEvents on UTF-16 event XML cut at any byte', () => {
  it('yields every event that ended before the cut, with at most one problem', async () => {
    const text = `\r\n${typicalRequestWevtutil()}`;
    const bytes = utf16leWithBom(text);
    const whole = await read(text, 'Event', 4096);
    await fc.assert(
      // From the first byte after `<Event `: shorter heads are not event XML yet (EtwFormatError, by design).
      fc.asyncProperty(fc.integer({ min: 2 + 2 * '\r\n<Event '.length, max: bytes.length }), async (cut) => {
        const events: EtwEvent[] = [];
        const problems: EtwProblem[] = [];
        for await (const event of readEtwEvents(bytes.subarray(0, cut), { onProblem: (p) => problems.push(p) })) events.push(event);
        expect(events).toEqual(whole.events.slice(0, eventsEndingBefore(text, Math.floor((cut - 2) / 2))));
        expect(problems.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
