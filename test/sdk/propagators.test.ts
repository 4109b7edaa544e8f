import { context, defaultTextMapGetter, defaultTextMapSetter, diag, DiagLogLevel, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { CompositePropagator } from '@opentelemetry/core';
import { getE2EActivityId } from '../../src/index.js';
import {
  DEFAULT_PROPAGATORS,
  parsePropagatorNames,
  PROPAGATOR_NAMES,
  propagatorFromNames,
  PropagatorName,
} from '../../src/sdk/propagators.js';

const GUID = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
const HEADER = '1EQPEKzH3EWY95dMBk1h3Q==';

function collect(): { warn: (message: string) => void; messages: string[] } {
  const messages: string[] = [];
  return { warn: (message) => messages.push(message), messages };
}

describe('parsePropagatorNames', () => {
  it.each([undefined, '', ' , ,'])('gives tracecontext, baggage, e2eactivity for %p', (value) => {
    const { warn, messages } = collect();
    expect(parsePropagatorNames(value, warn)).toEqual(['tracecontext', 'baggage', 'e2eactivity']);
    expect(DEFAULT_PROPAGATORS).toEqual(['tracecontext', 'baggage', 'e2eactivity']);
    expect(messages).toEqual([]);
  });

  it('trims and drops duplicates, keeping the order given, and keeps case as NodeSDK does', () => {
    const { warn, messages } = collect();
    expect(parsePropagatorNames(' e2eactivity, b3multi ,tracecontext,e2eactivity,b3,jaeger', warn)).toEqual([
      'e2eactivity',
      'b3multi',
      'tracecontext',
      'b3',
      'jaeger',
    ]);
    expect(messages).toEqual([]);
    expect(parsePropagatorNames('tracecontext,E2EActivity,e2eactivity', warn)).toEqual(['tracecontext', 'e2eactivity']);
    expect(messages).toEqual([expect.stringContaining('unknown propagator "E2EActivity"')]);
  });

  it.each(['tracecontext,baggage', 'b3', 'tracecontext,xray'])('says once that %p turns E2EActivity off', (value) => {
    const { warn, messages } = collect();
    parsePropagatorNames(value, warn);
    const off = messages.filter((m) => m.includes('does not name e2eactivity'));
    expect(off).toEqual([`OTEL_PROPAGATORS="${value}" does not name e2eactivity: the E2EActivity header is neither read nor sent. Add e2eactivity to the list.`]);
  });

  it('drops an unknown name with a warning that names it and the accepted ones', () => {
    const { warn, messages } = collect();
    expect(parsePropagatorNames('tracecontext,e2e-activity,xray,e2eactivity', warn)).toEqual(['tracecontext', 'e2eactivity']);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('"e2e-activity"');
    expect(messages[1]).toContain('"xray"');
    for (const name of PROPAGATOR_NAMES) expect(messages[0]).toContain(name);
  });

  it('says that none overrides the other entries', () => {
    const { warn, messages } = collect();
    expect(parsePropagatorNames('none', warn)).toEqual(['none']);
    expect(messages).toEqual([]);
    expect(parsePropagatorNames('tracecontext,none', warn)).toEqual(['tracecontext', 'none']);
    expect(messages).toEqual(['OTEL_PROPAGATORS: "none" ignores the other entries (tracecontext).']);
  });

  it('warns through diag and on stderr by default', () => {
    const logged: string[] = [];
    diag.setLogger(
      { warn: (m: string) => logged.push(m), error: () => {}, info: () => {}, debug: () => {}, verbose: () => {} },
      DiagLogLevel.WARN
    );
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      parsePropagatorNames('tracecontext,xray,e2eactivity');
      expect(logged).toEqual([expect.stringContaining('unknown propagator "xray"')]);
      expect(write).toHaveBeenCalledWith(expect.stringMatching(/^opentelemetry-propagator-e2eactivity: warning: .*"xray".*\n$/));
    } finally {
      write.mockRestore();
      diag.disable();
    }
  });
});

