// npm run bench:etw-spans [-- --size-mb 200] [--rounds 3] [--json PATH] [--keep] [--baseline DIR] [--modes read,join,import,baseline]
// Builds a large ETL from the real capture (bench/lib/large-etl.mjs: its data buffers repeated, each copy with
// times minutes later and new request, connection and activity ids, as a long capture), then in ONE process times, in
// rotating order: readEtwEvents alone over the file, the join alone (importEtwSpans, spans dropped), and
// `etw spans` (runEtwSpans: read, join, OTLP JSON Lines written to a file). RSS is sampled while each runs. Goal: import <= 3x the read, flat RSS.
// --baseline DIR: also times `etw spans` of another CommonJS build (e.g. main's `npm run bench:build` output,
// copied inside this repository so that it finds the same node_modules), in the same rotation.
// --modes: only these runs (e.g. `--modes import --rounds 1`: the RSS of one import in a fresh process, as
// later runs in one process start from the heap V8 kept from the earlier ones).
import { createReadStream, mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { parseArgs } from 'node:util';
import { buildLargeEtl } from './lib/large-etl.mjs';
import { machine } from './lib/machine.mjs';

const require = createRequire(import.meta.url);
const { readEtwEvents } = require('../.bench/cjs/etw/read-etw-events.js');
const { runEtwSpans } = require('../.bench/cjs/cli/etw-spans/run-etw-spans.js');
const { importEtwSpans } = require('../.bench/cjs/etw/spans/index.js');

const { values } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
    baseline: { type: 'string', default: '' },
    modes: { type: 'string', default: 'read,join,import,baseline' },
  },
});
const baselineRun = values.baseline === '' ? undefined : require(resolve(values.baseline, 'cli/etw-spans/run-etw-spans.js')).runEtwSpans;
const MB = 1024 * 1024;

/** Peak RSS of a run, and of its first and second half (by time): a run whose RSS grows with the input has a higher second half. */
function rssSampler() {
  const started = Date.now();
  const samples = [[0, process.memoryUsage.rss()]];
  const timer = setInterval(() => samples.push([Date.now() - started, process.memoryUsage.rss()]), 50);
  return {
    stop() {
      clearInterval(timer);
      const half = (Date.now() - started) / 2;
      samples.push([2 * half, process.memoryUsage.rss()]);
      const peakOf = (xs) => Math.max(...xs.map(([, rss]) => rss));
      return { peakRss: peakOf(samples), firstHalfRss: peakOf(samples.filter(([t]) => t <= half)), secondHalfRss: peakOf(samples.filter(([t]) => t > half)) };
    },
  };
}

async function readOnly(path) {
  let events = 0;
  for await (const event of readEtwEvents(createReadStream(path, { highWaterMark: MB }))) if (event.id >= 0) events++;
  return { events };
}

/** The join alone: spans made and dropped, no encoding or output. */
async function joinOnly(path) {
  let spans = 0;
  const imported = importEtwSpans(readEtwEvents(createReadStream(path, { highWaterMark: MB })));
  for await (const span of imported) if (span.ended) spans++;
  return { events: imported.summary.events, spans };
}

async function importSpans(path, out, run = runEtwSpans) {
  let summary = '';
  const io = { out: async () => {}, err: async (text) => void (summary += text), env: {} };
  const status = await run({ kind: 'etw-spans', files: [path], out }, io);
  if (status !== 0) throw new Error(`etw spans exited ${status}: ${summary}`);
  const events = Number(/etw spans: ([\d,]+) events/.exec(summary)[1].replace(/,/g, ''));
  const spans = Number(/; ([\d,]+) spans\n/.exec(summary)[1].replace(/,/g, ''));
  return { events, spans, outBytes: statSync(out).size, summary: summary.trim() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'etw-spans-bench-'));
