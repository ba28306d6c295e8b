#!/usr/bin/env node
// Builds one service for production: compiled JavaScript and a package.json
// (plus a package-lock.json cut from the root lock) with only the production
// dependencies the compiled code requires.
//   node scripts/build/build-service.mjs <service> [--out <dir>] [--link-deps]
// Output (default dist/services/<service>):
//   main.js                 the entry point: `node main.js`
//   services/<service>/…    the service's compiled sources, libs/… the libraries it imports
//   package.json            the npm dependencies required at run time, exact versions
//   package-lock.json       those packages and their dependencies as the root lock pins them
// `npm ci --omit=dev` in that folder then installs exactly them (the Dockerfile does).
// --link-deps links each dependency from the root node_modules instead, to start
// the build here without an install (the build-and-start test does).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function usage(message) {
  console.error(
    `${message}\nusage: node scripts/build/build-service.mjs <service> [--out <dir>] [--link-deps]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const service = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--out');
if (!service) usage('which service?');
// A service's entry is services/<service>/src/main.ts; the console gateway
// lives beside the console it serves, and its build carries the built console.
const ENTRIES = { 'console-gateway': 'services/admin-console/serve/gateway/main.ts' };
const entryPath = ENTRIES[service] ?? `services/${service}/src/main.ts`;
const entry = join(root, entryPath);
if (!existsSync(entry)) usage(`${entryPath} does not exist`);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 ? args[outIndex + 1] : join(root, 'dist', 'services', service));
const linkDeps = args.includes('--link-deps');

const started = Date.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// 1. Compile (with the type check) from main.ts: tsc follows the imports, so
//    only the service and the library files it reaches are emitted.
const tsconfig = join(out, 'tsconfig.build.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: join(root, 'tsconfig.base.json'),
    compilerOptions: {
      rootDir: root,
      outDir: out,
      sourceMap: false,
      noEmitOnError: true,
      types: ['node'],
      typeRoots: [join(root, 'node_modules', '@types')],
    },
    files: [entry],
  }),
);
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig],
  {
    stdio: 'inherit',
  },
);
rmSync(tsconfig);
if (tsc.status !== 0) {
  console.error(`build ${service}: tsc failed`);
  process.exit(1);
}

// 2. The @sfp/* path aliases become relative requires of the emitted files.
const { paths } = JSON.parse(
  readFileSync(join(root, 'tsconfig.base.json'), 'utf8'),
).compilerOptions;
const aliases = new Map(
  Object.entries(paths).map(([alias, [target]]) => [
    alias,
    join(out, target.replace(/\.ts$/, '.js')),
  ]),
);

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return item.name === 'node_modules' ? [] : jsFiles(path);
    return /\.c?js$/.test(item.name) ? [path] : [];
  });
}

/** The npm package a bare specifier names (`@scope/name` or `name`), or undefined for a built-in. */
function packageOf(specifier) {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]))
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const required = new Map(); // package → a file that requires it
const unresolved = [];
const REQUIRE = /\brequire\((["'])([^"'./][^"']*)\1\)/g;

function rewrite(file) {
  const source = readFileSync(file, 'utf8');
  const rewritten = source.replace(REQUIRE, (whole, quote, specifier) => {
    if (aliases.has(specifier)) {
      let target = relative(dirname(file), aliases.get(specifier)).split(sep).join('/');
      if (!target.startsWith('.')) target = `./${target}`;
      return `require(${quote}${target}${quote})`;
    }
    if (specifier.startsWith('@sfp/')) unresolved.push(`${specifier} in ${relative(out, file)}`);
    const name = packageOf(specifier);
    if (name && !required.has(name)) required.set(name, relative(out, file));
    return whole;
  });
  if (rewritten !== source) writeFileSync(file, rewritten);
}

// 3. The worker files the libraries load beside their modules (.cjs, not compiled).
function copyCjs(dir) {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory() && item.name !== 'node_modules') copyCjs(path);
    else if (item.name.endsWith('.cjs') && !item.name.includes('.spec.')) {
      const target = join(out, relative(root, path));
      if (existsSync(dirname(target))) copyFileSync(path, target);
    }
  }
}
copyCjs(join(root, 'libs'));
copyCjs(join(root, 'services'));

for (const file of jsFiles(out)) rewrite(file);
if (unresolved.length) {
  console.error(
    `build ${service}: @sfp imports without a path in tsconfig.base.json:\n  ${unresolved.join('\n  ')}`,
  );
  process.exit(1);
}

// 4. The production dependencies: what the compiled code requires, plus the
//    peer dependencies of those packages the root declares (NestJS loads
//    class-validator, class-transformer, @nestjs/platform-express lazily).
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const production = rootPackage.dependencies ?? {};
// A package the code requires that only arrives with another one (express with
// @nestjs/platform-express) is allowed when the root lock installs it for
// production; it is pinned at the version the lock installs.
const rootLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
const notProduction = [...required].filter(
  ([name]) =>
    !(name in production) &&
    (!rootLock[`node_modules/${name}`] || rootLock[`node_modules/${name}`].dev),
);
if (notProduction.length) {
  console.error(
    `build ${service}: required at run time but neither in the root package.json's dependencies nor installed for production by its lock:\n  ${notProduction
      .map(([name, file]) => `${name} (${file})`)
      .join('\n  ')}`,
  );
  process.exit(1);
}
const installed = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
const dependencies = new Set(required.keys());
for (let grew = true; grew; ) {
  grew = false;
  for (const name of [...dependencies]) {
    for (const peer of Object.keys(installed(name).peerDependencies ?? {})) {
      if (peer in production && !dependencies.has(peer)) {
        dependencies.add(peer);
        grew = true;
      }
    }
  }
}
const pinned = Object.fromEntries(
  [...dependencies].sort().map((name) => [name, installed(name).version]),
);

const servicePackage = {
  name: `@sfp/${service}-service`,
  version: rootPackage.version,
  private: true,
  description: `${service}, compiled by scripts/build/build-service.mjs (node main.js)`,
  license: rootPackage.license,
  engines: rootPackage.engines,
  main: 'main.js',
  scripts: { start: 'node main.js' },
  dependencies: pinned,
  // npm's approval of install scripts (better-sqlite3's native build), for the packages this service installs.
  ...(rootPackage.allowScripts ? { allowScripts: rootPackage.allowScripts } : {}),
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(servicePackage, null, 2)}\n`);
writeFileSync(
  join(out, 'package-lock.json'),
  `${JSON.stringify(lockFor(servicePackage), null, 2)}\n`,
);
writeFileSync(
  join(out, 'main.js'),
  `'use strict';\n// Generated by scripts/build/build-service.mjs: the compiled ${entryPath}.\nrequire('./${entryPath.replace(/\.ts$/, '.js')}');\n`,
);