describe('propagatorFromNames', () => {
  it.each<[PropagatorName[]]>([[[]], [['none']], [['tracecontext', 'none']]])('gives null (register none) for %p', (names) => {
    expect(propagatorFromNames(names)).toBeNull();
  });

  it.each<[PropagatorName[], string[]]>([
    [['tracecontext', 'baggage', 'e2eactivity'], ['traceparent', 'tracestate', 'baggage', 'e2eactivity']],
    [['e2eactivity', 'baggage', 'tracecontext'], ['baggage', 'traceparent', 'tracestate', 'e2eactivity']],
    [['b3', 'e2eactivity'], ['b3', 'e2eactivity']],
    [['b3multi'], ['x-b3-traceid', 'x-b3-spanid', 'x-b3-flags', 'x-b3-sampled', 'x-b3-parentspanid']],
    [['e2eactivity'], ['e2eactivity']],
  ])('composes %p with E2EActivity last', (names, fields) => {
    const propagator = propagatorFromNames(names);
    expect(propagator).toBeInstanceOf(CompositePropagator);
    expect(propagator?.fields()).toEqual(fields);
  });

  it('loads jaeger from @opentelemetry/propagator-jaeger', () => {
    // A stand-in class: the package exists only in the 2.x line (sdk-node 0.301 dropped jaeger), where
    // env-parity.test.ts compares the real one with NodeSDK's.
    class JaegerPropagator extends CompositePropagator {
      override fields(): string[] {
        return ['uber-trace-id'];
      }
    }
    const loaded: string[] = [];
    const load = <T>(name: string): T | undefined => {
      loaded.push(name);
      return { JaegerPropagator } as T;
    };
    expect(propagatorFromNames(['jaeger', 'e2eactivity'], {}, () => {}, load)?.fields()).toEqual(['uber-trace-id', 'e2eactivity']);
    expect(loaded).toEqual(['@opentelemetry/propagator-jaeger']);
  });

  it.each<[PropagatorName, string]>([
    ['b3', '@opentelemetry/propagator-b3'],
    ['b3multi', '@opentelemetry/propagator-b3'],
    ['jaeger', '@opentelemetry/propagator-jaeger'],
  ])('without its package, leaves %p out and says what to install', (name, packageName) => {
    const { warn, messages } = collect();
    const propagator = propagatorFromNames([name, 'e2eactivity'], {}, warn, () => undefined);
    expect(propagator?.fields()).toEqual(['e2eactivity']);
    expect(propagatorFromNames([name], {}, warn, () => undefined)).toBeNull();
    expect(messages[0]).toBe(`OTEL_PROPAGATORS: "${name}" needs ${packageName}, which is not installed: npm install ${packageName}. Ignored.`);
  });

  it('keeps the baggage that W3C baggage extracted, whatever the order given', () => {
    const propagator = propagatorFromNames(['e2eactivity', 'baggage', 'tracecontext']);
    const carrier = {
      e2eactivity: HEADER,
      baggage: 'tenant=acme',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    };
    const extracted = propagator?.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter) ?? ROOT_CONTEXT;
    expect(getE2EActivityId(extracted)).toBe(GUID);
    const baggage = propagation.getBaggage(extracted);
    expect(baggage?.getEntry('tenant')?.value).toBe('acme');
    expect(baggage?.getEntry('e2eactivity.id')?.value).toBe(GUID);
  });

  it('passes the options to the E2EActivity propagator', () => {
    const propagator = propagatorFromNames(['tracecontext', 'e2eactivity'], { adoptTraceId: true, baggageKey: false });
    const extracted = propagator?.extract(context.active(), { e2eactivity: HEADER }, defaultTextMapGetter) ?? ROOT_CONTEXT;
    const carrier: Record<string, string> = {};
    propagator?.inject(extracted, carrier, defaultTextMapSetter);
    expect(carrier.traceparent).toMatch(/^00-100f44d4c7ac45dc98f7974c064d61dd-/);
    expect(carrier.e2eactivity).toBe(HEADER);
    expect(propagation.getBaggage(extracted)).toBeUndefined();
  });
});
