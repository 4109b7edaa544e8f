import { fileChunksWithProgress, progressLine } from '../../../src/cli/etw/progress.js';
import { capturePath } from '../../etw/capture-path.js';

describe('the progress bar', () => {
  it('shows the share read, the bytes and the file', () => {
    expect(progressLine('e2e.etl', 80 * 1024 * 1024, 256 * 1024 * 1024)).toBe(`e2e.etl [${'#'.repeat(9)}${'.'.repeat(21)}] 31% 80.0/256.0 MiB`);
    expect(progressLine('x', 5, 0)).toBe(`x [${'#'.repeat(30)}] 100% 0.0/0.0 MiB`);
  });

  it('draws while a large file is read and erases itself at the end', async () => {
    const drawn: string[] = [];
    let bytes = 0;
    for await (const chunk of fileChunksWithProgress(capturePath(), (line) => drawn.push(line), 0)) bytes += chunk.length;
    expect(bytes).toBe(294912);
    expect(drawn[0]).toMatch(/^\r.*HTTP_Server\.etl \[#+\.*\] \d+% 0\.\d\/0\.3 MiB$/);
    expect(drawn[drawn.length - 1]).toBe('\r\x1b[K');
  });

  it('stays silent for a small file or without a terminal', async () => {
    const drawn: string[] = [];
    for await (const chunk of fileChunksWithProgress(capturePath(), (line) => drawn.push(line), 1 << 20)) expect(chunk.length).toBeGreaterThan(0);
    for await (const chunk of fileChunksWithProgress(capturePath(), undefined, 0)) expect(chunk.length).toBeGreaterThan(0);
    expect(drawn).toEqual([]);
  });
});
