// node bench/etw-read-ab.mjs --before DIR [--size-mb 200] [--rounds 5] [--json PATH]
// (after `npm run bench:build`, and another revision's src/ built into DIR the same way, as bench/ab.mjs
// says). readEtwEvents of two builds over the same large ETL (bench/lib/large-etl.mjs) in ONE process,
// alternating which goes first, counting events and again with a consumer that reads every property: what
// a change to the reader buys, without the drift between two separate runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildLargeEtl } from './lib/large-etl.mjs';
import { machine } from './lib/machine.mjs';
import { touch } from './lib/touch.mjs';

const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    'size-mb': { type: 'string', default: '200' },
    rounds: { type: 'string', default: '5' },
    json: { type: 'string', default: '' },
  },
});
if (values.before === undefined) throw new Error('--before DIR: the other build (see the header of this file)');
const builds = {
  before: require(join(resolve(values.before), 'etw/index.js')).readEtwEvents,
  after: require('../.bench/cjs/etw/index.js').readEtwEvents,
};
const MB = 1024 * 1024;


async function read(readEtwEvents, path, touching) {
  let events = 0;
  let touched = 0;
  for await (const e of readEtwEvents(path)) {
    events++;
    if (touching) touched += touch(e) + touch(e.fields);
  }
  if (touching && touched === 0) throw new Error('nothing read');
  return events;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(tmpdir(), 'etw-ab-'));
try {
  const path = join(dir, 'large.etl');
  const size = await buildLargeEtl(path, Number(values['size-mb']) * MB);
  const before = machine();
  const report = {};
  for (const touching of [false, true]) {
    const seconds = { before: [], after: [] };
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const build of r % 2 === 0 ? ['before', 'after'] : ['after', 'before']) {
        const cpu = process.cpuUsage();
        await read(builds[build], path, touching);
        const used = process.cpuUsage(cpu);
        seconds[build].push((used.user + used.system) / 1e6);
      }
    }
    const name = touching ? 'consumer reading every property' : 'events counted';
    const ratio = median(seconds.after) / median(seconds.before);
    console.log(`${name}: before ${median(seconds.before).toFixed(2)} s, after ${median(seconds.after).toFixed(2)} s of CPU (medians), after/before ${ratio.toFixed(2)}`);
    report[touching ? 'consume' : 'read'] = { seconds, ratio };
  }
  if (values.json !== '') {
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(resolve(values.json), `${JSON.stringify({ date: new Date().toISOString(), machine: before, loadavgAfter: machine().loadavg, fileBytes: size, ...report }, null, 2)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
