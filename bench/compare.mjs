// node bench/compare.mjs a.json b.json ...   (files written by npm run bench -- --json)
// One markdown table per group with each run's median ratio side by side, for docs/performance.md.
import { readFileSync } from 'node:fs';

const runs = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, 'utf8')));
if (runs.length === 0) throw new Error('usage: node bench/compare.mjs results1.json [results2.json ...]');

const f = (n, d) => n.toFixed(d);
const heads = runs.map((_, i) => `run ${i + 1} ns | run ${i + 1} ratio (min-max over rounds)`).join(' | ');
let group;
for (const [index, first] of runs[0].results.entries()) {
  if (first.group !== group) {
    group = first.group;
    console.log(`\n**${group}**\n\n| operation | ${heads} | target |\n|---|${runs.map(() => '---:|---:|').join('')}---|`);
  }
  const cells = runs.map((run) => {
    const r = run.results[index];
    return `${f(r.medianNs, 0)} | ${f(r.ratio, 2)} (${f(r.ratioMin, 2)}-${f(r.ratioMax, 2)})`;
  });
  const verdicts = runs.map((run) => (run.results[index].ratio <= first.target ? 'met' : 'missed'));
  const target = first.target === undefined ? '' : `<= ${first.target}: ${verdicts.join(', ')}`;
  console.log(`| ${first.name}${first.baseline === first.name ? ' (baseline)' : ''} | ${cells.join(' | ')} | ${target} |`);
}
for (const [i, run] of runs.entries()) {
  console.log(`\nrun ${i + 1}: ${run.date}, ${run.config.rounds} rounds of ${run.config.time} ms per case, load average ${run.machine.loadavg.map((l) => f(l, 2)).join(' ')} before, ${run.loadavgAfter.map((l) => f(l, 2)).join(' ')} after`);
}
