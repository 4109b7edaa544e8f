/**
 * fast-check runs per property: `base` in `npm test`, E2E_FUZZ_RUNS (1,000,000 in `npm run fuzz`) when set.
 */
export function propertyRuns(base: number): number {
  const fuzz = Number(process.env.E2E_FUZZ_RUNS);
  return Number.isSafeInteger(fuzz) && fuzz > 0 ? fuzz : base;
}
