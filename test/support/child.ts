// Child processes for end-to-end tests: every wait has a deadline, every child is remembered so that
// `stopAllChildren` (called from afterAll) kills whatever a failed test left running.
import { ChildProcess, spawn } from 'node:child_process';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ChildOptions {
  /** Extra environment; OTEL_* and NODE_OPTIONS of the test process are not passed on. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** How long the child may take to print its READY line. Default 30 s (a loaded 2-core CI machine). */
  readonly readyTimeoutMs?: number;
}

export interface Child {
  readonly name: string;
  /** The JSON after `READY ` on the child's first READY line. */
  readonly ready: unknown;
  readonly exited: Promise<Exit>;
  /** Everything the child wrote so far, stdout and stderr interleaved, for failure messages. */
  output(): string;
  /** Sends `signal`, waits up to `timeoutMs` for the exit, then SIGKILLs and rejects. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
}

const live = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts `command` and resolves once it prints `READY <json>` on stdout; kills it if that does not come. */
export async function startChild(name: string, command: string, args: readonly string[], options: ChildOptions = {}): Promise<Child> {
  const { child, output, exited } = spawnTracked(command, args, options);
  const timeoutMs = options.readyTimeoutMs ?? 30000;
  let ready: unknown;
  try {
    ready = await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name}: not ready after ${timeoutMs} ms`)), timeoutMs);
      let pending = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const match = /^READY (.*)$/m.exec(pending);
        if (match === null) return;
        clearTimeout(timer);
        resolve(JSON.parse(match[1]));
      });
      void exited.then((exit) => {
        clearTimeout(timer);
        reject(new Error(`${name}: exited before ready (code ${exit.code}, signal ${exit.signal})`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${(error as Error).message}\n--- ${name} output ---\n${output()}`);
  }
  return {
    name,
    ready,
    exited,
    output,
    async stop(signal = 'SIGTERM', stopTimeoutMs = 10000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`${name}: still running ${stopTimeoutMs} ms after ${signal}; killed\n${output()}`));
        }, stopTimeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Runs `command` to completion; kills it and rejects after `timeoutMs`. */
export async function runToEnd(
  command: string,
  args: readonly string[],
  options: ChildOptions & { readonly timeoutMs: number }
): Promise<Exit & { stdout: string; output: string }> {
  const { child, output, exited, stdout } = spawnTracked(command, args, options);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const exit = await exited;
  clearTimeout(timer);
  if (exit.signal === 'SIGKILL') {
    throw new Error(`${command} ${args.join(' ')}: killed after ${options.timeoutMs} ms\n${output()}`);
  }
  return { ...exit, stdout: stdout(), output: output() };
}

/** Kills every child still running (afterAll). */
export async function stopAllChildren(): Promise<void> {
  const waits = [...live].map(
    (child) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        child.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGKILL');
      })
  );
  await Promise.all(waits);
}

function spawnTracked(command: string, args: readonly string[], options: ChildOptions) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...inheritedEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let all = '';
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    all += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    all += chunk.toString('utf8');
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', (error) => {
      // A child that could not start (ENOENT) never closes.
      all += `spawn error: ${error.message}\n`;
      live.delete(child);
      resolve({ code: null, signal: null });
    });
    child.once('close', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited, output: () => all, stdout: () => out };
}

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('OTEL_') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return env;
}
