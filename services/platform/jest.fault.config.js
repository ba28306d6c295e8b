// The fault suite (`nx run platform:fault`, `npm run test:faults [-- --full]`):
// the distributed platform on private Kafka and MongoDB-protocol servers it may
// kill, and the embedded mode on a data directory it may fill. One file at a
// time; see services/platform/test/faults/README.md.
const base = require('../../jest.projects').integration(__dirname, 'platform');

module.exports = {
  ...base,
  displayName: 'platform:fault',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  // The full version (SFP_FAULT_SUITE=full, set by scripts/fault-suite.mjs --full) runs for longer.
  testTimeout: process.env.SFP_FAULT_SUITE === 'full' ? 3_600_000 : 600_000,
};
