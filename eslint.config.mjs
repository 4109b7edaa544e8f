import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', 'coverage/', 'docs/api/', 'node_modules/', '**/*.js', '!scripts/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The library itself runs in Node.js, browsers and edge runtimes.
    files: ['src/**/*.ts'],
    ignores: ['src/sdk/**', 'src/register.ts', 'src/cli/**', 'src/etw/source.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Buffer', message: 'The core runs outside Node.js: use Uint8Array.' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The core runs outside Node.js.' },
            // The SDK glue loads NodeSDK and exporters, optional peers that library users may not have.
            {
              group: ['./sdk/*', '../sdk/*', '@opentelemetry/sdk-*', '@opentelemetry/instrumentation*', '@opentelemetry/exporter-*'],
              message: 'Only src/sdk and src/register.ts may load the SDK (optional peer dependencies).',
            },
          ],
        },
      ],
    },
  },
  {
    // The codec is pure: no OpenTelemetry, no Node.js.
    files: ['src/codec/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@opentelemetry/*', 'node:*', '../*'], message: 'The codec is pure and self-contained.' }] },
      ],
    },
  },
  {
    // The examples are plain CommonJS, as a user's service would be.
    files: ['examples/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  }
);