try {
  const path = join(dir, 'large.etl');
  const out = join(dir, 'spans.jsonl');
  const size = await buildLargeEtl(path, Number(values['size-mb']) * MB);
  globalThis.gc?.();
  const baselineRss = process.memoryUsage.rss();
  const before = machine();
  const runs = { read: [], join: [], import: [], baseline: [] };
  const orders = [['read', 'join', 'import', 'baseline'], ['import', 'baseline', 'join', 'read'], ['baseline', 'join', 'read', 'import']];
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const mode of orders[r % orders.length]) {
      if ((mode === 'baseline' && baselineRun === undefined) || !values.modes.split(',').includes(mode)) continue;
      globalThis.gc?.();
      const rss = rssSampler();
      const started = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      const result =
        mode === 'read' ? await readOnly(path)
        : mode === 'join' ? await joinOnly(path)
        : await importSpans(path, out, mode === 'baseline' ? baselineRun : runEtwSpans);
      const cpu = process.cpuUsage(cpuBefore);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const { peakRss, firstHalfRss, secondHalfRss } = rss.stop();
      runs[mode].push({ seconds, cpuSeconds, peakRss, firstHalfRss, secondHalfRss, ...result });
      const above = (rss) => ((rss - baselineRss) / MB).toFixed(1);
      console.error(`round ${r + 1} ${mode}: ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), ${result.events} events${result.spans === undefined ? '' : `, ${result.spans} spans`}, peak RSS +${above(peakRss)} MB (first half +${above(firstHalfRss)}, second half +${above(secondHalfRss)})`);
    }
  }
  const med = (mode, key) => (runs[mode].length === 0 ? undefined : median(runs[mode].map((r) => r[key])));
  const readSeconds = med('read', 'seconds');
  const joinSeconds = med('join', 'seconds');
  const importSeconds = med('import', 'seconds');
  const readCpu = med('read', 'cpuSeconds');
  const joinCpu = med('join', 'cpuSeconds');
  const importCpu = med('import', 'cpuSeconds');
  const baseSeconds = med('baseline', 'seconds');
  const baseCpu = med('baseline', 'cpuSeconds');
  const last = runs.import.at(-1) ?? runs.baseline.at(-1) ?? runs.join.at(-1) ?? runs.read.at(-1);
  const peak = (mode) => Math.max(...runs[mode].map((r) => r.peakRss - baselineRss)) / MB;
  const ratio = (a, b) => (a === undefined || b === undefined ? 'not run' : `${(a / b).toFixed(2)}x`);
  console.log(`\nfile: ${(size / MB).toFixed(0)} MB, ${last.events.toLocaleString('en-US')} events${last.spans === undefined ? '' : `, ${last.spans.toLocaleString('en-US')} spans`}${last.outBytes === undefined ? '' : `; OTLP JSON out: ${(last.outBytes / MB).toFixed(0)} MB`}; RSS baseline ${(baselineRss / MB).toFixed(0)} MB\n`);
  console.log('| run | median wall s | median CPU s | MB/s (wall) | events/s (wall) | spans/s (wall) | peak RSS above baseline |\n|---|---:|---:|---:|---:|---:|---:|');
  const rows = [
    ['readEtwEvents alone', 'read'],
    ['readEtwEvents + importEtwSpans (spans dropped)', 'join'],
    ['etw spans -> OTLP JSON file', 'import'],
    ['etw spans -> OTLP JSON file, baseline build', 'baseline'],
  ];
  for (const [label, mode] of rows) {
    if (runs[mode].length === 0) continue;
    const seconds = med(mode, 'seconds');
    const spans = runs[mode][0].spans;
    console.log(`| ${label} | ${seconds.toFixed(2)} | ${med(mode, 'cpuSeconds').toFixed(2)} | ${(size / MB / seconds).toFixed(1)} | ${Math.round(last.events / seconds).toLocaleString('en-US')} | ${spans === undefined ? '' : Math.round(spans / seconds).toLocaleString('en-US')} | ${peak(mode).toFixed(1)} MB |`);
  }
  console.log(`\nimport / read: ${ratio(importSeconds, readSeconds)} wall time, ${ratio(importCpu, readCpu)} CPU time (goal <= 3x)`);
  console.log(`join alone / read: ${ratio(joinSeconds, readSeconds)} wall time, ${ratio(joinCpu, readCpu)} CPU time`);
  if (baselineRun !== undefined) {
    console.log(`baseline import / read: ${ratio(baseSeconds, readSeconds)} wall time, ${ratio(baseCpu, readCpu)} CPU time`);
    console.log(`import / baseline import: ${ratio(importSeconds, baseSeconds)} wall time, ${ratio(importCpu, baseCpu)} CPU time`);
  }
  if (last.summary !== undefined) console.log(`summary of the last import:\n${last.summary}`);
  if (values.json !== '') {
    const report = { date: new Date().toISOString(), machine: before, loadavgAfter: machine().loadavg, fileBytes: size, baselineRss, readSeconds, joinSeconds, importSeconds, readCpu, joinCpu, importCpu, baseSeconds, baseCpu, wallRatio: importSeconds / readSeconds, cpuRatio: importCpu / readCpu, baseline: values.baseline || undefined, modes: values.modes, runs };
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(resolve(values.json), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`results written to ${values.json}`);
  }
} finally {
  if (values.keep) console.error(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