if (service === 'console-gateway') {
  // The console, built by Vite (npm run build:console) when missing or stale.
  const consoleBuild = spawnSync(
    process.execPath,
    [join(root, 'services', 'admin-console', 'scripts', 'ensure-built.mjs'), '--strict'],
    { stdio: 'inherit' },
  );
  if (consoleBuild.status !== 0) {
    console.error(`build ${service}: the admin console did not build`);
    process.exit(1);
  }
  cpSync(join(root, 'services', 'admin-console', 'dist'), join(out, 'console'), {
    recursive: true,
  });
}

/**
 * The root lock cut down to the service's dependencies and everything they
 * need (dependencies, optional and required peer dependencies), resolved the
 * way Node does: the nearest node_modules up the tree.
 */
function lockFor(pkg) {
  const entries = rootLock;
  const kept = {};
  const queue = Object.keys(pkg.dependencies).map((name) => ['', name]);
  while (queue.length) {
    const [from, name] = queue.shift();
    let base = from;
    let found;
    for (;;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (entries[candidate]) {
        found = candidate;
        break;
      }
      if (!base) break;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut < 0 ? '' : base.slice(0, cut);
    }
    if (!found) continue; // an optional dependency of another platform
    if (kept[found]) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = entries[found];
    kept[found] = entry;
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    for (const next of [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((peer) => !optionalPeers[peer]?.optional),
    ]) {
      queue.push([found, next]);
    }
  }
  const sorted = Object.fromEntries(
    Object.keys(kept)
      .sort()
      .map((key) => [key, kept[key]]),
  );
  return {
    name: pkg.name,
    version: pkg.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': {
        name: pkg.name,
        version: pkg.version,
        license: pkg.license,
        dependencies: pkg.dependencies,
        engines: pkg.engines,
      },
      ...sorted,
    },
  };
}

if (linkDeps) {
  for (const name of Object.keys(pinned)) {
    const link = join(out, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), link, 'dir');
  }
}

console.log(
  `build ${service}: ${relative(root, out) || out} in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
    `${jsFiles(out).length} files, ${Object.keys(pinned).length} dependencies: ${Object.keys(pinned).join(' ')}`,
);
