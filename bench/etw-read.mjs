// npm run bench:etw [-- --size-mb 200] [--rounds 3] [--python-mb 4] [--etl-parser DIR] [--json PATH]
// Builds a large ETL from the real capture's buffers, each copy with new times and ids (bench/lib/large-etl.mjs;
// in a temp dir, removed after), then in ONE process times readEtwEvents(path) (as users call it: events
// counted, and again with a consumer that reads every property) against a bare walk over the same records
// (buffers + record headers, no decoding), in rotating order, with RSS sampled while reading. Then runs
// airbus-cert/etl-parser (Python) on a prefix of the same file, from a fetched snapshot passed as
// --etl-parser (never part of this repository).
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildLargeEtl } from './lib/large-etl.mjs';
import { machine } from './lib/machine.mjs';
import { touch } from './lib/touch.mjs';

const require = createRequire(import.meta.url);
const { readEtwEvents } = require('../.bench/cjs/etw/index.js');
const { readEtlBuffers } = require('../.bench/cjs/etw/etl/buffers.js');
const { walkRecords } = require('../.bench/cjs/etw/etl/records.js');
const { FlatAsyncGenerator } = require('../.bench/cjs/etw/flat-async-generator.js');

const { values } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    'python-mb': { type: 'string', default: '4' },
    'etl-parser': { type: 'string', default: process.env.ETL_PARSER_DIR ?? '' },
    python: { type: 'string', default: '/usr/bin/python3' },
    json: { type: 'string', default: '' },
  },
});
// Node's default chunk size for file streams, what `readEtwEvents(path)` gets. 1 MiB chunks read no faster
// here and leave ~30 MB of spent chunks waiting for the garbage collector (RSS +100 MB instead of +20 MB).
const CHUNK = 64 * 1024;
const MB = 1024 * 1024;

/** The file's first whole buffers, up to `bytes` (read alone: the file is large). */
function prefixOf(path, bytes) {
  const fd = openSync(path, 'r');
  try {
    const first = Buffer.alloc(4);
    readSync(fd, first, 0, 4, 0);
    const bufferSize = first.readUInt32LE(0);
    const prefix = Buffer.alloc(Math.floor(bytes / bufferSize) * bufferSize);
    return prefix.subarray(0, readSync(fd, prefix, 0, prefix.length, 0));
  } finally {
    closeSync(fd);
  }
}

async function bareWalk(path, rss) {
  let events = 0;
  const visitor = { event: () => events++, logfileHeader: () => {}, computerName: () => {}, damage: () => {} };
  for await (const item of readEtlBuffers(createReadStream(path, { highWaterMark: CHUNK }))) {
    if (item.kind === 'buffer') walkRecords(item, visitor);
    if ((events & 0x3fff) === 0) rss.sample();
  }
  return events;
}

/**
 * `readEtwEvents` over the file by path, as users call it (Node's default 64 KiB file stream chunks, the
 * same as the walk's). The reader builds every value of a record before handing it over (plain data
 * properties, flat strings), so counting events times all of its work; `touch` adds a consumer that reads
 * every property and field value and the last character of every string, as one that forwards the event
 * would (runs 1-3 read only `name`, run 4 only this consumer).
 */
function fullRead(touching) {
  return async (path, rss) => {
    let events = 0;
    let problems = 0;
    let named = 0;
    let touched = 0;
    for await (const e of readEtwEvents(path, { onProblem: () => problems++ })) {
      events++;
      named += e.name.length > 0 ? 1 : 0;
      if (touching) touched += touch(e) + touch(e.fields);
      if ((events & 0x3fff) === 0) rss.sample();
    }
    if (problems > 0 || named !== events || (touching && touched === 0)) throw new Error(`unexpected: ${problems} problems, ${events - named} unnamed events`);
    return events;
  };
}

/**
 * What the record's shape costs before any decoding: the bare walk, plus per EVENT_HEADER record an object
 * of the record's 15 properties (strings constant, numbers from the header) handed out through the same
 * flattening iterator `readEtwEvents` uses, plus (`withTimes`) the two time strings made the way the clock
 * makes them (one `String.fromCharCode` over 30 and 19 character codes). Not a reader: a floor under one.
 */
function recordFloor(withTimes) {
  const iso = new Uint16Array(30).fill(0x30);
  const unix = new Uint16Array(19).fill(0x30);
  return async (path, rss) => {
    let events = 0;
    async function* batches() {
      let pending = [];
      const visitor = {
        event: (_buffer, r) => {
          let time = '';
          let timeUnixNano = '';
          if (withTimes) {
            iso[26] = unix[16] = 0x30 + (r.timestampLow % 10);
            // prettier-ignore
            time = String.fromCharCode(iso[0], iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7], iso[8], iso[9], iso[10], iso[11], iso[12], iso[13], iso[14],
              iso[15], iso[16], iso[17], iso[18], iso[19], iso[20], iso[21], iso[22], iso[23], iso[24], iso[25], iso[26], iso[27], iso[28], iso[29]);
            // prettier-ignore
            timeUnixNano = String.fromCharCode(unix[0], unix[1], unix[2], unix[3], unix[4], unix[5], unix[6], unix[7], unix[8], unix[9],
              unix[10], unix[11], unix[12], unix[13], unix[14], unix[15], unix[16], unix[17], unix[18]);
          }
          pending.push({
            provider: 'p', providerGuid: 'g', id: r.id, version: r.version, name: 'n', level: r.level, task: r.task, opcode: r.opcode,
            keywords: 'k', time, timeUnixNano, processId: r.processId, threadId: r.threadId, activityId: 'a', fields: {},
          });
        },
        logfileHeader: () => {},
        computerName: () => {},
        damage: () => {},
      };
      for await (const item of readEtlBuffers(createReadStream(path, { highWaterMark: CHUNK }))) {
        if (item.kind === 'buffer') walkRecords(item, visitor);
        if (pending.length > 0) {
          yield pending;
          pending = [];
        }
      }
    }
    for await (const e of new FlatAsyncGenerator(batches())) {
      events += e.id >= 0 ? 1 : 0;
      if ((events & 0x3fff) === 0) rss.sample();
    }
    return events;
  };
}

