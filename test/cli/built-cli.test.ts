// Runs the built command as a user would (`npm test` builds first): shebang, argument handling, stdin
// batches and exit statuses, through a real process boundary.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../build/cjs/cli/main.js');

function cli(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [MAIN, ...args], { input, encoding: 'utf8', timeout: 20000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
});

describe('the built e2eactivity command', () => {
  it('starts with a shebang, so that npm can link it as a bin', () => {
    expect(readFileSync(MAIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('decodes the spec example', () => {
    expect(cli(['decode', '1EQPEKzH3EWY95dMBk1h3Q=='])).toEqual({
      status: 0,
      stdout:
        'GUID      100f44d4-c7ac-45dc-98f7-974c064d61dd\n' +
        'trace id  100f44d4c7ac45dc98f7974c064d61dd\n' +
        'E2EActivity: 1EQPEKzH3EWY95dMBk1h3Q==\n',
      stderr: '',
    });
  });

  it('encodes a GUID and a trace id', () => {
    expect(cli(['encode', '100f44d4-c7ac-45dc-98f7-974c064d61dd', '100f44d4c7ac45dc98f7974c064d61dd'])).toEqual({
      status: 0,
      stdout: '1EQPEKzH3EWY95dMBk1h3Q==\n1EQPEKzH3EWY95dMBk1h3Q==\n',
      stderr: '',
    });
  });

  it('explains an invalid argument and exits 2', () => {
    expect(cli(['decode', '1EQPEKzH3EWY95dMBk1h3Q'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'e2eactivity: invalid value "1EQPEKzH3EWY95dMBk1h3Q": unpadded base64: WCF sends 24 characters ending in "=="\n',
    });
  });

  it('decodes a stdin batch as JSON Lines, invalid lines included, and exits 2', () => {
    const input = '1EQPEKzH3EWY95dMBk1h3Q==\r\nGWABtfYCDEu4hxOZR7sWGQ==\n\nAAECAwQFBgcICQoL\nAAAAAAAAAAAAAAAAAAAAAA==\n/////////////////////w==';
    const { status, stdout, stderr } = cli(['decode', '--json'], input);
    expect(status).toBe(2);
    expect(stderr).toBe('');
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ line: 1, guid: '100f44d4-c7ac-45dc-98f7-974c064d61dd' }),
      expect.objectContaining({ line: 2, guid: 'b5016019-02f6-4b0c-b887-139947bb1619' }),
      { line: 4, input: 'AAECAwQFBgcICQoL', error: expect.stringMatching(/^decodes to 12 bytes, not 16/) },
      { line: 5, input: 'AAAAAAAAAAAAAAAAAAAAAA==', error: 'Guid.Empty (all zeros) means no activity' },
      expect.objectContaining({ line: 6, guid: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }),
    ]);
  });

  it('encodes a stdin batch as text, explaining invalid lines on stderr', () => {
    const { status, stdout, stderr } = cli(['encode'], '100f44d4-c7ac-45dc-98f7-974c064d61dd\n00000000-0000-0000-0000-000000000000\n{B5016019-02F6-4B0C-B887-139947BB1619}\n');
    expect(status).toBe(2);
    expect(stdout).toBe('1EQPEKzH3EWY95dMBk1h3Q==\nGWABtfYCDEu4hxOZR7sWGQ==\n');
    expect(stderr).toBe('e2eactivity: invalid value "00000000-0000-0000-0000-000000000000" (line 2): Guid.Empty (all zeros) means no activity\n');
  });

  it('exits 0 on an empty stdin', () => {
    expect(cli(['decode', '-'], '')).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('prints help with status 0 and usage errors with status 1', () => {
    expect(cli(['--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: e2eactivity/) });
    expect(cli([])).toMatchObject({ status: 1, stdout: '', stderr: expect.stringMatching(/^e2eactivity: missing command/) });
  });

  // Regression for the quadratic diagnosis: a log column of 200,000 "=" and one "x" took about 90 s, past
  // the 20 s that `cli` allows (spawnSync then kills the child and the status is null); linear, it takes
  // milliseconds. The bound is only a deadline, not a speed measurement.
  it('diagnoses a 200,000-character line of "=" and echoes only its first 60 characters', () => {
    const { status, stdout, stderr } = cli(['decode', '--json'], `${'='.repeat(200000)}x\n`);
    expect({ status, stderr }).toEqual({ status: 2, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      line: 1,
      input: '='.repeat(60),
      inputLength: 200001,
      error: '"=" at position 1: padding goes only at the end',
    });
  });
});
