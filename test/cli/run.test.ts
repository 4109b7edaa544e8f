import { CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run.js';

interface FakeIo extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

function fakeIo(input: readonly string[] = [], options: { tty?: boolean; closeAfter?: number } = {}): FakeIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    stdinIsTTY: options.tty === true,
    async *lines() {
      yield* input;
    },
    out: async (text) => {
      stdout.push(text);
    },
    err: async (text) => {
      stderr.push(text);
    },
    outputClosed: () => options.closeAfter !== undefined && stdout.length >= options.closeAfter,
  };
}

const SPEC_BLOCK =
  'GUID      100f44d4-c7ac-45dc-98f7-974c064d61dd\ntrace id  100f44d4c7ac45dc98f7974c064d61dd\nE2EActivity: 1EQPEKzH3EWY95dMBk1h3Q==\n';

describe('runCli', () => {
  it('prints help on stdout with status 0', async () => {
    const io = fakeIo();
    expect(await runCli(['--help'], io)).toBe(EXIT_OK);
    expect(io.stdout.join('')).toMatch(/^Usage: e2eactivity/);
    expect(io.stderr).toEqual([]);
  });

  it('reports a usage error with the usage on stderr and status 1', async () => {
    const io = fakeIo();
    expect(await runCli(['frobnicate'], io)).toBe(EXIT_USAGE);
    expect(io.stderr.join('')).toMatch(/^e2eactivity: unknown command frobnicate: expected decode or encode\n\nUsage:/);
    expect(io.stdout).toEqual([]);
  });

  it('decodes argument values, blocks apart, and exits 0', async () => {
    const io = fakeIo();
    expect(await runCli(['decode', '1EQPEKzH3EWY95dMBk1h3Q==', '1EQPEKzH3EWY95dMBk1h3Q=='], io)).toBe(EXIT_OK);
    expect(io.stdout.join('')).toBe(`${SPEC_BLOCK}\n${SPEC_BLOCK}`);
  });

  it('still prints the valid values of a batch, explains the invalid ones and exits 2', async () => {
    const io = fakeIo(['1EQPEKzH3EWY95dMBk1h3Q', '1EQPEKzH3EWY95dMBk1h3Q==', '', '  ', '1EQPEKzH3EWY95dMBk1h3Q==']);
    expect(await runCli(['decode'], io)).toBe(EXIT_INVALID);
    expect(io.stdout.join('')).toBe(`${SPEC_BLOCK}\n${SPEC_BLOCK}`);
    expect(io.stderr).toEqual([
      'e2eactivity: invalid value "1EQPEKzH3EWY95dMBk1h3Q" (line 1): unpadded base64: WCF sends 24 characters ending in "=="\n',
    ]);
  });

  it('writes JSON Lines on stdout for valid and invalid values alike', async () => {
    const io = fakeIo(['100f44d4-c7ac-45dc-98f7-974c064d61dd', 'nope']);
    expect(await runCli(['encode', '--json'], io)).toBe(EXIT_INVALID);
    const records = io.stdout.map((line) => JSON.parse(line));
    expect(records).toEqual([
      expect.objectContaining({ line: 1, value: '1EQPEKzH3EWY95dMBk1h3Q==' }),
      expect.objectContaining({ line: 2, input: 'nope', error: expect.stringMatching(/^not a GUID/) }),
    ]);
    expect(io.stderr).toEqual([]);
  });

  it('encodes argument values one per line', async () => {
    const io = fakeIo();
    expect(await runCli(['encode', '100f44d4c7ac45dc98f7974c064d61dd', 'b5016019-02f6-4b0c-b887-139947bb1619'], io)).toBe(EXIT_OK);
    expect(io.stdout.join('')).toBe('1EQPEKzH3EWY95dMBk1h3Q==\nGWABtfYCDEu4hxOZR7sWGQ==\n');
  });

  it('tells a terminal user that it reads standard input', async () => {
    const io = fakeIo([], { tty: true });
    expect(await runCli(['encode'], io)).toBe(EXIT_OK);
    expect(io.stderr).toEqual(['e2eactivity: reading values to encode, one per line (end with Ctrl-D)\n']);
  });

  it('stops reading once standard output is closed', async () => {
    const io = fakeIo(['1EQPEKzH3EWY95dMBk1h3Q==', 'x', 'y'], { closeAfter: 1 });
    expect(await runCli(['decode'], io)).toBe(EXIT_OK);
    expect(io.stdout).toEqual([SPEC_BLOCK]);
    expect(io.stderr).toEqual([]);
  });
});
