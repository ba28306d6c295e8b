import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { httpClient, signIn } from '@sfp/testing';
import { CommandLedger } from '../support/scale-out/command-ledger';
import { ServiceInstance } from '../support/scale-out/service-instance';
import { AnswerLog } from './support/disk-answer-log';
import { TmpfsDataDir } from './support/disk-tmpfs';
import { createOperator, eventually, runRequests } from './support/fault-helpers';
import { recordScenario, sized } from './support/fault-report';

/** The scenario's bound: the full version's counts take minutes on FerretDB. */
const TEST_TIMEOUT_MS = sized(240_000, 900_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers read field by field, as in the e2e specs
type Json = Record<string, any>;
type Client = ReturnType<typeof httpClient>;

const PLATFORM_MAIN = 'services/platform/src/main.ts';
const ADMIN_PASSWORD = 'disk full fault secret phrase';

/** Every SQLite file under `dir`. */
function sqliteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.sqlite'))
    .map((name) => join(dir, name));
}

/**
 * Scenario 8: the embedded platform (`npm start`, its own process) with its
 * data directory on a small file system of its own, under load of help-desk
 * commands over HTTP; the file system is filled to the last block mid-load
 * (ENOSPC, SQLITE_FULL), then freed. Then:
 * the refused writes were answered 507 STORAGE_FULL problem documents with
 * Retry-After, nothing else ≥ 500; the process stayed up and wrote again as
 * soon as there was space; every command answered 2xx, before or during the
 * fault, is in the requests view exactly once (and each comment in its
 * request); every SQLite file passes its integrity check; and after a restart
 * on the same data the views still hold them all.
 */
