// The small pure parts of the span import, table-driven: URL and socket address parts, path matching,
// the candidates of a request and whether an open request may still claim a message, span limits.
import { SpanKind } from '@opentelemetry/api';
import fc from 'fast-check';
import type { EtwEvent } from '../../src/etw/event.js';
import { addRequestEvent, MAX_EVENTS_PER_SPAN, openRequest, requestIdOfActivity, requestKeyOf } from '../../src/etw/spans/httpsys-request.js';
import { socketAddressParts, urlParts } from '../../src/etw/spans/httpsys-span.js';
import { candidatesOf, mayStillClaim, servesPath } from '../../src/etw/spans/join.js';
import { hrTimeOfText, resourceOf, spanIdOf, toEtwSpan } from '../../src/etw/spans/span-data.js';
import { addWcfEvent, openActivity, type WcfMessage } from '../../src/etw/spans/wcf-activity.js';
import { etwEvent, nsAt } from '../support/etw-scenario.js';

const T = '2026-11-25T10:00:00.000Z';
const G = '100f44d4-c7ac-45dc-98f7-974c064d61dd';

describe('urlParts and socketAddressParts', () => {
  it.each([
    ['http://web01:80/a/b?x=1', { host: 'web01', port: 80, path: '/a/b' }],
    ['https://web01', { host: 'web01', port: undefined, path: '/' }],
    ['http://[fe80::1]:8080/x', { host: 'fe80::1', port: 8080, path: '/x' }],
    ['/relative', undefined],
  ])('%s', (url, parts) => {
    expect(urlParts(url)).toEqual(parts);
  });

  it.each([
    ['10.0.0.7:50123', { host: '10.0.0.7', port: 50123 }],
    ['[2001:db8::1]:443', { host: '2001:db8::1', port: 443 }],
    ['0x0200', undefined],
  ])('%s', (text, parts) => {
    expect(socketAddressParts(text)).toEqual(parts);
  });
});

describe('servesPath', () => {
  const message = (fields: Record<string, string>): WcfMessage => ({ fields } as unknown as WcfMessage);
  it.each([
    [{ ListenAddress: 'http://+:8080/' }, '/anything', true],
    [{ ListenAddress: 'http://web01/Stock/' }, '/stock/x', true],
    [{ ListenAddress: 'http://web01/Stock' }, '/stocks', false],
    [{ VirtualPath: '~/StockService.svc' }, '/stockservice.svc', true],
    [{ VirtualPath: 'Stock/StockService.svc' }, '/stock/stockservice.svc/op', true],
    [{}, '/stock', false],
  ])('%j serves %s: %s', (fields, path, expected) => {
    expect(servesPath(message(fields), path)).toBe(expected);
  });
});

describe('candidates and open claims', () => {
  const activity = openActivity(G, 2200, nsAt(T));
  const wcf = (id: number, ms: number, fields: EtwEvent['fields']): void =>
    addWcfEvent(activity, etwEvent({ provider: 'wcf', id, name: '', ns: nsAt(T, ms), pid: 2200, activityId: G, fields }), nsAt(T, ms));
  wcf(215, 5, { ListenAddress: 'http://web01/Stock' });
  wcf(712, 9, {});
  const message = activity.messages[0];
  const request = (deliverMs?: number, sendMs?: number, pid?: number) => {
    const r = openRequest('fe00000080000146', nsAt(T));
    if (deliverMs !== undefined) Object.assign(r, { deliverNs: nsAt(T, deliverMs), deliverUrl: 'http://web01/Stock/x' });
    if (sendMs !== undefined) Object.assign(r, { sendNs: nsAt(T, sendMs) });
    Object.assign(r, { pid, lastNs: nsAt(T, 20) });
    return r;
  };

  it('finds a message received in the window; an open request without a send has no end yet', () => {
    expect(candidatesOf(request(1, 10, 2200), [activity], false)).toHaveLength(1);
    expect(candidatesOf(request(1, 4, 2200), [activity], false)).toHaveLength(0);
    expect(candidatesOf(request(1, undefined, 2200), [activity], true)).toHaveLength(1);
    expect(candidatesOf(request(undefined, 10, 2200), [activity], false)).toHaveLength(0);
    expect(candidatesOf(request(1, 10, 2200), undefined, false)).toHaveLength(0);
  });

  it.each([
    ['delivered before, no send yet, same process', request(1, undefined, 2200), true],
    ['process not known yet', request(1, undefined, undefined), true],
    ['another process', request(1, undefined, 9), false],
    ['not delivered yet', request(undefined, undefined, 2200), false],
    ['delivered after the receive', request(6, undefined, 2200), false],
    ['sent before the receive', request(1, 4, 2200), false],
  ])('an open request %s may still claim it: %s', (_what, open, expected) => {
    expect(mayStillClaim(open, activity, message)).toBe(expected);
  });
});

