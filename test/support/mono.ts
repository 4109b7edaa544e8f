// Mono plays the .NET (WCF) peer. CI installs it (`apt-get install mono-mcs`, see .ci/run); where it is
// missing the tests fail and say so rather than skip, so a green run always means .NET was really there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runToEnd } from './child.js';

export const DOTNET_SOURCES = join(__dirname, '..', 'e2e', 'dotnet');

/** Throws a clear message unless both `mcs` and `mono` run. */
export function requireMono(): void {
  for (const tool of ['mcs', 'mono']) {
    const probe = spawnSync(tool, ['--version'], { encoding: 'utf8', timeout: 10000 });
    if (probe.error !== undefined || probe.status !== 0) {
      throw new Error(
        `The .NET peer tests need Mono's \`${tool}\`, which did not run (${probe.error?.message ?? `exit ${probe.status}`}). ` +
          'Install it with `apt-get install -y mono-mcs` (as .ci/run does); these tests never skip.'
      );
    }
  }
}

export interface CompiledPrograms {
  /** Path of the .exe built from `<name>.cs`. */
  exe(name: string): string;
  dispose(): void;
}

/** Compiles each `<name>.cs` of test/e2e/dotnet into its own .exe in a fresh temporary directory. */
export async function compileDotnet(names: readonly string[]): Promise<CompiledPrograms> {
  requireMono();
  const dir = mkdtempSync(join(tmpdir(), 'e2eactivity-dotnet-'));
  const exe = (name: string): string => join(dir, `${basename(name)}.exe`);
  try {
    await Promise.all(
      names.map(async (name) => {
        const run = await runToEnd('mcs', ['-nologo', '-warnaserror', `-out:${exe(name)}`, join(DOTNET_SOURCES, `${name}.cs`)], {
          timeoutMs: 60000,
        });
        if (run.code !== 0) throw new Error(`mcs ${name}.cs failed (exit ${run.code}):\n${run.output}`);
      })
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { exe, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A port that was free a moment ago on 127.0.0.1 (HttpListener cannot take port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
