#!/usr/bin/env node
// Runs the fault suite (services/platform/test/faults): the quick version by
// default (what CI runs), the long one with --full. Extra arguments go to jest,
// e.g. a scenario's file name:  npm run test:faults -- --full broker-killed
// Each scenario writes its row of the table in docs/reliability.md.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const full = args.includes('--full');
const rest = args.filter((arg) => arg !== '--full');
const result = spawnSync(
  process.execPath,
  [
    'node_modules/jest/bin/jest.js',
    '-c',
    'services/platform/jest.fault.config.js',
    '--runInBand',
    ...rest,
  ],
  { stdio: 'inherit', env: { ...process.env, SFP_FAULT_SUITE: full ? 'full' : 'quick' } },
);
process.exit(result.status ?? 1);
