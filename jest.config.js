/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  globalSetup: '<rootDir>/tests/global-setup.js',
  testTimeout: 30000,
  // Most end-to-end tests wait on child processes and terminals: two workers keep both cores busy.
  maxWorkers: 2,
  // A worker's exit frees its whole heap: at ~700 MB that took longer than the 500 ms jest waits, and
  // jest reported a worker that "failed to exit gracefully". Workers above 300 MB are replaced between files.
  workerIdleMemoryLimit: '300MB',
};
