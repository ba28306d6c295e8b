import { httpClient as client, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { SERVICE_REQUEST, startTestPlatform } from './support/test-platform';

/** Read your writes over HTTP: minPosition is bounded (beyond the head: 400 at once). */
describe('minPosition on a read (embedded e2e)', () => {
  let platform: EmbeddedPlatform;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-read-position-', {
      SFP_ADMIN_PASSWORD: 'a read position phrase',
    });
    const admin = client(
      `${platform.url}/api/auth`,
      await signIn(platform.url, 'admin', 'a read position phrase'),
    );
    await admin.post('/users', {
      username: 'operator-rp',
      displayName: 'Read Position',
      roles: ['operator'],
      department: 'SFP',
      password: 'operator read position',
    });
    http = client(
      `${platform.url}/api/help-desk`,
      await signIn(platform.url, 'operator-rp', 'operator read position'),
    );
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('refuses a position beyond the event store head at once (400), and answers one within it (200)', async () => {
    const filed = await http.post<{ requestId: string; position: number }>(
      '/service-requests',
      SERVICE_REQUEST,
    );
    expect(filed.status).toBe(201);
    const { position } = filed.body;

    const started = Date.now();
    const ahead = await http.get<Record<string, unknown>>(
      `/service-requests?minPosition=${position + 1_000_000}`,
    );
    const elapsed = Date.now() - started;
    expect(ahead.status).toBe(400);
    expect(ahead.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(ahead.body).toMatchObject({
      status: 400,
      code: 'POSITION_BEYOND_HEAD',
      type: 'urn:sfp:problem:position-beyond-head',
      fieldErrors: [
        {
          field: 'minPosition',
          messages: [expect.stringMatching(/head, which is \d+/)],
        },
      ],
      details: { position: position + 1_000_000, headPosition: expect.any(Number) },
    });
    expect((ahead.body['details'] as { headPosition: number }).headPosition).toBeGreaterThanOrEqual(
      position,
    );
    expect(elapsed).toBeLessThan(1_000);

    const within = await http.get<{ items: Array<{ requestId: string }> }>(
      `/service-requests?minPosition=${position}`,
    );
    expect(within.status).toBe(200);
    expect(within.body.items.map((i) => i.requestId)).toContain(filed.body.requestId);
  });
});
