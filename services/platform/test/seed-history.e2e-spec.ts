import { httpClient, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { seedPlatform } from '../src/seed/seed-platform';
import { startTestPlatform } from './support/test-platform';

type Json = Record<string, any>;

const ADMIN_PASSWORD = 'a seed history secret phrase';

/** The figures of one section of the Governing Body report that are not zero. */
const nonZero = (report: Json, fn: string): Json[] =>
  ((report['functions'] as Json[]).find((f) => f['function'] === fn)?.['figures'] ?? []).filter(
    (f: Json) => typeof f['value'] === 'number' && f['value'] !== 0,
  );

/**
 * `npm run seed` (seedPlatform) against the embedded platform: two years of
 * history recorded as past facts, so the Governing Body report of 2026 and its
 * previous period, 2025, have figures in every section; a second run adds nothing.
 */
describe('the seeded history (e2e, embedded platform)', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-seed-history-', { SFP_ADMIN_PASSWORD: ADMIN_PASSWORD });
  });
  afterAll(async () => platform?.close());

  it('spans December 2024 to now in every context, and the 2026 report and 2025 have figures in every section', async () => {
    const lines: string[] = [];
    const started = Date.now();
    await seedPlatform({
      baseUrl: platform.url,
      admin: { username: 'admin', password: ADMIN_PASSWORD },
      seed: 7,
      summary: (line) => {
        lines.push(line);
        process.stdout.write(`${Math.round((Date.now() - started) / 1000)} s: ${line}\n`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`seeded in ${seconds} s\n${lines.join('\n')}\n`);

    const auth = await signIn(platform.url, 'admin', ADMIN_PASSWORD);
    const helpDesk = httpClient(`${platform.url}/api/help-desk`, auth);
    const oldest = await helpDesk.get<Json>('/service-requests?sort=submittedAt&limit=1');
    const requests = await helpDesk.get<Json>(`/service-requests?limit=500&minPosition=1`);
    expect(requests.status).toBe(200);
    const submitted = (requests.body['items'] as Json[])
      .map((r) => r['submittedAt'] as string)
      .sort();
    expect(submitted[0]! < '2025-01-01').toBe(true);
    expect(submitted.at(-1)! > '2026-10-01').toBe(true);
    expect(oldest.status).toBe(200);

    const reporting = httpClient(`${platform.url}/api/reporting`, auth);
    const functions = [
      'help-desk-and-service',
      'innovation',
      'knowledge-management',
      'training',
      'quality-monitoring',
      'capacity-building',
    ];
    // Reporting follows the contexts' events: wait until it has read the history.
    const reports: Record<string, Json> = {};
    for (let i = 0; i < 120; i++) {
      for (const period of ['2025', '2026']) {
        reports[period] = (await reporting.get<Json>(`/reports/progress?period=${period}`)).body;
      }
      if (
        Object.values(reports).every((report) =>
          functions.every((fn) => nonZero(report, fn).length > 0),
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const period of ['2025', '2026']) {
      const report = reports[period]!;
      for (const fn of functions) {
        process.stdout.write(
          `${period} ${fn}: ${nonZero(report, fn)
            .map((f) => `${f['metric']}${f['key'] ? `[${f['key']}]` : ''}=${f['value']}`)
            .slice(0, 12)
            .join(', ')}\n`,
        );
      }
    }
    for (const period of ['2025', '2026']) {
      for (const fn of functions)
        expect([period, fn, nonZero(reports[period]!, fn).length > 0]).toEqual([period, fn, true]);
    }
    // Outreach aggregated over the institutions reporting in each year, with the previous year's.
    const outreach = (period: string) =>
      nonZero(reports[period]!, 'knowledge-management').find(
        (f) => f['metric'] === 'activeBorrowersTotal',
      );
    expect(outreach('2025')?.['value']).toBeGreaterThan(0);
    expect(outreach('2026')?.['value']).toBeGreaterThan(0);

    // A second run adds nothing.
    const again: string[] = [];
    await seedPlatform({
      baseUrl: platform.url,
      admin: { username: 'admin', password: ADMIN_PASSWORD },
      seed: 7,
      summary: (line) => again.push(line),
    });
    expect(again).toHaveLength(5);
    for (const line of again) expect(line).toMatch(/already there; nothing added/);
  }, 900_000);
});
