import type { CliIo } from '../../../src/cli/run.js';

/** A CliIo that records what the CLI writes, with standard input as bytes. */
export interface RecordingIo extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function recordingIo(options: { stdin?: Uint8Array; closeAfter?: number; stderrIsTTY?: boolean } = {}): RecordingIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    stdinIsTTY: false,
    stderrIsTTY: options.stderrIsTTY === true,
    async *lines() {},
    async *stdinBytes() {
      if (options.stdin !== undefined) yield options.stdin;
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