describe('limits and odd values', () => {
  it('keeps at most MAX_EVENTS_PER_SPAN span events and counts the rest as dropped', () => {
    const request = openRequest('fe00000080000146', nsAt(T));
    for (let i = 0; i < MAX_EVENTS_PER_SPAN + 3; i++) {
      addRequestEvent(request, etwEvent({ provider: 'httpsys', id: 9, name: 'FastRespLast', ns: nsAt(T, i), pid: 2200, fields: { RequestId: '0xFE00000080000146' } }), nsAt(T, i));
    }
    expect(request.events).toHaveLength(MAX_EVENTS_PER_SPAN);
    expect(request.droppedEvents).toBe(3);
  });

  it('reads the verb from HttpVerb as a number or numeric text, and an empty verb as none', () => {
    const request = openRequest('fe00000080000146', nsAt(T));
    const parse = (HttpVerb: string | number): void =>
      addRequestEvent(request, etwEvent({ provider: 'httpsys', id: 2, name: 'Parse', ns: nsAt(T), pid: 4, activityId: '80000146-0000-fe00-b63f-84710c7967bb', fields: { HttpVerb, Url: 'http://a/' } }), nsAt(T));
    parse('6');
    expect(request.verb).toBe('POST');
    parse('');
    expect(request.verb).toBe('POST');
    parse('PATCH');
    expect(request.verb).toBe('PATCH');
  });

  it('keys a request by its RequestId, lowercase and padded, also past the table of recent keys', () => {
    const keyOf = (RequestId: string): string | undefined =>
      requestKeyOf(etwEvent({ provider: 'httpsys', id: 4, name: 'RecvResp', ns: nsAt(T), pid: 4, fields: { RequestId } }));
    expect(keyOf('0xFE00000080000146')).toBe('fe00000080000146');
    for (let i = 0; i < 5000; i++) expect(keyOf(`0x${i.toString(16).toUpperCase()}`)).toBe(i.toString(16).padStart(16, '0'));
    expect(keyOf('0xFE00000080000146')).toBe('fe00000080000146');
    expect(keyOf('0xABC')).toBe('0000000000000abc');
  });

  it('takes no RequestId from a zero or short activity', () => {
    expect(requestIdOfActivity('00000000-0000-0000-0000-000000000000')).toBeUndefined();
    expect(requestIdOfActivity('short')).toBeUndefined();
  });

  it('never ends a span before it starts, and keeps one resource per service and host', () => {
    const resource = resourceOf('svc', 'HOST');
    expect(resourceOf('svc', 'HOST')).toBe(resource);
    expect(resourceOf('svc', undefined).attributes).toEqual({ 'service.name': 'svc' });
    const span = toEtwSpan({ name: 'x', kind: SpanKind.SERVER, traceId: '1'.repeat(32), spanId: '2'.repeat(16), startNs: 5_000_000_001n, endNs: 4n, attributes: {}, events: [], links: [], resource });
    expect(span.endTime).toEqual(span.startTime);
    expect(span.duration).toEqual([0, 0]);
  });
});

describe('hrTimeOfText', () => {
  it.each([
    ['1295820447226611000', [1295820447, 226611000]],
    ['1000000000', [1, 0]],
    ['999', [0, 999]],
  ])('%s', (text, time) => {
    expect(hrTimeOfText(text)).toEqual(time);
  });

  it('agrees with BigInt division for every time a 64-bit timestamp gives, before 1970 too', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }), (ns) => {
        expect(hrTimeOfText(ns.toString())).toEqual([Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)]);
      })
    );
  });
});

describe('spanIdOf', () => {
  // The two FNV-1a hashes in hex as Number#toString writes them: the ids of earlier imports stay the same.
  function reference(key: string): string {
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let i = 0; i < key.length; i++) {
      a = Math.imul(a ^ key.charCodeAt(i), 0x01000193);
      b = Math.imul(b ^ key.charCodeAt(i), 0x01000193) ^ (a >>> 15);
    }
    const id = (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
    return id === '0000000000000000' ? '0000000000000001' : id;
  }

  it('gives 16 lowercase hex digits, the same as the hashes in hex', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (key) => {
        expect(spanIdOf(key)).toBe(reference(key));
        expect(spanIdOf(key)).toMatch(/^[0-9a-f]{16}$/);
      })
    );
    expect(spanIdOf('httpsys ff0000008000060d 1295820447226611000')).toBe(reference('httpsys ff0000008000060d 1295820447226611000'));
  });
});

describe('urlParts', () => {
  it('gives the same parts when asked again (from its table) and after the table starts over', () => {
    const first = urlParts('http://web01:8080/a/b');
    for (let i = 0; i < 1100; i++) urlParts(`http://h${i}/x`);
    expect(urlParts('http://web01:8080/a/b')).toEqual(first);
    expect(urlParts('http://web01:8080/a/b')).toEqual({ host: 'web01', port: 8080, path: '/a/b' });
    expect(urlParts('not a url')).toBeUndefined();
    expect(urlParts('not a url')).toBeUndefined();
  });
});
