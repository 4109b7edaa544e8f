/// <reference types="node" />
// The register path loads each optional peer only when the environment asks for it (a zipkin exporter
// only for OTEL_TRACES_EXPORTER=zipkin), so a strict install needs only the peers it uses. `register` is
// published as CommonJS only, which is what makes a synchronous `require` available here.

/** Loads an optional peer dependency by name, or gives `undefined` when it is not installed. */
export type PeerLoader = <T>(name: string) => T | undefined;

/** The default {@link PeerLoader}: `require`, with a missing package (not a broken one) as `undefined`. */
export function loadPeer<T>(name: string): T | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as T;
  } catch (error) {
    if (isNotFound(error, name)) return undefined;
    throw error;
  }
}

function isNotFound(error: unknown, name: string): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${name}'`);
}
