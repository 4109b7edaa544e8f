import { diag, DiagLogLevel } from '@opentelemetry/api';
import { registerEsmHook } from '../../src/sdk/esm-hook.js';

describe('registerEsmHook', () => {
  it('registers the hook of @opentelemetry/instrumentation as a file URL', () => {
    const registered: string[] = [];
    expect(registerEsmHook(require.resolve, (url) => registered.push(url))).toBe(true);
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatch(/^file:\/\/.*\/node_modules\/@opentelemetry\/instrumentation\/hook\.mjs$/);
  });

  it('resolves with require by default', () => {
    const registered: string[] = [];
    expect(registerEsmHook(undefined, (url) => registered.push(url))).toBe(true);
    expect(registered).toHaveLength(1);
  });

  it('does nothing without require (the ES module build)', () => {
    const register = jest.fn();
    expect(registerEsmHook(null, register)).toBe(false);
    expect(register).not.toHaveBeenCalled();
  });

  it('warns and carries on when the hook cannot be found', () => {
    const warnings: unknown[] = [];
    diag.setLogger(
      { warn: (...args: unknown[]) => warnings.push(args), error: () => {}, info: () => {}, debug: () => {}, verbose: () => {} },
      DiagLogLevel.WARN
    );
    try {
      const missing = (specifier: string): string => {
        throw new Error(`Cannot find module '${specifier}'`);
      };
      expect(registerEsmHook(missing, jest.fn())).toBe(false);
      expect(warnings).toEqual([[expect.stringContaining('could not install the ES module hook'), expect.any(Error)]]);
    } finally {
      diag.disable();
    }
  });
});
