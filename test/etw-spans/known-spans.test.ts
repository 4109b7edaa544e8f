import { SpanKind } from '@opentelemetry/api';
import { nodeParentFinder } from '../../src/etw/spans/known-spans.js';
import type { KnownSpan } from '../../src/etw/spans/index.js';

const TRACE = '100f44d4c7ac45dc98f7974c064d61dd';
const known = (spanId: string, start: number, end: number, extra: Partial<KnownSpan> = {}): KnownSpan => ({
  spanContext: () => ({ traceId: TRACE, spanId }),
  kind: SpanKind.CLIENT,
  startTime: [start, 0],
  endTime: [end, 0],
  attributes: { 'e2eactivity.id': '100f44d4-c7ac-45dc-98f7-974c064d61dd' },
  ...extra,
});
const at = (seconds: number): bigint => BigInt(seconds) * 1_000_000_000n;

describe('nodeParentFinder', () => {
  it('takes the only CLIENT span of the trace that sent the header, whatever the time', () => {
    const find = nodeParentFinder([known('aaaaaaaaaaaaaaaa', 10, 20)]);
    expect(find(TRACE, at(99))).toBe('aaaaaaaaaaaaaaaa');
    expect(find(TRACE, undefined)).toBe('aaaaaaaaaaaaaaaa');
    expect(find('0'.repeat(31) + '1', at(15))).toBeUndefined();
  });

  it('takes the innermost of nested calls containing the receive', () => {
    const find = nodeParentFinder([known('aaaaaaaaaaaaaaaa', 10, 20), known('bbbbbbbbbbbbbbbb', 12, 18)]);
    expect(find(TRACE, at(15))).toBe('bbbbbbbbbbbbbbbb');
    expect(find(TRACE, at(11))).toBe('aaaaaaaaaaaaaaaa');
    expect(find(TRACE, at(25))).toBeUndefined();
    expect(find(TRACE, undefined)).toBeUndefined();
  });

  it('takes none of two calls that overlap without nesting', () => {
    const find = nodeParentFinder([known('aaaaaaaaaaaaaaaa', 10, 16), known('bbbbbbbbbbbbbbbb', 12, 18)]);
    expect(find(TRACE, at(14))).toBeUndefined();
  });

  it('ignores SERVER spans and CLIENT spans without e2eactivity.id', () => {
    const find = nodeParentFinder([known('aaaaaaaaaaaaaaaa', 10, 20, { kind: SpanKind.SERVER }), known('bbbbbbbbbbbbbbbb', 10, 20, { attributes: {} })]);
    expect(find(TRACE, at(15))).toBeUndefined();
  });
});
