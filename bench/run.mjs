// npm run bench [-- --json [path]] [--rounds N] [--time ms] [--filter text]
// Every case of every group in ONE process, several rounds, medians; ratios to each group's baseline.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runRounds } from './lib/harness.mjs';
import { machine } from './lib/machine.mjs';
import { versions } from './lib/modules.mjs';
import { codecCases } from './cases/codec.mjs';
import { compositeCases } from './cases/composite.mjs';
import { extractCases } from './cases/extract.mjs';
import { injectCases } from './cases/inject.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean' },
    rounds: { type: 'string', default: '15' },
    time: { type: 'string', default: '60' },
    filter: { type: 'string', default: '' },
  },
});
const jsonPath = resolve(positionals[0] ?? 'bench/results/latest.json');
const config = { rounds: Number(values.rounds), time: Number(values.time), warmupTime: 30 };

// --filter keeps whole groups (their baseline with them) whose name contains the text.
const cases = [...extractCases(), ...injectCases(), ...codecCases(), ...compositeCases()].filter((c) => c.group.includes(values.filter));
const before = machine();
const started = Date.now();
const results = await runRounds(cases, { ...config, log: (line) => process.stderr.write(`${line}\n`) });
const seconds = (Date.now() - started) / 1000;

const fmt = (n, digits) => n.toFixed(digits);
let group;
for (const r of results) {
  if (r.group !== group) {
    group = r.group;
    console.log(`\n## ${group}\n\n| operation | median ns | ratio | ratio range over rounds | target |\n|---|---:|---:|---|---|`);
  }
  const verdict = r.target === undefined ? '' : `<= ${r.target} ${r.ratio <= r.target ? 'met' : 'MISSED'}`;
  console.log(`| ${r.name} | ${fmt(r.medianNs, 0)} | ${fmt(r.ratio, 2)} | ${fmt(r.ratioMin, 2)}-${fmt(r.ratioMax, 2)} | ${verdict} |`);
}
console.log(`\n${config.rounds} rounds, ${seconds.toFixed(0)} s; load average before ${before.loadavg.map((l) => l.toFixed(2)).join(' ')}`);

if (values.json === true) {
  mkdirSync(dirname(jsonPath), { recursive: true });
  const report = { date: new Date().toISOString(), machine: before, loadavgAfter: machine().loadavg, versions: versions(), config, seconds, results };
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`results written to ${jsonPath}`);
}
