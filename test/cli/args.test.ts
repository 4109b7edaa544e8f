import { parseArgs, USAGE } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it.each([
    [['decode', 'a'], { kind: 'run', command: 'decode', values: ['a'], json: false }],
    [['encode', 'a', 'b'], { kind: 'run', command: 'encode', values: ['a', 'b'], json: false }],
    [['decode'], { kind: 'run', command: 'decode', values: [], json: false }],
    [['decode', '-'], { kind: 'run', command: 'decode', values: [], json: false }],
    [['--json', 'decode', 'a'], { kind: 'run', command: 'decode', values: ['a'], json: true }],
    [['decode', 'a', '--json'], { kind: 'run', command: 'decode', values: ['a'], json: true }],
    [['decode', '--', '-EQPEKzH3EWY95dMBk1h3Q=='], { kind: 'run', command: 'decode', values: ['-EQPEKzH3EWY95dMBk1h3Q=='], json: false }],
    [['decode', '--', '--json'], { kind: 'run', command: 'decode', values: ['--json'], json: false }],
    [['decode', 'a', '-'], { kind: 'run', command: 'decode', values: ['a', '-'], json: false }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([[['--help']], [['-h']], [['help']], [['decode', 'a', '--help']]])('%j asks for help', (argv) => {
    expect(parseArgs(argv)).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'missing command: decode or encode'],
    [['--json'], 'missing command: decode or encode'],
    [['convert', 'a'], 'unknown command convert: expected decode or encode'],
    [['decode', '-EQPEKzH3EWY95dMBk1h3Q=='], 'unknown option -EQPEKzH3EWY95dMBk1h3Q== (put -- before a value that starts with -)'],
    [['--verbose', 'decode'], 'unknown option --verbose (put -- before a value that starts with -)'],
  ])('%j is a usage error', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: 'usage-error', message });
  });

  it('documents every command, option and exit status', () => {
    for (const text of ['decode', 'encode', '--json', '--help', 'Exit status', '0 every', '1 usage', '2 one or more']) {
      expect(USAGE).toContain(text);
    }
  });
});
