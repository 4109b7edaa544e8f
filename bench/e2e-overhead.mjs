// npm run bench:e2e [-- --rounds N] [--seconds S] [--connections C] [--control] [--json [path]]
// The same node:http service under NodeSDK without and with E2EActivityPropagator (bench/e2e/server.mjs),
// each in its own child process so CPU is measured per server, loaded by autocannon on 127.0.0.1 in
// interleaved rounds (the order flips every round). Reports requests/s and server CPU microseconds per
// request as ratios with / without, with their spread over the rounds. --control runs the second
// server WITHOUT the propagator too: the ratios it reports are the setup's own bias and noise.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { machine } from './lib/machine.mjs';
import { versions } from './lib/modules.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '12' },
    seconds: { type: 'string', default: '4' },
    connections: { type: 'string', default: '16' },
    json: { type: 'boolean' },
    control: { type: 'boolean' },
  },
});
const config = { control: values.control === true, rounds: Number(values.rounds), seconds: Number(values.seconds), connections: Number(values.connections), warmupSeconds: 3 };
const HEADERS = {
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  baggage: 'userId=alice',
  e2eactivity: '1EQPEKzH3EWY95dMBk1h3Q==',
};
const serverPath = fileURLToPath(new URL('./e2e/server.mjs', import.meta.url));

async function start(variant) {
  const child = fork(serverPath, [variant], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [{ port }] = await once(child, 'message');
  const cpu = async () => {
    child.send('cpu');
    const [message] = await once(child, 'message');
    return message.cpu.user + message.cpu.system;
  };
  return { variant, child, url: `http://127.0.0.1:${port}/`, cpu };
}

/** One autocannon run against one server; its requests/s and the server's CPU microseconds per request. */
async function load(server, seconds) {
  const cpuBefore = await server.cpu();
  const result = await autocannon({ url: server.url, connections: config.connections, duration: seconds, headers: HEADERS });
  const cpuMicros = (await server.cpu()) - cpuBefore;
  const requests = result.requests.total;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${server.variant}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return { requestsPerSecond: requests / result.duration, cpuMicrosPerRequest: cpuMicros / requests, requests };
}

const stats = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  // Linear interpolation between the two nearest ranks.
  const q = (p) => {
    const at = p * (sorted.length - 1);
    const low = Math.floor(at);
    return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
  };
  return { median: q(0.5), min: sorted[0], max: sorted[sorted.length - 1], p25: q(0.25), p75: q(0.75) };
};

const started = Date.now();
const before = machine();
const servers = { without: await start('without'), with: await start(config.control ? 'without' : 'with') };
for (const server of Object.values(servers)) await load(server, config.warmupSeconds);

const rounds = [];
for (let round = 0; round < config.rounds; round++) {
  const order = round % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
  const measured = {};
  for (const variant of order) measured[variant] = await load(servers[variant], config.seconds);
  rounds.push(measured);
  const r = measured.with.requestsPerSecond / measured.without.requestsPerSecond;
  const c = measured.with.cpuMicrosPerRequest / measured.without.cpuMicrosPerRequest;
  process.stderr.write(`round ${round + 1}/${config.rounds}: req/s ratio ${r.toFixed(3)}, CPU/request ratio ${c.toFixed(3)}\n`);
}
for (const server of Object.values(servers)) server.child.send('stop');

const summary = {
  requestsPerSecond: {
    without: stats(rounds.map((r) => r.without.requestsPerSecond)),
    with: stats(rounds.map((r) => r.with.requestsPerSecond)),
    ratio: stats(rounds.map((r) => r.with.requestsPerSecond / r.without.requestsPerSecond)),
  },
  cpuMicrosPerRequest: {
    without: stats(rounds.map((r) => r.without.cpuMicrosPerRequest)),
    with: stats(rounds.map((r) => r.with.cpuMicrosPerRequest)),
    ratio: stats(rounds.map((r) => r.with.cpuMicrosPerRequest / r.without.cpuMicrosPerRequest)),
  },
};
const seconds = (Date.now() - started) / 1000;
const f = (n, d) => n.toFixed(d);
const row = (name, s, d) => `| ${name} | ${f(s.median, d)} | ${f(s.p25, d)}-${f(s.p75, d)} | ${f(s.min, d)}-${f(s.max, d)} |`;
console.log(`\n${config.control ? 'CONTROL RUN: both servers without E2EActivity\n' : ''}| metric (${config.rounds} rounds x ${config.seconds} s, ${config.connections} connections) | median | middle half | min-max |\n|---|---:|---|---|`);
console.log(row('requests/s, tracecontext+baggage', summary.requestsPerSecond.without, 0));
console.log(row('requests/s, + e2eactivity', summary.requestsPerSecond.with, 0));
console.log(row('requests/s ratio (with / without, same round)', summary.requestsPerSecond.ratio, 3));
console.log(row('server CPU us/request, tracecontext+baggage', summary.cpuMicrosPerRequest.without, 1));
console.log(row('server CPU us/request, + e2eactivity', summary.cpuMicrosPerRequest.with, 1));
console.log(row('CPU/request ratio (with / without, same round)', summary.cpuMicrosPerRequest.ratio, 3));
console.log(`\n${f(seconds, 0)} s; load average before ${before.loadavg.map((l) => f(l, 2)).join(' ')}`);

if (values.json === true) {
  const path = resolve(positionals[0] ?? 'bench/results/latest-e2e.json');
  mkdirSync(dirname(path), { recursive: true });
  const report = { date: new Date().toISOString(), machine: before, loadavgAfter: machine().loadavg, versions: versions(), config, seconds, summary, rounds };
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`results written to ${path}`);
}
