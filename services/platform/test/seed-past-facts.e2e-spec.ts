import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpClient as client, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { SERVICE_REQUEST, startTestPlatform } from './support/test-platform';

type Json = Record<string, any>;

const ADMIN_PASSWORD = 'a past facts secret phrase';
const MEMBER_PASSWORD = 'a member secret phrase';
const OCCURRED_AT = 'X-SFP-Occurred-At';

/**
 * Recording past facts (what `npm run seed` builds its two years of history
 * with): a command carrying X-SFP-Occurred-At, from a caller with
 * history:import, is stamped with that time (its events' occurredAt, what the
 * use case reads from the clock: the SLA's due date) and marked imported, while
 * recordedAt stays the real time. Refused: a caller without the permission
 * (403), a malformed time, one in the future or before the record's last event (400).
 */
describe('past facts: X-SFP-Occurred-At (e2e, embedded platform)', () => {
  let platform: EmbeddedPlatform;
  let dataDir: string;
  let admin: ReturnType<typeof client>;
  let importer: ReturnType<typeof client>;
  let operator: ReturnType<typeof client>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sfp-past-facts-'));
    platform = await startTestPlatform('sfp-past-facts-unused-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SFP_DATA_DIR: dataDir,
    });
    const adminAuth = await signIn(platform.url, 'admin', ADMIN_PASSWORD);
    admin = client(`${platform.url}/api/help-desk`, adminAuth);
    const users = client(`${platform.url}/api/auth`, adminAuth);
    for (const [username, roles] of [
      ['importer-1', ['operator', 'importer']],
      ['operator-1', ['operator']],
    ] as const) {
      const created = await users.post('/users', {
        username,
        displayName: username,
        roles,
        department: 'SFP',
        password: MEMBER_PASSWORD,
      });
      expect(`${created.status} ${created.text}`).toMatch(/^201/);
    }
    importer = client(
      `${platform.url}/api/help-desk`,
      await signIn(platform.url, 'importer-1', MEMBER_PASSWORD),
    );
    operator = client(
      `${platform.url}/api/help-desk`,
      await signIn(platform.url, 'operator-1', MEMBER_PASSWORD),
    );
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const storedEvents = (streamSuffix: string) => {
    const db = new Database(join(dataDir, 'help-desk', 'event-store.sqlite'), {
      readonly: true,
    });
    try {
      return db
        .prepare(
          `SELECT type, occurred_at, recorded_at, imported FROM es_events
           WHERE stream_id LIKE ? ORDER BY stream_version`,
        )
        .all(`%${streamSuffix}`) as Array<{
        type: string;
        occurred_at: string;
        recorded_at: string;
        imported: number | null;
      }>;
    } finally {
      db.close();
    }
  };

  it('records a request filed and triaged in 2025 with those times, marked imported, recorded now', async () => {
    const before = Date.now();
    const filed = await importer.post<Json>('/service-requests', SERVICE_REQUEST, {
      [OCCURRED_AT]: '2025-03-14T09:30:00Z',
    });
    expect(filed.status).toBe(201);
    const requestId = filed.body['requestId'] as string;
    const triaged = await admin.post<Json>(
      `/service-requests/${requestId}/triage`,
      { kind: 'fund-instrument-guidelines', themes: ['cooperatives'], priority: 'high' },
      { [OCCURRED_AT]: '2025-03-15T10:00:00+00:00' },
    );
    expect(triaged.status).toBe(200);

    const detail = await admin.get<Json>(
      `/service-requests/${requestId}?minPosition=${triaged.body['position']}`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body['submittedAt']).toBe('2025-03-14T09:30:00.000Z');
    // The SLA's due date is counted from the past submission, not from today.
    expect(detail.body['dueAt'] > '2025-03-14' && detail.body['dueAt'] < '2025-06-01').toBe(true);
    expect(detail.body['firstResponseAt']).toBe('2025-03-15T10:00:00.000Z');

    const events = storedEvents(requestId);
    expect(events.map((e) => [e.type, e.occurred_at, e.imported])).toEqual([
      [expect.stringContaining('Submitted'), '2025-03-14T09:30:00.000Z', 1],
      [expect.stringContaining('Triaged'), '2025-03-15T10:00:00.000Z', 1],
    ]);
    for (const event of events)
      expect(Date.parse(event.recorded_at)).toBeGreaterThanOrEqual(before - 1000);

    // Without the header: a fact of now, not imported.
    const started = await admin.post<Json>(`/service-requests/${requestId}/assign`, {
      assignee: 'importer-1',
    });
    expect(started.status).toBe(200);
    const last = storedEvents(requestId).at(-1)!;
    expect(last.imported).toBeNull();
    expect(Date.parse(last.occurred_at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses a past fact from a caller without history:import (403), nothing recorded', async () => {
    const refused = await operator.post<Json>('/service-requests', SERVICE_REQUEST, {
      [OCCURRED_AT]: '2025-03-14T09:30:00Z',
    });
    expect(refused.status).toBe(403);
    expect(refused.body['code']).toBe('HISTORY_IMPORT_FORBIDDEN');
  });

  it('refuses a malformed time, a time in the future and one before the record’s last event (400)', async () => {
    const malformed = await importer.post<Json>('/service-requests', SERVICE_REQUEST, {
      [OCCURRED_AT]: '14/03/2025',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body['code']).toBe('INVALID_OCCURRED_AT');

    const future = await importer.post<Json>('/service-requests', SERVICE_REQUEST, {
      [OCCURRED_AT]: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body['code']).toBe('INVALID_OCCURRED_AT');
    expect(future.body['detail'] ?? future.body['message']).toMatch(/future/);

    const filed = await importer.post<Json>('/service-requests', SERVICE_REQUEST, {
      [OCCURRED_AT]: '2025-05-02T08:00:00Z',
    });
    expect(filed.status).toBe(201);
    const requestId = filed.body['requestId'] as string;
    const earlier = await importer.post<Json>(
      `/service-requests/${requestId}/triage`,
      { kind: 'fund-instrument-guidelines', themes: ['cooperatives'], priority: 'high' },
      { [OCCURRED_AT]: '2025-05-01T08:00:00Z' },
    );
    expect(earlier.status).toBe(400);
    expect(earlier.body['code']).toBe('INVALID_OCCURRED_AT');
    expect(storedEvents(requestId)).toHaveLength(1);
  });
});