const MODES = { walk: bareWalk, objects: recordFloor(false), times: recordFloor(true), read: fullRead(false), consume: fullRead(true) };
const ORDERS = [
  ['walk', 'objects', 'times', 'read', 'consume'],
  ['consume', 'read', 'times', 'objects', 'walk'],
  ['read', 'walk', 'consume', 'objects', 'times'],
];


function rssTracker() {
  let peak = process.memoryUsage.rss();
  return { sample: () => (peak = Math.max(peak, process.memoryUsage.rss())), peak: () => peak };
}

// The machine is shared: wall time mostly measures the neighbours, so rates use this process's CPU time
// (user + system), with wall time recorded next to it.
async function time(fn, path) {
  const rss = rssTracker();
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const events = await fn(path, rss);
  const used = process.cpuUsage(cpu);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds: (used.user + used.system) / 1e6, wallSeconds, events, peakRss: rss.peak() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'etw-bench-'));
try {
  const path = join(dir, 'large.etl');
  const size = await buildLargeEtl(path, Number(values['size-mb']) * MB);
  globalThis.gc?.();
  const baselineRss = process.memoryUsage.rss();
  const before = machine();
  const runs = Object.fromEntries(Object.keys(MODES).map((mode) => [mode, []]));
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const mode of ORDERS[r % ORDERS.length]) {
      const result = await time(MODES[mode], path);
      runs[mode].push(result);
      const rates = `${(size / MB / result.seconds).toFixed(1)} MB/s of CPU time (${(size / MB / result.wallSeconds).toFixed(1)} wall)`;
      console.error(`round ${r + 1} ${mode}: ${rates}, ${result.events} events, peak RSS +${((result.peakRss - baselineRss) / MB).toFixed(1)} MB`);
    }
  }
  const summary = (mode) => {
    const seconds = median(runs[mode].map((r) => r.seconds));
    return {
      mbPerSecond: size / MB / seconds,
      eventsPerSecond: runs[mode][0].events / seconds,
      medianSeconds: seconds,
      medianWallSeconds: median(runs[mode].map((r) => r.wallSeconds)),
      events: runs[mode][0].events,
      peakRssAboveBaselineMb: Math.max(...runs[mode].map((r) => r.peakRss - baselineRss)) / MB,
      rounds: runs[mode],
    };
  };
  const walk = summary('walk');
  const read = summary('read');
  const consume = summary('consume');
  const objects = summary('objects');
  const times = summary('times');

  let python;
  if (values['etl-parser'] !== '') {
    const prefix = join(dir, 'prefix.etl');
    writeFileSync(prefix, prefixOf(path, Number(values['python-mb']) * MB));
    const script = resolve('bench/python/etl_parser_rate.py');
    python = JSON.parse(execFileSync(values.python, [script, values['etl-parser'], prefix], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    python.mbPerSecond = python.bytes / MB / python.seconds;
    python.eventsPerSecond = python.events / python.seconds;
  }

  const row = (name, r) => `| ${name} | ${r.mbPerSecond.toFixed(2)} | ${Math.round(r.eventsPerSecond).toLocaleString('en-US')} |`;
  console.log(`\nfile: ${(size / MB).toFixed(0)} MB, ${read.events.toLocaleString('en-US')} events; RSS baseline ${(baselineRss / MB).toFixed(0)} MB\n`);
  console.log('| reader | MB/s (CPU time) | events/s (CPU time) |\n|---|---:|---:|');
  console.log(row('bare walk (buffers + record headers)', walk));
  console.log(row('floor: walk + a 15-property object per record, same iterator', objects));
  console.log(row('floor: ... + the two time strings', times));
  console.log(row('readEtwEvents (full records, counted)', read));
  console.log(row('readEtwEvents + a consumer reading every property', consume));
  if (python !== undefined) console.log(row(`etl-parser (Python), first ${(python.bytes / MB).toFixed(1)} MB`, python));
  for (const [name, r] of [['readEtwEvents', read], ['readEtwEvents + consumer', consume]]) {
    console.log(`\n${name} / bare walk time: ${(r.medianSeconds / walk.medianSeconds).toFixed(2)}x (goal <= 4x)`);
    if (python !== undefined) console.log(`${name} / etl-parser throughput: ${(r.mbPerSecond / python.mbPerSecond).toFixed(0)}x (goal >= 300x)`);
  }
  console.log(`\nfloors / bare walk time: objects ${(objects.medianSeconds / walk.medianSeconds).toFixed(2)}x, + time strings ${(times.medianSeconds / walk.medianSeconds).toFixed(2)}x`);
  const rss = (r) => `${r.peakRssAboveBaselineMb.toFixed(1)} MB`;
  console.log(`peak RSS above baseline: walk ${rss(walk)}, read ${rss(read)}, read + consumer ${rss(consume)} (goal < 100 MB)`);

  if (values.json !== '') {
    const report = { date: new Date().toISOString(), machine: before, loadavgAfter: machine().loadavg, fileBytes: size, baselineRss, walk, objects, times, read, consume, python };
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(resolve(values.json), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`results written to ${values.json}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
