import { TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** A plain header record, as the HTTP instrumentations use. */
export type Headers = Record<string, string | string[] | undefined>;

/** Case-sensitive getter over a plain record (what `defaultTextMapGetter` does). */
export const recordGetter: TextMapGetter<Headers> = {
  get: (carrier, key) => carrier[key],
  keys: (carrier) => Object.keys(carrier),
};

export const recordSetter: TextMapSetter<Headers> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};
