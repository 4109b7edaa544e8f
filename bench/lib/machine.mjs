// The machine a run happened on, recorded next to every result.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line !== undefined) model = line.split(':')[1].trim();
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return { cpus: cpus().length, model, node: process.version, platform: `${process.platform} ${process.arch}`, loadavg: loadavg() };
}
