import type { EtwProblem } from '../../etw/event.js';
import type { EtwImportSummary } from '../../etw/spans/index.js';

/** A reader problem and the file it was in. */
export interface FileProblem {
  readonly file: string;
  readonly problem: EtwProblem;
}

/** Where the spans went, for the summary. */
export interface SpansOutcome {
  readonly written?: { readonly to: string; readonly spans: number };
  readonly exported?: { readonly to: string; readonly spans: number; readonly failed: number; readonly errors: readonly string[] };
}

/** One line per reader problem: `e2e.etl: offset 65536: record size 0 past the buffer's end`. */
export function problemLine({ file, problem }: FileProblem): string {
  const where =
    problem.offset !== undefined
      ? `offset ${problem.offset}: `
      : problem.line !== undefined
        ? `line ${problem.line}, column ${problem.column ?? 0}: `
        : '';
  return `${file}: ${where}${problem.message}`;
}

/** The summary `etw spans` prints on standard error, reader problems repeated at its end. */
export function summaryLines(summary: EtwImportSummary, outcome: SpansOutcome, problems: readonly FileProblem[], droppedProblems: number): string[] {
  const n = (value: number): string => value.toLocaleString('en-US');
  const lines = [
    `etw spans: ${n(summary.events)} events; ${n(summary.requests)} Http.sys requests (${n(summary.matchedRequests)} matched to a WCF activity by process, time and URL; ${n(summary.unmatchedRequests)} unmatched, ${n(summary.ambiguousRequests)} of them ambiguous); ${n(summary.activities)} WCF activities; ${n(summary.unfinished)} unfinished; ${n(summary.spans)} spans`,
  ];
  if (summary.skippedEvents > 0) lines.push(`  ${n(summary.skippedEvents)} events of other providers or of no request or activity skipped`);
  if (summary.lateEvents > 0) {
    lines.push(`  ${n(summary.lateEvents)} events came later than the horizon behind newer ones: requests may be split; raise --horizon-ms`);
  }
  if (outcome.written !== undefined) lines.push(`  ${n(outcome.written.spans)} spans written as OTLP JSON to ${outcome.written.to}`);
  const exported = outcome.exported;
  if (exported !== undefined) {
    lines.push(`  ${n(exported.spans)} spans exported to ${exported.to}, ${n(exported.failed)} failed`);
    if (exported.failed > 0) {
      lines.push(`  export failed: ${n(exported.failed)} spans lost (${exported.errors.join('; ')})`);
    }
  }
  if (problems.length > 0) {
    const total = problems.length + droppedProblems;
    lines.push(`  ${n(total)} damaged or malformed part${total === 1 ? '' : 's'} in the input (the intact events were imported):`);
    for (const problem of problems) lines.push(`    ${problemLine(problem)}`);
    if (droppedProblems > 0) lines.push(`    ... and ${n(droppedProblems)} more`);
  }
  return lines;
}
