// Rounds of tinybench over every case, medians per round, ratios to each group's baseline in the same round.
import { Bench } from 'tinybench';

/** Operations per timed sample: one call takes ~20-300 ns, too close to the timer's own cost to time alone. */
export const BATCH = 1000;

// Results go here so the optimizer cannot drop a call whose result nobody reads.
const sink = { value: undefined };

/**
 * A loop of BATCH calls of `op`. Built with `new Function` so each case gets its own copy of the loop and
 * so its own type feedback: a shared loop would see every case's `op` and stop inlining any of them.
 */
function batched(op) {
  return new Function('op', 'sink', `return function batch() { let r; for (let i = 0; i < ${BATCH}; i++) r = op(); sink.value = r; };`)(op, sink);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Indexes of the cases in the order round `round` runs them: a group's cases stay together, so each is
 * timed within a second of its baseline (this machine's load changes faster than a whole round takes),
 * and both the groups and the cases within a group rotate per round so drift does not always hit the
 * same case.
 */
function orderOf(cases, round) {
  const groups = [...new Set(cases.map((c) => c.group))];
  const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);
  return rotate(groups, round).flatMap((group) =>
    rotate(cases.flatMap((c, i) => (c.group === group ? [i] : [])), round)
  );
}

/**
 * Runs `rounds` rounds; each round is one tinybench run (with its warm-up) of every case.
 * A case is `{ group, name, op, baseline?, target? }`; each group has exactly one baseline.
 */
export async function runRounds(cases, { rounds, time, warmupTime, log }) {
  const perRound = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time, warmupTime, warmup: true, throws: true });
    for (const i of orderOf(cases, round)) bench.add(String(i), batched(cases[i].op));
    await bench.run();
    for (const task of bench.tasks) perRound[Number(task.name)].push((task.result.latency.p50 * 1e6) / BATCH);
    log(`round ${round + 1}/${rounds} done`);
  }
  return cases.map((c, i) => {
    const base = cases.findIndex((b) => b.group === c.group && b.baseline === true);
    const ratios = perRound[i].map((ns, r) => ns / perRound[base][r]);
    return {
      group: c.group,
      name: c.name,
      baseline: cases[base].name,
      target: c.target,
      medianNs: median(perRound[i]),
      ratio: median(ratios),
      ratioMin: Math.min(...ratios),
      ratioMax: Math.max(...ratios),
      perRoundNs: perRound[i],
    };
  });
}
