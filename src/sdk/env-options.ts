import { E2EActivityGenerate, E2EActivityPropagatorOptions, GENERATE_MODES } from '../propagator/types.js';
import { ConfigWarning, EnvSource, warnDiagAndStderr } from './warn.js';

/** `true` or `false`: sets {@link E2EActivityPropagatorOptions.adoptTraceId}. */
export const ENV_ADOPT_TRACE_ID = 'OTEL_E2EACTIVITY_ADOPT_TRACE_ID';
/** `trace-id`, `random` or `none`: sets {@link E2EActivityPropagatorOptions.generate}. */
export const ENV_GENERATE = 'OTEL_E2EACTIVITY_GENERATE';
/** A baggage key, or `false` or empty for none: sets {@link E2EActivityPropagatorOptions.baggageKey}. */
export const ENV_BAGGAGE_KEY = 'OTEL_E2EACTIVITY_BAGGAGE_KEY';

// A W3C baggage key is an RFC 7230 token: anything else would make the baggage header unparseable.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The propagator options that the `OTEL_E2EACTIVITY_*` variables set. An unset variable leaves its option
 * out (the propagator's default). An invalid value is reported through `warn` and left out too: a typo in
 * a deployment must not stop the service, which a throwing constructor would.
 */
export function propagatorOptionsFromEnv(
  env: EnvSource,
  warn: ConfigWarning = warnDiagAndStderr
): E2EActivityPropagatorOptions {
  const options: E2EActivityPropagatorOptions = {};
  const adopt = env[ENV_ADOPT_TRACE_ID]?.trim().toLowerCase();
  if (adopt === 'true' || adopt === 'false') options.adoptTraceId = adopt === 'true';
  else if (adopt) warn(invalid(ENV_ADOPT_TRACE_ID, adopt, 'true, false', 'false'));

  const generate = env[ENV_GENERATE]?.trim().toLowerCase();
  if (isGenerateMode(generate)) options.generate = generate;
  else if (generate) warn(invalid(ENV_GENERATE, generate, GENERATE_MODES.join(', '), 'trace-id'));

  const baggageKey = env[ENV_BAGGAGE_KEY]?.trim();
  if (baggageKey === '' || baggageKey?.toLowerCase() === 'false') options.baggageKey = false;
  else if (baggageKey !== undefined && TOKEN.test(baggageKey)) options.baggageKey = baggageKey;
  else if (baggageKey !== undefined) {
    warn(invalid(ENV_BAGGAGE_KEY, baggageKey, 'a baggage key (letters, digits, and !#$%&\'*+-.^_`|~), or false', 'e2eactivity.id'));
  }
  return options;
}

function isGenerateMode(value: string | undefined): value is E2EActivityGenerate {
  return (GENERATE_MODES as readonly (string | undefined)[]).includes(value);
}

function invalid(name: string, value: string, accepted: string, fallback: string): string {
  return `${name}: invalid value "${value}" ignored; accepted: ${accepted}. Using the default, ${fallback}.`;
}
