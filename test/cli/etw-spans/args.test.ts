import { parseArgs, USAGE } from '../../../src/cli/args.js';

describe('parseArgs for etw spans', () => {
  it('takes files, --out, --endpoint, --protocol, --service-name and --horizon-ms', () => {
    const argv = ['etw', 'spans', 'web.etl', 'client.etl', '--out', '-', '--endpoint', 'http://localhost:4318', '--protocol', 'grpc', '--service-name', 'iis', '--horizon-ms', '5000'];
    expect(parseArgs(argv)).toEqual({
      kind: 'etw-spans', files: ['web.etl', 'client.etl'], out: '-', endpoint: 'http://localhost:4318', protocol: 'grpc', serviceName: 'iis', horizonMs: 5000,
    });
  });

  it('leaves out what was not given', () => {
    expect(parseArgs(['etw', 'spans', 'a.etl'])).toEqual({ kind: 'etw-spans', files: ['a.etl'] });
  });

  it.each([
    [['etw', 'spans'], 'etw spans needs a file (- for standard input)'],
    [['etw', 'spans', 'a.etl', '--horizon-ms', 'soon'], '--horizon-ms must be a positive number; got "soon"'],
    [['etw', 'spans', 'a.etl', '--horizon-ms', '0'], '--horizon-ms must be a positive number; got "0"'],
  ])('%j is a usage error', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: 'usage-error', message });
  });

  it('documents etw spans, its options and exit status', () => {
    for (const text of ['etw spans <file ...>', '--out FILE|-', '--endpoint URL', 'http/protobuf (default), http/json or grpc', '--service-name NAME', '3 when spans']) {
      expect(USAGE).toContain(text);
    }
  });
});
