// The fetch side of "the application's own E2EActivity wins": the undici:request:create listener, on the
// request shapes of undici 5 (raw string), 6 and 7 (flat array, with or without addHeader), and once on
// Node.js's own fetch. test/e2e/own-header.test.ts runs it under NodeSDK with instrumentation-undici.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { onRequestCreated } from '../../src/fetch-own-header.js';
import { E2EActivityPropagator } from '../../src/index.js';

interface Request {
  headers: unknown;
  addHeader?: (key: string, value: string) => unknown;
}

function arrayRequest(headers: string[], withAddHeader = true): Request {
  const request: Request = { headers };
  if (withAddHeader) {
    request.addHeader = function (this: Request, key: string, value: string) {
      (this.headers as string[]).push(key, value);
      return this;
    };
  }
  return request;
}

describe('undici:request:create listener', () => {
  it('removes every E2EActivity after the first, the one the application set (instrumentation ran first)', () => {
    const request = arrayRequest(['E2EActivity', 'A', 'accept', '*/*', 'e2eactivity', 'B', 'E2EACTIVITY', 'C']);
    onRequestCreated({ request });
    expect(request.headers).toEqual(['E2EActivity', 'A', 'accept', '*/*']);
  });

  it('refuses a later E2EActivity through addHeader and passes every other header on (instrumentation runs next)', () => {
    const request = arrayRequest(['E2EActivity', 'A']);
    onRequestCreated({ request });
    request.addHeader?.('e2eactivity', 'B');
    request.addHeader?.('traceparent', 'T');
    expect(request.headers).toEqual(['E2EActivity', 'A', 'traceparent', 'T']);
  });

  it('appends what it lets through itself on a request without addHeader, as the instrumentation would', () => {
    const request = arrayRequest(['e2eactivity', 'A'], false);
    onRequestCreated({ request });
    request.addHeader?.('E2EActivity', 'B');
    request.addHeader?.('traceparent', 'T');
    expect(request.headers).toEqual(['e2eactivity', 'A', 'traceparent', 'T']);
  });

  it('handles the raw header string of undici 5', () => {
    const request: Request = { headers: 'E2EActivity: A\r\nno-colon\r\naccept: */*\r\ne2eactivity: B\r\n' };
    onRequestCreated({ request });
    expect(request.headers).toBe('E2EActivity: A\r\nno-colon\r\naccept: */*\r\n');
    request.addHeader?.('e2eactivity', 'C');
    request.addHeader?.('traceparent', 'T');
    expect(request.headers).toBe('E2EActivity: A\r\nno-colon\r\naccept: */*\r\ntraceparent: T\r\n');
  });

  it('leaves a request without E2EActivity alone', () => {
    const request = arrayRequest(['accept', '*/*']);
    const addHeader = request.addHeader;
    onRequestCreated({ request });
    expect(request.addHeader).toBe(addHeader);
    const raw: Request = { headers: 'accept: */*\r\n' };
    onRequestCreated({ request: raw });
    expect(raw).toEqual({ headers: 'accept: */*\r\n' });
  });

  it('ignores messages and requests of any other shape, and never throws', () => {
    const throwing = Object.defineProperty({}, 'headers', {
      get: () => {
        throw new Error('no');
      },
    });
    for (const message of [undefined, null, 1, {}, { request: null }, { request: 'x' }, { request: { headers: 5 } }, { request: throwing }]) {
      expect(() => onRequestCreated(message)).not.toThrow();
    }
  });
});

describe('keepOwnE2EActivityOnFetch', () => {
  type Keep = typeof import('../../src/fetch-own-header.js');
  const original = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');
  afterEach(() => {
    if (original === undefined) delete (process as { getBuiltinModule?: unknown }).getBuiltinModule;
    else Object.defineProperty(process, 'getBuiltinModule', original);
  });

  it('does nothing without process.getBuiltinModule (Node.js before 20.16), then subscribes once', () => {
    const subscribeToChannel = jest.fn();
    jest.isolateModules(() => {
      const { keepOwnE2EActivityOnFetch } = jest.requireActual<Keep>('../../src/fetch-own-header.js');
      Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true });
      keepOwnE2EActivityOnFetch();
      Object.defineProperty(process, 'getBuiltinModule', {
        value: (id: string) => (id === 'node:diagnostics_channel' ? { subscribe: subscribeToChannel } : undefined),
        configurable: true,
        writable: true,
      });
      keepOwnE2EActivityOnFetch();
      keepOwnE2EActivityOnFetch();
    });
    expect(subscribeToChannel).toHaveBeenCalledTimes(1);
    expect(subscribeToChannel).toHaveBeenCalledWith('undici:request:create', expect.any(Function));
  });
});

describe('Node.js fetch once a propagator exists', () => {
  it('sends the application header alone, whatever a later listener adds', async () => {
    new E2EActivityPropagator();
    // Stands in for instrumentation-undici subscribing after the propagator was created.
    const addOurs = (message: unknown): void => {
      (message as { request: Required<Request> }).request.addHeader('e2eactivity', 'B');
    };
    subscribe('undici:request:create', addOurs);
    const values: string[][] = [];
    const server = createServer((request, response) => {
      values.push(request.rawHeaders.filter((_, i, all) => i % 2 === 1 && all[i - 1].toLowerCase() === 'e2eactivity'));
      response.end();
    });
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await (await fetch(url, { headers: { E2EActivity: 'A' } })).text();
      await (await fetch(url)).text();
    } finally {
      unsubscribe('undici:request:create', addOurs);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(values).toEqual([['A'], ['B']]);
  });
});
