import { copyFile, chmod, mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { PROGRESS_MIN_BYTES } from '../../../src/cli/etw/progress.js';
import { processIo } from '../../../src/cli/io.js';
import { EXIT_INVALID, EXIT_OK, runCli, type CliIo } from '../../../src/cli/run.js';
import { capturePath } from '../../etw/capture-path.js';
import { recordingIo } from './fake-io.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etw-cli-edges-'));
});

describe('etw events at the edges', () => {
  it('draws a progress bar on a terminal for a large file, and erases it before the summary', async () => {
    // The capture followed by zeros (a sparse file): large, quick to read, its tail one damaged region.
    const big = join(dir, 'big.etl');
    await copyFile(capturePath(), big);
    await chmod(big, 0o644);
    await truncate(big, PROGRESS_MIN_BYTES + 1024 * 1024);
    const io = recordingIo({ stderrIsTTY: true });
    expect(await runCli(['etw', 'events', big, '--json'], io)).toBe(EXIT_INVALID);
    expect(io.stdout).toHaveLength(2041);
    expect(io.stderr[0]).toMatch(/^\r.*big\.etl \[[#.]{30}\] \d+% [\d.]+\/33\.0 MiB$/);
    const erased = io.stderr.indexOf('\r\x1b[K');
    expect(erased).toBeGreaterThan(0);
    expect(io.stderr.slice(erased + 1).join('')).toMatch(/byte offset 294912[^]*problems: 1\n$/);
  });

  it('reads nothing from standard input where the CLI has none', async () => {
    const io: CliIo = { ...recordingIo(), stdinBytes: undefined };
    const err: string[] = [];
    io.err = async (text) => {
      err.push(text);
    };
    expect(await runCli(['etw', 'events', '-'], io)).toBe(EXIT_INVALID);
    expect(err).toEqual(['e2eactivity: -: not an ETL file or event XML: it looks like empty\n']);
  });

  it('reads the bytes of the process standard input', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const io = processIo({ stdin, stdout, stderr: new PassThrough() });
    stdin.end('<Events></Events>');
    expect(await runCli(['etw', 'events', '-'], io)).toBe(EXIT_OK);
    expect(io.stderrIsTTY).toBe(false);
  });

  it.each([
    ['permission denied', { code: 'EACCES' }],
    ['cannot read: disk on fire', new Error('disk on fire\n    at somewhere (x.js:1:1)')],
    ['cannot read: 42', 42],
  ])('explains any other read failure in one line: %s', async (why, failure) => {
    const io = recordingIo();
    io.stdinBytes = async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(0);
      throw failure;
    };
    expect(await runCli(['etw', 'events', '-'], io)).toBe(EXIT_INVALID);
    expect(io.stderr).toEqual([`e2eactivity: -: ${why}\n`]);
  });

  it('counts one event in the singular', async () => {
    const file = join(dir, 'one.xml');
    await writeFile(file, '<Event><System><Provider Name="P"/><EventID>1</EventID></System></Event>');
    const io = recordingIo();
    await runCli(['etw', 'events', file], io);
    expect(io.stderr.join('')).toMatch(/^e2eactivity: 1 event\n/);
  });
});
