// What the images run, without Docker: a service compiled by
// scripts/build/build-service.mjs (the Dockerfile's build step) and started
// with plain `node main.js`: no ts-node, no TypeScript, no path aliases, only
// the dependencies its generated package.json lists (linked from the root
// node_modules instead of installed), against the real local servers.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dropDatabases, freePort, standaloneTestEnv } from '@sfp/testing';

const ROOT = join(__dirname, '..', '..', '..');
const SERVICE = 'reporting';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Readiness (200 from /api/health/ready), or the reason the process never got there. */
async function readiness(url: string, child: ChildProcess, output: () => string): Promise<number> {
  for (let attempt = 0; attempt < 180; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`node main.js exited ${child.exitCode}:\n${output()}`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => undefined,
    );
    if (status === 200) return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not ready at ${url}:\n${output()}`);
}

describe(`the compiled ${SERVICE} service`, () => {
  const out = mkdtempSync(join(tmpdir(), `sfp-build-${SERVICE}-`));
  const run = randomUUID().slice(0, 8);
  let child: ChildProcess | undefined;
  let log = '';
  let databases: { uri: string; names: string[] } | undefined;

  beforeAll(async () => {
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'scripts', 'build', 'build-service.mjs'), SERVICE, '--out', out, '--link-deps'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(out, { recursive: true, force: true });
    if (databases) await dropDatabases(databases.uri, databases.names);
  });

  it('is JavaScript only, with a package.json of exact versions and a lock cut from the root lock', () => {
    const built = files(out).map((file) => file.slice(out.length + 1));
    expect(built.filter((file) => /\.tsx?$/.test(file))).toEqual([]);
    expect(built).toEqual(expect.arrayContaining(['main.js', 'package.json', 'package-lock.json']));
    const sources = built.filter((file) => file.endsWith('.js'));
    for (const file of sources) {
      expect({
        file,
        alias: /require\("@sfp\//.test(readFileSync(join(out, file), 'utf8')),
      }).toEqual({
        file,
        alias: false,
      });
    }
    const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['@nestjs/core', 'kafkajs', 'mongoose']),
    );
    // The browser console's packages and every dev dependency stay out.
    for (const name of ['react', 'react-dom', ...Object.keys(rootPkg.devDependencies)])
      expect(pkg.dependencies[name]).toBeUndefined();
    for (const version of Object.values(pkg.dependencies))
      expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const lock = JSON.parse(readFileSync(join(out, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean }>;
    };
    for (const [name, version] of Object.entries(pkg.dependencies))
      expect(lock.packages[`node_modules/${name}`]?.version).toBe(version);
    expect(Object.values(lock.packages).filter((entry) => entry.dev)).toEqual([]);
    // The worker files the libraries load beside their modules (not compiled, copied).
    expect(built).toEqual(
      expect.arrayContaining([
        'libs/event-sourcing/src/store/sqlite/sqlite-append-writer.cjs',
        'libs/event-sourcing/src/store/sqlite/sqlite-append-writer.thread.cjs',
        'libs/projections/src/read-model/sqlite/wal-checkpointer.thread.cjs',
      ]),
    );
  });

  it('starts with plain node and becomes ready against the local Kafka and MongoDB', async () => {
    const port = await freePort();
    // Its own databases (dropped afterwards) and consumer groups, on the integration servers.
    const setup = standaloneTestEnv({
      prefix: 'compiled',
      adminPassword: `Compiled service passphrase ${run}`,
      extra: {
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        KAFKA_CLIENT_ID: `compiled-${run}`,
        REPORTING_CONSUMER_GROUP_PREFIX: `compiled-${run}`,
        SFP_PSEUDONYM_SECRET: `compiled-service-test-pseudonym-secret-${run}`,
      },
    });
    databases = { uri: setup.mongodbUri, names: setup.databases };
    child = spawn(process.execPath, ['main.js'], {
      cwd: out,
      // Nothing of this process's own: no NODE_OPTIONS, no ts-node registration.
      env: { PATH: process.env['PATH'], ...setup.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);

    const base = `http://127.0.0.1:${port}`;
    expect(await readiness(`${base}/api/health/ready`, child, () => log)).toBe(200);
    // Its own routes answer, behind the same authentication as from the sources.
    const unauthenticated = await fetch(`${base}/api/reporting/views`);
    expect(unauthenticated.status).toBe(401);
  }, 120_000);
});
