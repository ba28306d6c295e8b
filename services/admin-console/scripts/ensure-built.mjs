#!/usr/bin/env node
// Builds the admin console when services/admin-console/dist is missing or
// older than its sources, so `npm start` serves a console on a fresh clone.
//   node services/admin-console/scripts/ensure-built.mjs [--force] [--strict]
// Without --strict a failed build only warns (the API still starts; the console
// pages then say how to build it); with it, the exit code is 1.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distIndex = join(projectDir, 'dist', 'index.html');
const sources = [
  join(projectDir, 'src'),
  join(projectDir, 'index.html'),
  join(projectDir, 'vite.config.mts'),
  join(projectDir, 'tsconfig.json'),
  // The console bundles @sfp/contracts (reference data, transitions) from its source.
  join(projectDir, '..', '..', 'libs', 'contracts', 'src'),
];
const force = process.argv.includes('--force');
const strict = process.argv.includes('--strict');

/** The newest modification time under the given files and folders. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
    } else {
      latest = Math.max(latest, stats.mtimeMs);
    }
  }
  return latest;
}

function reasonToBuild() {
  if (force) return 'asked to (--force)';
  if (!existsSync(distIndex)) return 'it has not been built yet';
  if (newest(sources) > statSync(distIndex).mtimeMs)
    return 'its sources changed since the last build';
  return null;
}

const reason = reasonToBuild();
if (!reason) process.exit(0);
process.stdout.write(`Building the admin console: ${reason}…\n`);
const started = Date.now();
try {
  const { build } = await import('vite');
  await build({
    configFile: join(projectDir, 'vite.config.mts'),
    root: projectDir,
    logLevel: 'warn',
  });
  process.stdout.write(
    `Admin console built into ${join(projectDir, 'dist')} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`The admin console could not be built: ${message}\n`);
  if (existsSync(distIndex)) process.stderr.write('The previous build will be served.\n');
  else
    process.stderr.write(
      'The platform starts without it; run `npm run build:console` to see why.\n',
    );
  process.exit(strict ? 1 : 0);
}
