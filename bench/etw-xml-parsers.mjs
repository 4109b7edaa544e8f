// npm run bench:build && node bench/etw-xml-parsers.mjs [--mb 40] [--rounds 5] [--json bench/results/etw-xml-parsers.json]
// Which streaming XML parser the event XML reader uses, by measurement: saxes, sax (strict) and
// htmlparser2 (xmlMode), in ONE process, side by side, on the same generated tracerpt-style document fed
// in 64 KiB string chunks (what the reader does after its streaming TextDecoder). Each parser does the
// work the reader needs: element names, attributes, text, and a count of <Event> and <Data> elements.
// The order rotates per round; each figure is the median over the rounds, each ratio the median of
// parser / saxes in the same round. With the private build (.bench/cjs, `npm run bench:build`), the
// whole reader, readEtwEvents (sniffing, decoding, saxes, records normalized by the schema), runs on the
// same bytes too: its ratio to saxes alone is what the records cost.
import { Buffer } from 'node:buffer';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Parser as Htmlparser2 } from 'htmlparser2';
import sax from 'sax';
import { SaxesParser } from 'saxes';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '40' }, rounds: { type: 'string', default: '5' }, json: { type: 'string' } },
});
const targetBytes = Number(values.mb) * 1024 * 1024;
const rounds = Number(values.rounds);
const CHUNK = 64 * 1024;

function event(i) {
  const request = (0x80000000 + i).toString(16).toUpperCase();
  const micros = String(i % 1000000).padStart(6, '0');
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-HttpService" Guid="{dd5ef90a-6398-47a4-ad34-4dcecdef795f}" /><EventID>3</EventID><Version>0</Version><Level>4</Level><Task>1</Task><Opcode>13</Opcode><Keywords>0x8000000000000002</Keywords><TimeCreated SystemTime="2011-01-23T08:00:05.${micros}700Z" /><Correlation ActivityID="{${request.toLowerCase()}-0000-fe00-b63f-84710c7967bb}" /><Execution ProcessID="4" ThreadID="2252" ProcessorID="0" KernelTime="15" UserTime="0" /><Channel>Microsoft-Windows-HttpService/Trace</Channel><Computer>WIN-SERVER</Computer></System><EventData><Data Name="RequestObj">0xFFFFFA8001BB5320</Data><Data Name="RequestId">0xFE000000${request}</Data><Data Name="SiteId">1</Data><Data Name="RequestQueueName">DefaultAppPool</Data><Data Name="Url">http://localhost:80/RequestQueueTests/item?id=${i}&amp;q=a</Data><Data Name="Status">0</Data></EventData><RenderingInfo Culture="en-US"><Level>Information </Level><Opcode>Deliver </Opcode><Keywords><Keyword>Flagged on all HTTP events dealing with request processing </Keyword></Keywords><Task>HTTP Request Trace Task </Task><Message>Delivered request to server application (request pointer 0xFFFFFA8001BB5320, request ID 0xFE000000${request}, site ID 1) from request queue DefaultAppPool for URI http://localhost:80/. </Message><Channel>HTTP Service Channel </Channel><Provider>Microsoft-Windows-HttpService </Provider></RenderingInfo></Event>\r\n`;
}

function document(targetBytes) {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n'];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const text = event(i);
    parts.push(text);
    size += text.length;
  }
  parts.push('</Events>\r\n');
  const text = parts.join('');
  const chunks = [];
  for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK));
  return { bytes: Buffer.byteLength(text), chunks };
}

// Each returns the number of <Data> elements seen, so that no parser can skip the work.
const parsers = {
  saxes(chunks) {
    let data = 0, events = 0, text = '';
    const parser = new SaxesParser({ xmlns: false, position: true });
    parser.on('opentag', (tag) => { if (tag.name === 'Data') { data++; text = String(tag.attributes.Name); } else if (tag.name === 'Event') events++; });
    parser.on('text', (t) => { text = t; });
    parser.on('error', (e) => { throw e; });
    for (const chunk of chunks) parser.write(chunk);
    parser.close();
    return { data, events, text };
  },
  sax(chunks) {
    let data = 0, events = 0, text = '';
    const parser = sax.parser(true, { position: true });
    parser.onopentag = (tag) => { if (tag.name === 'Data') { data++; text = String(tag.attributes.Name); } else if (tag.name === 'Event') events++; };
    parser.ontext = (t) => { text = t; };
    parser.onerror = (e) => { throw e; };
    for (const chunk of chunks) parser.write(chunk);
    parser.close();
    return { data, events, text };
  },
  htmlparser2(chunks) {
    let data = 0, events = 0, text = '';
    const parser = new Htmlparser2(
      {
        onopentag: (name, attributes) => { if (name === 'Data') { data++; text = attributes.Name; } else if (name === 'Event') events++; },
        ontext: (t) => { text = t; },
      },
      { xmlMode: true, decodeEntities: true },
    );
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
    return { data, events, text };
  },
};

const READER = join(dirname(fileURLToPath(import.meta.url)), '../.bench/cjs/etw/read-etw-events.js');
if (existsSync(READER)) {
  const { readEtwEvents } = createRequire(import.meta.url)(READER);
  parsers.readEtwEvents = async (_, bytes) => {
    let data = 0, events = 0, text = '';
    for await (const event of readEtwEvents(bytes)) {
      events++;
      data += Object.keys(event.fields).length;
      text = event.fields.Url;
    }
    return { data, events, text };
  };
}

const { bytes, chunks } = document(targetBytes);
const encoded = Buffer.from(chunks.join(''));
const warmUpDocument = document(2 * 1024 * 1024).chunks;
const warmUp = [warmUpDocument, Buffer.from(warmUpDocument.join(''))];
const names = Object.keys(parsers);
const times = Object.fromEntries(names.map((n) => [n, []]));
const ratios = Object.fromEntries(names.map((n) => [n, []]));
const counts = {};
for (const name of names) counts[name] = await parsers[name](...warmUp);
for (let round = 0; round < rounds; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]);
  const roundTimes = {};
  for (const name of order) {
    const start = process.hrtime.bigint();
    counts[name] = await parsers[name](chunks, encoded);
    roundTimes[name] = Number(process.hrtime.bigint() - start) / 1e9;
    times[name].push(roundTimes[name]);
  }
  for (const name of names) ratios[name].push(roundTimes[name] / roundTimes.saxes);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = bytes / 1024 / 1024;
console.log(`document: ${mb.toFixed(1)} MiB, ${counts.saxes.events} events, ${counts.saxes.data} Data elements, ${rounds} rounds, Node.js ${process.version}\n`);
console.log('| parser | median s | MiB/s | events/s | time / saxes (min-max) |\n|---|---:|---:|---:|---:|');
const results = names.map((name) => {
  const s = median(times[name]);
  const r = { name, seconds: s, mibPerSecond: mb / s, eventsPerSecond: counts[name].events / s, ratio: median(ratios[name]), ratioMin: Math.min(...ratios[name]), ratioMax: Math.max(...ratios[name]), events: counts[name].events };
  console.log(`| ${name} | ${s.toFixed(2)} | ${r.mibPerSecond.toFixed(1)} | ${Math.round(r.eventsPerSecond)} | ${r.ratio.toFixed(2)} (${r.ratioMin.toFixed(2)}-${r.ratioMax.toFixed(2)}) |`);
  return r;
});
if (values.json) writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, bytes, rounds, results }, null, 2)}\n`);
