import { formatError, formatJson, formatText } from '../../src/cli/format.js';

const CONVERTED = {
  input: '1EQPEKzH3EWY95dMBk1h3Q==',
  guid: '100f44d4-c7ac-45dc-98f7-974c064d61dd',
  traceId: '100f44d4c7ac45dc98f7974c064d61dd',
  value: '1EQPEKzH3EWY95dMBk1h3Q==',
};

describe('formatText', () => {
  it('prints the GUID, the trace id and the header line for decode', () => {
    expect(formatText('decode', CONVERTED)).toBe(
      'GUID      100f44d4-c7ac-45dc-98f7-974c064d61dd\n' +
        'trace id  100f44d4c7ac45dc98f7974c064d61dd\n' +
        'E2EActivity: 1EQPEKzH3EWY95dMBk1h3Q==\n'
    );
  });

  it('prints only the header value for encode', () => {
    expect(formatText('encode', CONVERTED)).toBe('1EQPEKzH3EWY95dMBk1h3Q==\n');
  });
});

describe('formatError', () => {
  it('quotes the input and gives the line', () => {
    expect(formatError({ input: 'abc', error: 'why' }, 7)).toBe('e2eactivity: invalid value "abc" (line 7): why\n');
    expect(formatError({ input: 'abc', error: 'why' }, undefined)).toBe('e2eactivity: invalid value "abc": why\n');
  });

  it('escapes control characters and cuts long input short', () => {
    expect(formatError({ input: '\u001b[31mred\r\n', error: 'x' }, undefined)).toBe(
      'e2eactivity: invalid value "\\u001b[31mred\\r\\n": x\n'
    );
    expect(formatError({ input: 'A'.repeat(100), error: 'x' }, undefined)).toBe(
      `e2eactivity: invalid value "${'A'.repeat(60)}...": x\n`
    );
  });
});

describe('formatJson', () => {
  it('writes one line per value, with the line number when there is one', () => {
    expect(formatJson(CONVERTED, undefined)).toBe(
      '{"input":"1EQPEKzH3EWY95dMBk1h3Q==","guid":"100f44d4-c7ac-45dc-98f7-974c064d61dd",' +
        '"traceId":"100f44d4c7ac45dc98f7974c064d61dd","value":"1EQPEKzH3EWY95dMBk1h3Q==",' +
        '"header":"E2EActivity: 1EQPEKzH3EWY95dMBk1h3Q=="}\n'
    );
    expect(JSON.parse(formatJson({ input: 'x\ny', error: 'why' }, 3))).toEqual({ line: 3, input: 'x\ny', error: 'why' });
  });

  it('cuts a long input to the quote limit and gives its full length', () => {
    const input = `${'='.repeat(80000)}x`;
    const line = formatJson({ input, error: 'why' }, 2);
    expect(JSON.parse(line)).toEqual({ line: 2, input: '='.repeat(60), inputLength: 80001, error: 'why' });
    expect(line.length).toBeLessThan(200);
    expect(JSON.parse(formatJson({ input: 'A'.repeat(60), error: 'why' }, undefined))).toEqual({ input: 'A'.repeat(60), error: 'why' });
  });
});
