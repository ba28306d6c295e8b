#!/usr/bin/env node
// Runs the fault suite (services/platform/test/faults): the quick version by
// default (what CI runs), the long one with --full. Extra arguments go to jest,
// e.g. a scenario's file name:  npm run test:faults -- --full broker-killed
// Each scenario writes its row of the table in docs/reliability.md.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The private servers of an earlier run that died (a killed test process
 * cannot stop them: they run detached), found by their folders
 * (`sfp-faults-*`, see support/private-servers.ts) whose owner is gone.
 */
function stopStalePrivateServers() {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith('sfp-faults-'))) {
    const dir = join(tmpdir(), name);
    let owner;
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
    } catch {
      owner = undefined;
    }
    if (owner && isAlive(owner)) continue;
    spawnSync('bash', ['infra/local/down', '--wipe'], {
      stdio: 'ignore',
      env: { ...process.env, SFP_LOCAL_DIR: dir },
    });
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`[fault-suite] stopped the private servers of a run that died: ${dir}\n`);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // alive, another user's
  }
}

stopStalePrivateServers();
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
