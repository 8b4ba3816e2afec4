/** Jest: unit tests (fast, pure), integration (LibreOffice), browser (Chromium). */
// ts-jest with isolatedModules: transpile only (type checking is `npm run typecheck`), fast enough for CI.
const transform = { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] };
module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: [
        '<rootDir>/src/**/*.test.ts',
        '<rootDir>/src/**/*.test.tsx',
        '<rootDir>/tests/unit/**/*.test.ts',
      ],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
  ],
};
