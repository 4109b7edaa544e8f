import { parseArgs, USAGE } from '../../../src/cli/args.js';

describe('parseArgs for etw', () => {
  it.each([
    [['etw', 'events', 'a.etl'], { kind: 'etw-events', files: ['a.etl'], json: false, providers: [] }],
    [['--json', 'etw', 'events', 'a.etl', '-'], { kind: 'etw-events', files: ['a.etl', '-'], json: true, providers: [] }],
    [
      ['etw', 'events', 'a.xml', '--provider', 'Microsoft-Windows-HttpService', '--provider={c651f5f6-1c0d-492e-8ae1-b4efd7c9d503}'],
      { kind: 'etw-events', files: ['a.xml'], json: false, providers: ['Microsoft-Windows-HttpService', '{c651f5f6-1c0d-492e-8ae1-b4efd7c9d503}'] },
    ],
    [['etw', 'events', '--', '-odd-name.etl'], { kind: 'etw-events', files: ['-odd-name.etl'], json: false, providers: [] }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [['etw'], 'missing etw command: events, spans'],
    [['etw', 'frobnicate'], 'unknown etw command frobnicate: expected events, spans'],
    [['etw', 'events'], 'etw events needs a file (- for standard input)'],
    [['etw', 'events', 'a', '--provider'], 'option --provider needs a value'],
    [['decode', 'a', '--provider', 'x'], 'option --provider does not apply to decode'],
    [['decode', '--json=yes', 'a'], 'option --json takes no value'],
    [['etw', 'events', 'a', '-xyz'], 'unknown option -xyz (put -- before a value that starts with -)'],
  ])('%j is a usage error', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: 'usage-error', message });
  });

  it('documents etw events, its options and exit status', () => {
    for (const text of ['etw events <file ...>', '--provider NAME|GUID', 'neither ETL nor event XML', 'byte offset or line and column']) {
      expect(USAGE).toContain(text);
    }
  });
});
