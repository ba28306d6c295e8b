// The fault suite (`nx run platform:fault`, `npm run test:faults [-- --full]`):
// the distributed platform on private Kafka and MongoDB-protocol servers it may
// kill, and the embedded mode on a data directory it may fill. One file at a
// time; see services/platform/test/faults/README.md.
const base = require('../../jest.projects').integration(__dirname, 'platform');

module.exports = {
  ...base,
  displayName: 'platform:fault',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  testTimeout: 600_000,
};
