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
    // One test file at a time (they share the servers), in a worker that is
    // replaced when a file leaves more than 512 MB of heap in it. Run in band, in
    // one process, the platform's suite held 1.8 GB of heap (2.1 GB resident)
    // after ten files, each starting its own Nest apps and clients; the help
    // desk's distributed conformance run, which takes 212 s alone, took about
    // 11 minutes as the seventeenth file of a CI run. In a rehearsal with a
    // worker replaced above 1 GB (which never happened) and the local FerretDB
    // committing bulk writes together, the six distributed conformance runs
    // took 1,929 s, against 2,989 s in band before.
    maxWorkers: 1,
    workerIdleMemoryLimit: '512MB',
  };
}

module.exports = { unit, integration };
