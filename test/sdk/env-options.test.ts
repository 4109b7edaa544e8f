import { E2EActivityPropagator, E2EActivityPropagatorOptions } from '../../src/index.js';
import { ENV_ADOPT_TRACE_ID, ENV_BAGGAGE_KEY, ENV_GENERATE, propagatorOptionsFromEnv } from '../../src/sdk/env-options.js';

function read(env: Record<string, string | undefined>): { options: E2EActivityPropagatorOptions; messages: string[] } {
  const messages: string[] = [];
  return { options: propagatorOptionsFromEnv(env, (m) => messages.push(m)), messages };
}

describe('propagatorOptionsFromEnv', () => {
  it('names the variables of the contract', () => {
    expect([ENV_ADOPT_TRACE_ID, ENV_GENERATE, ENV_BAGGAGE_KEY]).toEqual([
      'OTEL_E2EACTIVITY_ADOPT_TRACE_ID',
      'OTEL_E2EACTIVITY_GENERATE',
      'OTEL_E2EACTIVITY_BAGGAGE_KEY',
    ]);
  });

  it('leaves every option to the propagator when nothing is set', () => {
    expect(read({})).toEqual({ options: {}, messages: [] });
    expect(read({ OTEL_E2EACTIVITY_ADOPT_TRACE_ID: '', OTEL_E2EACTIVITY_GENERATE: ' ' })).toEqual({ options: {}, messages: [] });
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    [' false ', false],
    ['False', false],
  ])('reads ADOPT_TRACE_ID=%p as %p', (value, adoptTraceId) => {
    expect(read({ OTEL_E2EACTIVITY_ADOPT_TRACE_ID: value })).toEqual({ options: { adoptTraceId }, messages: [] });
  });

  it.each(['trace-id', 'random', 'none'] as const)('reads GENERATE=%p', (generate) => {
    expect(read({ OTEL_E2EACTIVITY_GENERATE: ` ${generate.toUpperCase()} ` })).toEqual({ options: { generate }, messages: [] });
  });

  it.each([
    ['false', false],
    ['FALSE', false],
    ['', false],
    ['  ', false],
    ['activity', 'activity'],
    [' wcf.activity-id ', 'wcf.activity-id'],
  ])('reads BAGGAGE_KEY=%p as %p', (value, baggageKey) => {
    expect(read({ OTEL_E2EACTIVITY_BAGGAGE_KEY: value })).toEqual({ options: { baggageKey }, messages: [] });
  });

  it.each([
    [ENV_ADOPT_TRACE_ID, 'yes', 'true, false'],
    [ENV_ADOPT_TRACE_ID, '1', 'true, false'],
    [ENV_GENERATE, 'traceid', 'trace-id, random, none'],
    [ENV_GENERATE, 'guid', 'trace-id, random, none'],
    [ENV_BAGGAGE_KEY, 'e2e activity', 'a baggage key'],
    [ENV_BAGGAGE_KEY, 'a=b', 'a baggage key'],
    [ENV_BAGGAGE_KEY, 'a,b', 'a baggage key'],
  ])('warns about %s=%p, keeps the default and never throws', (name, value, accepted) => {
    const { options, messages } = read({ [name]: value });
    expect(options).toEqual({});
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(name);
    expect(messages[0]).toContain(`"${value}"`);
    expect(messages[0]).toContain(accepted);
    expect(() => new E2EActivityPropagator(options)).not.toThrow();
  });

  it('needs no warning function', () => {
    expect(propagatorOptionsFromEnv({ OTEL_E2EACTIVITY_GENERATE: 'none' })).toEqual({ generate: 'none' });
  });

  it('reads all three together from process.env as it is', () => {
    const env = {
      ...process.env,
      OTEL_E2EACTIVITY_ADOPT_TRACE_ID: 'true',
      OTEL_E2EACTIVITY_GENERATE: 'random',
      OTEL_E2EACTIVITY_BAGGAGE_KEY: 'activity.id',
    };
    expect(read(env).options).toEqual({ adoptTraceId: true, generate: 'random', baggageKey: 'activity.id' });
  });
});
