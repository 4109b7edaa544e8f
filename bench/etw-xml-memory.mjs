// npm run bench:build && node --expose-gc bench/etw-xml-memory.mjs [--mb 256]
// Memory of the event XML reader on a document larger than anything it could hold: readEtwEvents reads a
// tracerpt-style document generated chunk by chunk (never whole in memory, never on disk) and the
// resident set size is sampled every 2,000 events. Flat RSS = memory bounded by a chunk and an event,
// not by the input.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, TextEncoder } from 'node:util';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '256' } } });
const READER = join(dirname(fileURLToPath(import.meta.url)), '../.bench/cjs/etw/read-etw-events.js');
if (!existsSync(READER)) throw new Error('run npm run bench:build first');
const { readEtwEvents } = createRequire(import.meta.url)(READER);
const targetBytes = Number(values.mb) * 1024 * 1024;

function event(i) {
  const id = (0x80000000 + i).toString(16).toUpperCase();
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-HttpService" Guid="{dd5ef90a-6398-47a4-ad34-4dcecdef795f}" /><EventID>3</EventID><Version>0</Version><Level>4</Level><Task>1</Task><Opcode>13</Opcode><Keywords>0x8000000000000002</Keywords><TimeCreated SystemTime="2011-01-23T08:00:05.123456700Z" /><Correlation ActivityID="{${id.toLowerCase()}-0000-fe00-b63f-84710c7967bb}" /><Execution ProcessID="4" ThreadID="2252" /><Channel>Microsoft-Windows-HttpService/Trace</Channel><Computer>WEB01</Computer></System><EventData><Data Name="RequestObj">0xFFFFFA8001BB5320</Data><Data Name="RequestId">0xFE000000${id}</Data><Data Name="SiteId">1</Data><Data Name="RequestQueueName">DefaultAppPool</Data><Data Name="Url">http://localhost:80/item?id=${i}</Data><Data Name="Status">0</Data></EventData></Event>\r\n`;
}

async function* documentChunks() {
  const encoder = new TextEncoder();
  yield encoder.encode('<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n');
  let size = 0;
  for (let i = 0; size < targetBytes; ) {
    let text = '';
    while (text.length < 64 * 1024) text += event(i++);
    const bytes = encoder.encode(text);
    size += bytes.length;
    yield bytes;
  }
  yield encoder.encode('</Events>\r\n');
}

const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
const samples = [];
const heaps = [];
let events = 0;
const start = process.hrtime.bigint();
for await (const e of readEtwEvents(documentChunks(), { onProblem: (p) => console.error(p.message) })) {
  if (e.id !== 3) throw new Error('unexpected event');
  if (++events % 2000 === 0) {
    samples.push(process.memoryUsage().rss);
    heaps.push(process.memoryUsage().heapUsed);
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const max = Math.max(...samples);
const tenth = samples[Math.floor(samples.length / 10)];
console.log(`${mib(targetBytes)} MiB of event XML, ${events} events in ${seconds.toFixed(1)} s (${(targetBytes / 1048576 / seconds).toFixed(1)} MiB/s), Node.js ${process.version}`);
console.log(`heap used: max ${mib(Math.max(...heaps))} MiB, last ${mib(heaps[heaps.length - 1])} MiB`);
console.log(`RSS: baseline ${mib(baseline)} MiB, at 10% ${mib(tenth)} MiB, max ${mib(max)} MiB, last ${mib(samples[samples.length - 1])} MiB; max above baseline ${mib(max - baseline)} MiB`);
