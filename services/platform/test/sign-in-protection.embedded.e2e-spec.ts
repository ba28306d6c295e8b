import { httpClient as client, type HttpResult } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { startTestPlatform } from './support/test-platform';

const ADMIN_PASSWORD = 'the chief passphrase 2026';
const OLGA_PASSWORD = 'pw of olga 2026';

interface SignedIn {
  accessToken: string;
  refreshToken: string;
}

/**
 * Sign-in protection and sessions on the embedded platform as `npm start`
 * boots it, behind a reverse proxy on loopback (SFP_TRUSTED_PROXIES), so each
 * request names its client address in X-Forwarded-For: failed sign-ins make
 * one (user name, address) wait and never lock an account; an unknown user
 * answers exactly as a wrong password; a replayed refresh token and a
 * sign-out end access tokens at once. Assertions are on status, `code` and
 * headers (the error body's other fields are the problem document's).
 */
describe('sign-in protection and sessions on the embedded platform (e2e)', () => {
  let platform: EmbeddedPlatform;
  let admin: Record<string, string>;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-sign-in-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SFP_TRUSTED_PROXIES: 'loopback',
      // The per-address flood limit (429) is not what these tests look at.
      SFP_SIGN_INS_PER_MINUTE: 1000,
    });
    admin = await bearerOf(await signInFrom('198.51.100.1', 'admin', ADMIN_PASSWORD));
    const created = await api(admin).post('/auth/users', {
      username: 'olga.operator',
      displayName: 'Olga',
      roles: ['operator'],
      department: 'SFP',
      password: OLGA_PASSWORD,
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const api = (headers: Record<string, string> = {}) => client(`${platform.url}/api`, headers);
  const signInFrom = (address: string, username: string, password: string) =>
    api({ 'x-forwarded-for': address }).post<SignedIn & Record<string, unknown>>('/auth/sign-in', {
      username,
      password,
    });
  const bearerOf = async (answer: HttpResult<SignedIn & Record<string, unknown>>) => {
    expect(answer.status).toBe(200);
    return { authorization: `Bearer ${answer.body.accessToken}` };
  };
  const retryAfter = (answer: HttpResult<unknown>) => answer.headers.get('retry-after');

  it('20 wrong passwords for admin from one address do not stop admin from signing in from another', async () => {
    const answers: Array<HttpResult<Record<string, unknown>>> = [];
    for (let i = 0; i < 20; i++)
      answers.push(await signInFrom('203.0.113.66', 'admin', `guess number ${i} of 20`));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(401));
    expect(new Set(answers.map((a) => a.body['code']))).toEqual(new Set(['INVALID_CREDENTIALS']));
    // Five failures cost nothing; from the sixth on the address must wait.
    expect(answers.slice(0, 5).map(retryAfter)).toEqual([null, null, null, null, null]);
    for (const answer of answers.slice(5))
      expect(Number(retryAfter(answer))).toBeGreaterThanOrEqual(1);

    // No lock: the administrator signs in from elsewhere.
    const fromOffice = await signInFrom('198.51.100.7', 'admin', ADMIN_PASSWORD);
    expect(fromOffice.status).toBe(200);
    // The attacker's address waits, even with the right password.
    const fromAttacker = await signInFrom('203.0.113.66', 'admin', ADMIN_PASSWORD);
    expect(fromAttacker.status).toBe(401);
    expect(fromAttacker.body['code']).toBe('INVALID_CREDENTIALS');
    expect(Number(retryAfter(fromAttacker))).toBeGreaterThanOrEqual(1);

    // An administrator sees the back-off, and the unlock forgets the failures of every address.
    const users =
      await api(admin).get<
        Array<{ id: string; username: string; locked: boolean; failedSignIns: number }>
      >('/auth/users');
    const adminUser = users.body.find((u) => u.username === 'admin')!;
    expect(adminUser.locked).toBe(true);
    expect(adminUser.failedSignIns).toBeGreaterThanOrEqual(6);
    const unlocked = await api(admin).post<{ locked: boolean; failedSignIns: number }>(
      `/auth/users/${adminUser.id}/unlock`,
    );
    expect(unlocked.body).toMatchObject({ locked: false, failedSignIns: 0 });
    expect((await signInFrom('203.0.113.66', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown user exactly as a wrong password: same status, code and body, Retry-After once back-off applies', async () => {
    const sequence = async (address: string, username: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 7; i++) {
        const answer = await signInFrom(address, username, 'not the password, sorry');
        const { correlationId: _c, instance: _i, ...body } = answer.body as Record<string, unknown>;
        seen.push({
          status: answer.status,
          code: body['code'],
          keys: Object.keys(answer.body).sort(),
          // The body apart from what names the request, numbers aside (the seconds to wait).
          body: JSON.stringify(body).replace(/\d+/g, 'N'),
          retryAfter: retryAfter(answer) !== null,
          wwwAuthenticate: answer.headers.get('www-authenticate'),
        });
      }
      return seen;
    };
    const wrongPassword = await sequence('192.0.2.10', 'olga.operator');
    const unknownUser = await sequence('192.0.2.11', 'nobody.at.all');
    expect(unknownUser).toEqual(wrongPassword);
    expect(wrongPassword.map((a) => (a as { status: number }).status)).toEqual(Array(7).fill(401));
    expect(wrongPassword.map((a) => (a as { code: string }).code)).toEqual(
      Array(7).fill('INVALID_CREDENTIALS'),
    );
    expect(wrongPassword.map((a) => (a as { retryAfter: boolean }).retryAfter)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('a replayed refresh token ends the session at once: the access token issued earlier gets 401', async () => {
    const first = await signInFrom('198.51.100.20', 'olga.operator', OLGA_PASSWORD);
    const firstAccess = await bearerOf(first);
    expect((await api(firstAccess).get('/auth/me')).status).toBe(200);
    const rotated = await api().post<SignedIn>('/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(rotated.status).toBe(200);
    const rotatedAccess = { authorization: `Bearer ${rotated.body.accessToken}` };
    expect((await api(rotatedAccess).get('/help-desk/queue')).status).toBe(200);

    // The thief replays the refresh token the owner already used.
    const replay = await api().post('/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body['code']).toBe('TOKEN_REJECTED');
    for (const access of [firstAccess, rotatedAccess]) {
      const refused = await api(access).get('/auth/me');
      expect(refused.status).toBe(401);
      expect(refused.body['code']).toBe('TOKEN_REJECTED');
    }
    expect(
      (await api().post('/auth/refresh', { refreshToken: rotated.body.refreshToken })).status,
    ).toBe(401);
  });

  it("sign-out ends that session's access token at once, and no other session", async () => {
    const session = await signInFrom('198.51.100.21', 'olga.operator', OLGA_PASSWORD);
    const other = await signInFrom('198.51.100.22', 'olga.operator', OLGA_PASSWORD);
    const access = await bearerOf(session);
    const otherAccess = await bearerOf(other);
    expect((await api(access).get('/help-desk/queue')).status).toBe(200);

    expect(
      (await api().post('/auth/sign-out', { refreshToken: session.body.refreshToken })).status,
    ).toBe(204);
    const refused = await api(access).get('/help-desk/queue');
    expect(refused.status).toBe(401);
    expect(refused.body['code']).toBe('TOKEN_REJECTED');
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await api(otherAccess).get('/help-desk/queue')).status).toBe(200);

    // Sign-out everywhere: every access token of the user, at once.
    expect((await api(otherAccess).post('/auth/me/sign-out-everywhere')).status).toBe(204);
    expect((await api(otherAccess).get('/auth/me')).status).toBe(401);
  });
});
