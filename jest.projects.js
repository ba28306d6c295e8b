// Builds each project's Jest configuration, so every project tests the same way:
//   unit        *.spec.ts                     pure code, no servers
//   integration *.int-spec.ts, *.contract-spec.ts, *.e2e-spec.ts
//               real Kafka and MongoDB-protocol servers (see libs/testing)
const { join } = require('node:path');
const base = require('./jest.preset.js');

function unit(projectDir, displayName) {
  return {
    displayName,
    ...base,
    rootDir: projectDir,
    testMatch: ['<rootDir>/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  };
}

function integration(projectDir, displayName) {
  return {
    displayName: `${displayName}:integration`,
    ...base,
    rootDir: projectDir,
    testMatch: [
      '<rootDir>/**/*.int-spec.ts',
      '<rootDir>/**/*.contract-spec.ts',
      '<rootDir>/**/*.e2e-spec.ts',
    ],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    globalSetup: join(__dirname, 'libs/testing/src/jest/global-setup.ts'),
    globalTeardown: join(__dirname, 'libs/testing/src/jest/global-teardown.ts'),
    testTimeout: 120_000,
  };
}

module.exports = { unit, integration };
