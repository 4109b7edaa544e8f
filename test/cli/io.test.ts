import { PassThrough, Writable } from 'node:stream';
import { processIo } from '../../src/cli/io.js';

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of iterable) lines.push(line);
  return lines;
}

describe('processIo', () => {
  it('reads \\n and \\r\\n lines from stdin', async () => {
    const stdin = new PassThrough();
    const io = processIo({ stdin, stdout: new PassThrough(), stderr: new PassThrough() });
    stdin.end('a\r\nb\n\nc');
    expect(await collect(io.lines())).toEqual(['a', 'b', '', 'c']);
    expect(io.stdinIsTTY).toBe(false);
  });

  it('writes to stdout and stderr', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const io = processIo({ stdin: Object.assign(new PassThrough(), { isTTY: true }), stdout, stderr });
    await io.out('out\n');
    await io.err('err\n');
    expect(io.stdinIsTTY).toBe(true);
    expect(String(stdout.read())).toBe('out\n');
    expect(String(stderr.read())).toBe('err\n');
  });

  it('waits for drain when a stream is full', async () => {
    const chunks: string[] = [];
    const stdout = new Writable({
      highWaterMark: 1,
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        setImmediate(done);
      },
    });
    const io = processIo({ stdin: new PassThrough(), stdout, stderr: new PassThrough() });
    await io.out('first\n');
    await io.out('second\n');
    expect(chunks).toEqual(['first\n', 'second\n']);
  });

  it('stops writing to a closed stdout (EPIPE) instead of crashing', async () => {
    const stdout = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const io = processIo({ stdin: new PassThrough(), stdout, stderr: new PassThrough() });
    await io.out('lost\n');
    expect(io.outputClosed()).toBe(true);
    await io.out('not even tried\n');
    expect(io.outputClosed()).toBe(true);
  });
});