describe('scenario 8: the embedded data directory fills up mid-load', () => {
  const run = randomBytes(4).toString('hex');
  let disk: TmpfsDataDir | undefined;
  let platform: ServiceInstance | undefined;

  const start = (dataDir: string) =>
    ServiceInstance.start('platform', PLATFORM_MAIN, {
      SFP_DATA_DIR: dataDir,
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'info',
    });

  afterAll(async () => {
    await platform?.stop();
    await disk?.unmount();
  }, 60_000);

  it(
    'refuses writes 507 STORAGE_FULL while full, acknowledges nothing it did not store, recovers',
    async () => {
      disk = await TmpfsDataDir.mount(sized(64, 256));
      platform = await start(disk.path);
      const admin = httpClient(
        `${platform.url}/api`,
        await signIn(platform.url, 'admin', ADMIN_PASSWORD),
      );
      await createOperator(admin);
      const session = await signIn(platform.url, 'operator-1', 'operator one secret');
      const answers = new AnswerLog();
      const http = answers.wrap(httpClient(`${platform.url}/api/help-desk`, session));
      const ledger = new CommandLedger(run);

      let index = 0;
      let stopLoad = false;
      const driver = async () => {
        while (!stopLoad) {
          await ledger.file(http, index++);
          const acknowledged = ledger.acknowledgedRequests();
          const pick = acknowledged[Math.floor(Math.random() * acknowledged.length)];
          if (pick) await ledger.comment(http, pick);
        }
      };
      const drivers = [0, 1].map(() => driver());
      const acknowledgedBefore = sized(20, 300);
      await eventually(`${acknowledgedBefore} acknowledged commands`, async () =>
        ledger.acknowledged >= acknowledgedBefore ? true : undefined,
      );

      // The fault: not one block left on the data directory's file system.
      const filledAt = Date.now();
      const filler = disk.fill();
      const faultMs = sized(5_000, 30_000);
      const readiness: Array<{ status: number; body: Json }> = [];
      const ready = async () => {
        const response = await fetch(`${platform?.url}/api/health/ready`);
        return { status: response.status, body: (await response.json()) as Json };
      };
      while (Date.now() - filledAt < faultMs) {
        readiness.push(await ready());
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(platform.running).toBe(true);
      // Readiness reports the full disk, naming the check.
      expect(readiness.map((r) => r.status)).toContain(503);
      expect(
        readiness.find((r) => r.status === 503)?.body['error']?.['data-directory'],
      ).toMatchObject({ status: 'down', error: expect.stringMatching(/is full: \d+ bytes free/) });
      disk.free();
      const freedAt = Date.now();

      // Writes again as soon as there is space, without a restart: a command sent after it is acknowledged.
      const acknowledgedAtFree = ledger.acknowledged;
      const firstWrite = await eventually(
        'a command sent after the space came back acknowledged',
        async () =>
          answers.answers.find((a) => a.sentAt >= freedAt && a.status >= 200 && a.status < 300),
      );
      const firstWriteAfterMs = firstWrite.answeredAt - freedAt;
      await eventually('20 more acknowledged commands', async () =>
        ledger.acknowledged >= acknowledgedAtFree + 20 ? true : undefined,
      );
      stopLoad = true;
      await Promise.all(drivers);

      // The fault's refusals: 507 STORAGE_FULL problem documents with Retry-After, nothing else ≥ 500.
      const inFault = answers.between(filledAt, freedAt);
      const refused = inFault.filter((a) => a.status >= 500 || a.status === 0);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.filter((a) => a.status !== 507 || a.code !== 'STORAGE_FULL')).toEqual([]);
      expect(refused[0]?.detail).toMatch(/storage|disk|space/i);
      expect(refused[0]?.retryAfter).toMatch(/^\d+$/);
      const outside = answers.answers.filter(
        (a) => (a.sentAt < filledAt || a.sentAt >= freedAt) && (a.status >= 500 || a.status === 0),
      );

      // Every acknowledged request once in the view, every acknowledged comment in its request.
      const viewed = async (client: Client) =>
        (await runRequests(client, ledger.highestPosition, run)).map((item) =>
          String(item['title']),
        );
      const check = async (client: Client) => {
        const titles = await viewed(client);
        const acknowledged = ledger.acknowledgedRequests();
        const attempted = new Set(ledger.requests.map((filed) => filed.title));
        let lost = acknowledged.filter((filed) => !titles.includes(filed.title)).length;
        const duplicated = titles.filter((title, i) => titles.indexOf(title) !== i).length;
        expect(titles.filter((title) => !attempted.has(title))).toEqual([]);
        for (const filed of acknowledged) {
          const detail = await client.get<Json>(`/service-requests/${filed.requestId}`);
          const comments = detail.status === 200 ? (detail.body['comments'] as Json[]).length : 0;
          if (comments < filed.comments) lost += filed.comments - comments;
          expect(comments).toBeLessThanOrEqual(filed.commentAttempts);
        }
        return { lost, duplicated, viewed: titles.length };
      };
      const live = await check(http);
      const viewsCompleteMs = Date.now() - freedAt;

      // The process closes cleanly, every SQLite file is sound, and a restart on the same data has it all.
      await platform.stop();
      expect(await platform.exited).toBe(0);
      const unsound = sqliteFiles(disk.path).filter((file) => {
        const db = new Database(file, { readonly: true });
        try {
          return db.pragma('integrity_check', { simple: true }) !== 'ok';
        } finally {
          db.close();
        }
      });
      expect(unsound).toEqual([]);

      // A start on the data directory made read-only stops at once, saying so (not SQLite's "unable to open database file").
      disk.remount('ro');
      await expect(start(disk.path)).rejects.toThrow(
        /The platform could not start: The data directory .* \(SFP_DATA_DIR\) cannot be written: it is on a read-only file system/,
      );
      disk.remount('rw');
      platform = await start(disk.path);
      expect((await ready()).status).toBe(200);
      const again = await check(
        httpClient(
          `${platform.url}/api/help-desk`,
          await signIn(platform.url, 'operator-1', 'operator one secret'),
        ),
      );

      const sent =
        ledger.requests.length + ledger.requests.reduce((n, r) => n + r.commentAttempts, 0);
      const passed = recordScenario({
        scenario: 8,
        title: 'Embedded data directory full (tmpfs filled to ENOSPC)',
        sent,
        acknowledged: ledger.acknowledged,
        lost: Math.max(live.lost, again.lost),
        duplicated: Math.max(live.duplicated, again.duplicated),
        recoveryMs: firstWriteAfterMs,
        serverErrors: outside.length,
        notes:
          `${(filler / 2 ** 20).toFixed(1)} MB filler for ${faultMs / 1000} s; ${refused.length} writes refused 507 STORAGE_FULL; ` +
          `writes again ${firstWriteAfterMs} ms after the space came back, no restart; views complete ${viewsCompleteMs} ms after; ` +
          `readiness 503 (data-directory down) during the fault; ${sqliteFiles(disk.path).length} SQLite files sound; a start on it read-only stops, naming it; the restart has all`,
      });
      expect(live.lost).toBe(0);
      expect(live.duplicated).toBe(0);
      expect(again.lost).toBe(0);
      expect(again.duplicated).toBe(0);
      expect(outside).toEqual([]);
      expect(passed).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});
