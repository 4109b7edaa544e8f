/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // tsconfig sets isolatedModules, so ts-jest only transpiles (fast); `npm run typecheck` type-checks.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Sources import siblings as './x.js' (what Node.js ES modules need); Jest resolves them to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  collectCoverageFrom: ['src/**/*.ts'],
  // Only wiring; its logic is in src/cli/*.ts, tested in process, and test/cli/built-cli.test.ts runs it.
  // src/register.ts likewise: its logic is in src/sdk, tested in process; test/sdk/register.test.ts runs it.
  coveragePathIgnorePatterns: ['/node_modules/', '<rootDir>/src/cli/main.ts', '<rootDir>/src/register.ts'],
  coverageReporters: ['text-summary', 'text', 'lcov'],
  coverageThreshold: { global: { lines: 95, branches: 95, functions: 95, statements: 95 } },
  testTimeout: 30000,
};
