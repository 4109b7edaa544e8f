// node bench/ab.mjs [--rounds N]   (after `npm run bench:build` and a build of another revision's src/ into
// .bench/main-cjs, e.g. `git archive main src tsconfig.*.json | tar -x -C /tmp/m && ln -s $PWD/node_modules
// /tmp/m/ && npx tsc -p /tmp/m/tsconfig.build.json --outDir .bench/main-cjs --declaration false`)
// The same operations of two builds of the package in ONE process, each build's case timed next to the
// other's in every round: what a change costs, without the drift between two separate runs.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { runRounds } from './lib/harness.mjs';
import { machine } from './lib/machine.mjs';
import { api, core } from './lib/modules.mjs';
import { ACTIVITY, getter, headers, outgoing, ROOT, setter, SPAN_CONTEXT, TRACEPARENT } from './lib/fixtures.mjs';

const require = createRequire(import.meta.url);
const before = require('../.bench/main-cjs/index.js');
const after = require('../.bench/cjs/index.js');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } } });

const present = headers({ e2eactivity: ACTIVITY });
const withSpan = api.trace.setSpanContext(ROOT, SPAN_CONTEXT);
const cases = [];
for (const [label, pkg] of [['before', before], ['after', after]]) {
  const e2e = new pkg.E2EActivityPropagator();
  const running = e2e.extract(ROOT, present, getter);
  const extracted = e2e.extract(withSpan, present, getter);
  const baseline = label === 'before';
  cases.push(
    { group: 'extract, default, present', name: label, op: () => e2e.extract(ROOT, present, getter), baseline },
    { group: 're-extract into its own result', name: label, op: () => e2e.extract(running, present, getter), baseline },
    { group: 'inject, forward extracted activity', name: label, op: () => e2e.inject(extracted, outgoing(), setter), baseline }
  );
}
// W3C traceparent extract, for scale.
const w3c = new core.W3CTraceContextPropagator();
const traceparent = headers({ traceparent: TRACEPARENT });
cases.push({ group: 'W3C traceparent extract (scale)', name: 'W3C', op: () => w3c.extract(ROOT, traceparent, getter), baseline: true });

const load = machine().loadavg;
const results = await runRounds(cases, { rounds: Number(values.rounds), time: 60, warmupTime: 30, log: () => undefined });
console.log('| operation | before ns | after ns | after / before (min-max over rounds) |\n|---|---:|---:|---|');
for (const r of results.filter((x) => x.name === 'after')) {
  const b = results.find((x) => x.group === r.group && x.name === 'before');
  console.log(`| ${r.group} | ${b.medianNs.toFixed(0)} | ${r.medianNs.toFixed(0)} | ${r.ratio.toFixed(2)} (${r.ratioMin.toFixed(2)}-${r.ratioMax.toFixed(2)}) |`);
}
const scale = results.find((x) => x.name === 'W3C');
console.log(`\nW3C traceparent extract: ${scale.medianNs.toFixed(0)} ns`);
console.log(`load average before ${load.map((l) => l.toFixed(2)).join(' ')}, after ${machine().loadavg.map((l) => l.toFixed(2)).join(' ')}`);
