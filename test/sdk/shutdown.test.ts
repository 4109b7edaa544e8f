import { diag, DiagLogLevel } from '@opentelemetry/api';
import { EventEmitter } from 'node:events';
import { flushOnExit, ProcessLike } from '../../src/sdk/shutdown.js';

class FakeProcess extends EventEmitter implements ProcessLike {
  readonly pid = 4242;
  readonly kills: [number, string][] = [];
  kill(pid: number, signal: string): boolean {
    this.kills.push([pid, signal]);
    return true;
  }
}

function target(shutdown: () => Promise<void> = () => Promise.resolve()): {
  shutdown: jest.Mock<Promise<void>, []>;
  forceFlush: jest.Mock<Promise<void>, []>;
} {
  return { shutdown: jest.fn(shutdown), forceFlush: jest.fn(() => Promise.resolve()) };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('flushOnExit', () => {
  const logged: string[] = [];
  beforeAll(() => {
    const log = (m: string): void => void logged.push(m);
    diag.setLogger({ error: log, warn: log, info: log, debug: log, verbose: log }, DiagLogLevel.ALL);
  });
  afterAll(() => diag.disable());
  beforeEach(() => (logged.length = 0));

  it.each(['SIGTERM', 'SIGINT'])('on %s shuts down, stops listening and raises the signal again', async (signal) => {
    const proc = new FakeProcess();
    const sdk = target();
    flushOnExit(sdk, proc);
    expect(proc.listenerCount(signal)).toBe(1);

    proc.emit(signal);
    await settle();
    expect(sdk.shutdown).toHaveBeenCalledTimes(1);
    expect(proc.listenerCount(signal)).toBe(0);
    expect(proc.kills).toEqual([[4242, signal]]);
    expect(logged).toContain('E2EActivity register: SDK shut down done, spans flushed.');
  });

  it.each(['on', 'once'] as const)(
    'leaves the exit to an application that listens with process.%s: flushes, shuts nothing down, drains',
    async (how) => {
      const proc = new FakeProcess();
      const sdk = target();
      const exit = flushOnExit(sdk, proc);
      let appSaw = 0;
      proc[how]('SIGTERM', () => appSaw++);
      expect(exit.draining).toBe(false);
      proc.emit('SIGTERM');
      await settle();
      expect(appSaw).toBe(1);
      expect(exit.draining).toBe(true);
      expect(sdk.forceFlush).toHaveBeenCalledTimes(1);
      expect(sdk.shutdown).not.toHaveBeenCalled();
      expect(proc.kills).toEqual([]);
      // The drain ends with the event loop running dry.
      proc.emit('beforeExit');
      expect(sdk.shutdown).toHaveBeenCalledTimes(1);
    }
  );

  it('ends the process on a second signal once the application\'s once listener is gone', async () => {
    const proc = new FakeProcess();
    const sdk = target();
    flushOnExit(sdk, proc);
    proc.once('SIGTERM', () => {});
    proc.emit('SIGTERM');
    proc.emit('SIGTERM');
    await settle();
    expect(sdk.shutdown).toHaveBeenCalledTimes(1);
    expect(proc.kills).toEqual([[4242, 'SIGTERM']]);
  });

  it('bounds a flush that does not end', async () => {
    const proc = new FakeProcess();
    const sdk = { shutdown: () => Promise.resolve(), forceFlush: () => new Promise<void>(() => {}) };
    flushOnExit(sdk, proc, 20);
    proc.on('SIGINT', () => {});
    proc.emit('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(logged).toContain('E2EActivity register: the SDK did not flush within 20 ms; spans may be lost.');
  });

  it('shuts down once on beforeExit, however often it fires, and once for a signal after it', async () => {
    const proc = new FakeProcess();
    const sdk = target();
    flushOnExit(sdk, proc);
    proc.emit('beforeExit');
    proc.emit('beforeExit');
    proc.emit('SIGINT');
    await settle();
    expect(sdk.shutdown).toHaveBeenCalledTimes(1);
    expect(proc.kills).toEqual([[4242, 'SIGINT']]);
  });

  it('still exits when the shutdown fails', async () => {
    const proc = new FakeProcess();
    flushOnExit(target(() => Promise.reject(new Error('collector down'))), proc);
    proc.emit('SIGTERM');
    await settle();
    expect(proc.kills).toEqual([[4242, 'SIGTERM']]);
    expect(logged).toContain('E2EActivity register: SDK shut down failed');
  });

  it('stops waiting for a shutdown that does not end', async () => {
    const proc = new FakeProcess();
    flushOnExit(target(() => new Promise<void>(() => {})), proc, 20);
    proc.emit('SIGTERM');
    await settle();
    expect(proc.kills).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(proc.kills).toEqual([[4242, 'SIGTERM']]);
    expect(logged).toContain('E2EActivity register: the SDK did not shut down within 20 ms; spans may be lost.');
  });

  it('uses the real process by default', () => {
    const before = process.listenerCount('SIGTERM');
    flushOnExit(target());
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    removeLastListeners();
  });
});

// Undoes what one flushOnExit call on the real process did.
function removeLastListeners(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeListener(signal, process.listeners(signal).slice(-1)[0]);
  process.removeListener('beforeExit', process.listeners('beforeExit').slice(-1)[0]);
}
