// npm run bench:heap [-- --json [path]]   (runs node --expose-gc)
// Heap after a full GC, every 100,000 of one million extracts of the same header: it must stay flat,
// i.e. extract keeps nothing per call (no cache, no registry, no growing chain of baggage or contexts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from './lib/machine.mjs';
import { core, pkg, versions } from './lib/modules.mjs';
import { ACTIVITY, BAGGAGE, getter, headers, ROOT, setter, TRACEPARENT } from './lib/fixtures.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' } } });
const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with node --expose-gc (npm run bench:heap does)');

const TOTAL = 1_000_000;
const STEP = 100_000;

function heapAfterGc() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Heap (bytes) after GC before the first call and after every STEP calls of `op`. */
function sample(op) {
  for (let i = 0; i < STEP; i++) op(); // warm-up: compiled code, inline caches, tables all exist before
  const heap = [heapAfterGc()];
  for (let done = 0; done < TOTAL; done += STEP) {
    for (let i = 0; i < STEP; i++) op();
    heap.push(heapAfterGc());
  }
  return heap;
}

const e2e = new pkg.E2EActivityPropagator();
const incoming = headers({ e2eactivity: ACTIVITY });
const composite = new core.CompositePropagator({
  propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator(), new pkg.E2EActivityPropagator()],
});
const full = headers({ traceparent: TRACEPARENT, baggage: BAGGAGE, e2eactivity: ACTIVITY });

const scenarios = {
  'E2EActivityPropagator.extract (default options)': () => e2e.extract(ROOT, incoming, getter),
  // Also builds the real baggage (W3C baggage inject reads every entry) and forwards the activity.
  'composite extract + inject': () => composite.inject(composite.extract(ROOT, full, getter), {}, setter),
};

const results = {};
const kb = (bytes) => (bytes / 1024).toFixed(1);
for (const [name, op] of Object.entries(scenarios)) {
  const heap = sample(op);
  const growth = heap[heap.length - 1] - heap[0];
  results[name] = { heapBytes: heap, growthBytes: growth, growthBytesPerCall: growth / TOTAL };
  console.log(`\n${name}: ${TOTAL.toLocaleString('en')} calls`);
  console.log(`heap after GC, KiB, every ${STEP.toLocaleString('en')}: ${heap.map(kb).join(' ')}`);
  console.log(`growth: ${kb(growth)} KiB over the run = ${(growth / TOTAL).toFixed(4)} bytes per call`);
}

if (values.json === true) {
  const path = resolve(positionals[0] ?? 'bench/results/latest-heap.json');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), versions: versions(), total: TOTAL, step: STEP, results }, null, 2)}\n`);
  console.log(`results written to ${path}`);
}
