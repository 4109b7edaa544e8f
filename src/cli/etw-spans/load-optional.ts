/// <reference types="node" />

/**
 * Loads an optional peer dependency when a command first needs it, so that `e2eactivity etw spans --out`
 * never loads the OTLP exporters (nor gRPC). `require`, not `import()`: the CLI is CommonJS, and Jest
 * runs the same code without an ES module loader.
 *
 * @throws Error naming the package to install when it is missing.
 */
export function loadOptional<T>(name: string, why: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy optional peer, see above
    return require(name) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(`${why} needs ${name}: npm install ${name}`);
  }
}
