import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Runs a main as `npm start` / `npm run start:help-desk` do, with only `env` set (besides PATH). */
function runMain(
  main: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', TS_NODE_PROJECT: 'tsconfig.base.json', ...env },
        timeout: 90_000,
      },
      (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** The settings are checked before anything opens: a bad first administrator's password stops the start, named. */
describe('the settings check at start (child processes)', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'sfp-settings-check-')), 'data');
  afterAll(() => rmSync(resolve(dataDir, '..'), { recursive: true, force: true }));

  it('stops a standalone service and the embedded platform before they open anything, naming every variable', async () => {
    const [helpDesk, platform] = await Promise.all([
      runMain('services/help-desk/src/main.ts', {
        // Nothing answers there: a start that tried to connect would report that, not the settings.
        KAFKA_BROKERS: '127.0.0.1:1',
        MONGODB_URI: 'mongodb://127.0.0.1:1',
        SFP_ADMIN_PASSWORD: 'the admin passphrase',
      }),
      runMain('services/platform/src/main.ts', {
        SFP_DATA_DIR: dataDir,
        SFP_ADMIN_PASSWORD: 'the admin passphrase',
        HELP_DESK_SLA_DAYS: 'urgent=soon',
      }),
    ]);

    expect(helpDesk.code).toBe(1);
    expect(helpDesk.stderr).toMatch(
      /^The help desk could not start: The configuration is invalid:/,
    );
    expect(helpDesk.stderr).toMatch(
      /- SFP_ADMIN_PASSWORD: invalid — the password policy refuses it \(it must not contain the user name "admin"\)/,
    );
    expect(helpDesk.stderr).toMatch(/- SFP_AUTH_TOKEN_SECRET: not set — /);
    expect(helpDesk.stderr).toMatch(/- SFP_PSEUDONYM_SECRET: not set — /);
    expect(helpDesk.stderr).not.toMatch(/ECONNREFUSED|Kafka|MongoServerSelectionError/);
    expect(helpDesk.stderr).not.toContain('the admin passphrase');

    expect(platform.code).toBe(1);
    expect(platform.stderr).toMatch(/^The platform could not start: The configuration is invalid:/);
    expect(platform.stderr).toMatch(/- SFP_ADMIN_PASSWORD: invalid — /);
    expect(platform.stderr).toMatch(/- HELP_DESK_SLA_DAYS: invalid — /);
    // Nothing was opened: not even the data folder was made.
    expect(existsSync(dataDir)).toBe(false);
  });
});
