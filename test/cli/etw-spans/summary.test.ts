import { exportTargetOf } from '../../../src/cli/etw-spans/otlp-export.js';
import { problemLine, summaryLines } from '../../../src/cli/etw-spans/summary.js';
import type { EtwImportSummary } from '../../../src/etw/spans/index.js';

const SUMMARY: EtwImportSummary = {
  events: 12345, requests: 10, matchedRequests: 3, unmatchedRequests: 7, ambiguousRequests: 2,
  activities: 4, spans: 30, unfinished: 1, skippedEvents: 5, lateEvents: 6,
};

describe('summaryLines', () => {
  it('counts everything, says where the spans went, and repeats the problems at the end', () => {
    const problems = [
      { file: 'a.etl', problem: { format: 'etl' as const, message: 'bad buffer', offset: 8192 } },
      { file: 'b.xml', problem: { format: 'xml' as const, message: 'unclosed tag', line: 3, column: 7 } },
    ];
    const lines = summaryLines(SUMMARY, { written: { to: 'out.jsonl', spans: 30 }, exported: { to: 'http://c:4318', spans: 20, failed: 10, errors: ['ECONNREFUSED'] } }, problems, 4);
    expect(lines).toEqual([
      'etw spans: 12,345 events; 10 Http.sys requests (3 matched to a WCF activity by process, time and URL; 7 unmatched, 2 of them ambiguous); 4 WCF activities; 1 unfinished; 30 spans',
      '  5 events of other providers or of no request or activity skipped',
      '  6 events came later than the horizon behind newer ones: requests may be split; raise --horizon-ms',
      '  30 spans written as OTLP JSON to out.jsonl',
      '  20 spans exported to http://c:4318, 10 failed',
      '  export failed: 10 spans lost (ECONNREFUSED)',
      '  6 damaged or malformed parts in the input (the intact events were imported):',
      '    a.etl: offset 8192: bad buffer',
      '    b.xml: line 3, column 7: unclosed tag',
      '    ... and 4 more',
    ]);
  });

  it('says one problem in the singular, and a problem with no place plainly', () => {
    const lines = summaryLines({ ...SUMMARY, skippedEvents: 0, lateEvents: 0 }, {}, [{ file: '-', problem: { format: 'xml', message: 'odd' } }], 0);
    expect(lines.slice(1)).toEqual(['  1 damaged or malformed part in the input (the intact events were imported):', '    -: odd']);
    expect(problemLine({ file: 'x.xml', problem: { format: 'xml', message: 'm', line: 2 } })).toBe('x.xml: line 2, column 0: m');
  });
});

describe('exportTargetOf', () => {
  it('takes --endpoint and --protocol first', () => {
    expect(exportTargetOf('http://c:4318', 'grpc', { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toEqual({ endpoint: 'http://c:4318', protocol: 'grpc', shown: 'http://c:4318' });
  });

  it('falls back to the OTEL_EXPORTER_OTLP_* variables, the traces ones first, http/protobuf by default', () => {
    expect(exportTargetOf(undefined, undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t/v1/traces' })).toEqual({ protocol: 'http/protobuf', shown: 'http://t/v1/traces' });
    expect(exportTargetOf(undefined, undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toEqual({ protocol: 'http/json', shown: 'http://a' });
    expect(exportTargetOf(undefined, undefined, { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a' })).toMatchObject({ protocol: 'grpc' });
  });

  it('asks for no export when nothing names an endpoint', () => {
    expect(exportTargetOf(undefined, undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBeUndefined();
  });

  it.each([
    ['http://c', 'zipkin', 'unknown protocol "zipkin"; accepted: http/protobuf, http/json, grpc'],
    ['c:4318', undefined, '--endpoint must be an http:// or https:// URL; got "c:4318"'],
  ])('rejects %s %s', (endpoint, protocol, message) => {
    expect(exportTargetOf(endpoint, protocol, {})).toBe(message);
  });
});
