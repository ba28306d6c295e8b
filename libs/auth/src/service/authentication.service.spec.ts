import { SignJWT } from 'jose';
import { SqliteIdentityStore } from '../identity/sqlite/sqlite-identity-store';
import { SYSTEM_PRINCIPAL } from '../access/principal';
import { createAuthRuntime } from './auth-runtime.factory';
import { DEFAULT_AUTH_SETTINGS } from './auth-settings';
import type { AuthRuntime } from '../nest/auth.runtime';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const PASSWORD = 'correct horse battery';

describe('AuthenticationService', () => {
  let clock: Date;
  let runtime: AuthRuntime;
  let store: SqliteIdentityStore;
  let adminId: string;

  /** A runtime (an instance of the service) on the test's store and clock; default settings unless given. */
  const runtimeOnStore = (
    options: Partial<Omit<Parameters<typeof createAuthRuntime>[0], 'store' | 'now'>> = {},
  ) =>
    createAuthRuntime({
      store,
      tokenSecret: SECRET,
      settings: DEFAULT_AUTH_SETTINGS,
      now: () => clock,
      ...options,
    });

  beforeEach(async () => {
    clock = new Date('2026-11-29T10:00:00.000Z');
    store = new SqliteIdentityStore({ filename: ':memory:' });
    runtime = runtimeOnStore({ settings: { ...DEFAULT_AUTH_SETTINGS, signInsPerMinute: 100 } });
    const { user } = await runtime.administration.createUser(
      {
        username: 'Amina',
        displayName: 'Amina Diallo',
        roles: ['operator'],
        department: 'SFP',
        password: PASSWORD,
      },
      SYSTEM_PRINCIPAL,
    );
    adminId = user.id;
  });
  afterEach(() => store.close());

  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

  it('signs in with the right password (user name in any case) and the token authenticates', async () => {
    const signedIn = await runtime.authentication.signIn(' AMINA ', PASSWORD, '10.0.0.1');
    expect(signedIn.principal).toEqual({
      kind: 'person',
      id: adminId,
      name: 'amina',
      roles: ['operator'],
      department: 'SFP',
    });
    expect(signedIn.expiresIn).toBe(900);
    const authenticated = await runtime.authentication.authenticateBearer(signedIn.accessToken);
    expect(authenticated.principal.id).toBe(adminId);
  });

  it('refuses a wrong password and an unknown user with the same error', async () => {
    await expect(
      runtime.authentication.signIn('amina', 'wrong password!', 'a'),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(runtime.authentication.signIn('nobody', PASSWORD, 'a')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  /** The error of a refused sign-in, or 'signed in'. */
  const attempt = (username: string, password: string, address: string, on = runtime) =>
    on.authentication.signIn(username, password, address).then(
      () => 'signed in' as const,
      (error: { code: string; message: string; details: { retryAfterSeconds?: number } }) => ({
        code: error.code,
        message: error.message,
        retryAfterSeconds: error.details.retryAfterSeconds,
      }),
    );

  it('never locks the account: failures of one address make only that address wait, with a growing Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await attempt('amina', `wrong-${i}-password`, '10.6.6.6')).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'The user name or password is wrong',
        retryAfterSeconds: undefined,
      });
    }
    expect(await attempt('amina', 'wrong-5-password', '10.6.6.6')).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      retryAfterSeconds: 1,
    });
    // In back-off even with the right password, from that address only.
    expect(await attempt('amina', PASSWORD, '10.6.6.6')).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      retryAfterSeconds: 1,
    });
    expect(await attempt('amina', PASSWORD, '10.0.0.1')).toBe('signed in');
    later(1000);
    expect(await attempt('amina', 'wrong-6-password', '10.6.6.6')).toMatchObject({
      retryAfterSeconds: 2,
    });
    later(2000);
    expect(await attempt('amina', PASSWORD, '10.6.6.6')).toBe('signed in');
    // A success forgets the failures of that address.
    expect(
      await store.countSignInFailures(
        { username: 'amina', address: '10.6.6.6' },
        '2000-01-01T00:00:00.000Z',
      ),
    ).toEqual({ failures: 0 });
  });

  it('doubles the wait after each further failure, up to the maximum, and forgets failures after the window', async () => {
    const waits: Array<number | undefined> = [];
    for (let i = 0; i < 18; i++) {
      const result = await attempt('amina', 'not the password', 'a');
      const wait = result === 'signed in' ? undefined : result.retryAfterSeconds;
      waits.push(wait);
      if (wait) later(wait * 1000);
    }
    expect(waits).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
      2,
      4,
      8,
      16,
      32,
      64,
      128,
      256,
      512,
      900,
      900,
      900,
    ]);
    later(12 * 3600 * 1000);
    expect(await attempt('amina', 'not the password', 'a')).toMatchObject({
      retryAfterSeconds: undefined,
    });
  });

  it('answers an unknown user exactly as a wrong password, and counts it the same way', async () => {
    const unknown: unknown[] = [];
    const wrong: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      unknown.push(await attempt('nobody.here', 'some password', '10.1.1.1'));
      wrong.push(await attempt('amina', 'some password', '10.2.2.2'));
    }
    expect(unknown).toEqual(wrong);
    expect(wrong[5]).toMatchObject({ code: 'INVALID_CREDENTIALS', retryAfterSeconds: 1 });
  });

  it('loses no failure of parallel attempts', async () => {
    await Promise.all(
      Array.from({ length: 8 }, () => attempt('amina', 'wrong password!', '10.3.3.3')),
    );
    expect(
      (
        await store.countSignInFailures(
          { username: 'amina', address: '10.3.3.3' },
          '2000-01-01T00:00:00.000Z',
        )
      ).failures,
    ).toBe(8);
  });

  it('logs sign-in.throttled with the user name, the address and the count once the back-off applies', async () => {
    const warnings: Array<Record<string, unknown>> = [];
    const audited = runtimeOnStore({
      settings: { ...DEFAULT_AUTH_SETTINGS, signInsPerMinute: 100 },
      audit: { warn: (object) => warnings.push(object) },
    });
    for (let i = 0; i < 6; i++) await attempt('amina', 'wrong password!', '10.4.4.4', audited);
    expect(warnings).toEqual([
      {
        event: 'sign-in.throttled',
        username: 'amina',
        address: '10.4.4.4',
        failures: 6,
        retryAfterSeconds: 1,
      },
    ]);
  });

  it("an administrator's unlock forgets the failures of every address; the user view shows them until then", async () => {
    for (const address of ['10.5.5.1', '10.5.5.2']) {
      for (let i = 0; i < 6; i++) await attempt('amina', 'wrong password!', address);
    }
    expect(await runtime.administration.getUser(adminId)).toMatchObject({
      failedSignIns: 12,
      locked: true,
    });
    expect((await runtime.administration.listUsers())[0]).toMatchObject({
      failedSignIns: 12,
      locked: true,
    });
    expect(await runtime.administration.unlock(adminId)).toMatchObject({
      failedSignIns: 0,
      locked: false,
    });
    expect(await attempt('amina', PASSWORD, '10.5.5.1')).toBe('signed in');
  });

  it('a success resets the count of failures', async () => {
    for (let i = 0; i < 4; i++)
      await runtime.authentication.signIn('amina', 'nope-nope-nope', 'a').catch(() => undefined);
    await runtime.authentication.signIn('amina', PASSWORD, 'a');
    for (let i = 0; i < 5; i++)
      await runtime.authentication.signIn('amina', 'nope-nope-nope', 'a').catch(() => undefined);
    await expect(runtime.authentication.signIn('amina', PASSWORD, 'a')).resolves.toBeDefined();
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = runtimeOnStore({
      settings: { ...DEFAULT_AUTH_SETTINGS, signInsPerMinute: 3 },
    });
    for (let i = 0; i < 3; i++)
      await limited.authentication.signIn(`nobody-${i}`, 'x', '10.9.9.9').catch(() => undefined);
    await expect(
      limited.authentication.signIn('amina', PASSWORD, '10.9.9.9'),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(
      limited.authentication.signIn('amina', PASSWORD, '10.9.9.8'),
    ).resolves.toBeDefined();
    later(20_001);
    await expect(
      limited.authentication.signIn('amina', PASSWORD, '10.9.9.9'),
    ).resolves.toBeDefined();
  });

  it('refuses an expired access token, a tampered one, and one signed with another secret', async () => {
    const { accessToken } = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    const [header, body, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['administrator'] })).toString('base64url')}.${signature}`;
    await expect(runtime.authentication.authenticateBearer(tampered)).rejects.toMatchObject({
      code: 'TOKEN_REJECTED',
      reason: 'invalid',
    });
    const forged = await new SignJWT({ ...claims, roles: ['administrator'] })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-of-at-least-thirty-two-b'));
    await expect(runtime.authentication.authenticateBearer(forged)).rejects.toMatchObject({
      reason: 'invalid',
    });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    await expect(runtime.authentication.authenticateBearer(none)).rejects.toMatchObject({
      code: 'TOKEN_REJECTED',
    });
    later(15 * 60_000 + 1000);
    await expect(runtime.authentication.authenticateBearer(accessToken)).rejects.toMatchObject({
      reason: 'expired',
    });
  });

  it('rotates refresh tokens; reusing one ends every session of the user at once, access tokens included', async () => {
    const first = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    const other = await runtime.authentication.signIn('amina', PASSWORD, 'b');
    const second = await runtime.authentication.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await runtime.authentication.authenticateBearer(first.accessToken);
    await expect(runtime.authentication.refresh(first.refreshToken)).rejects.toMatchObject({
      reason: 'revoked',
    });
    // The thief's reuse closed the legitimate session too, and no access token of the user lives on.
    await expect(runtime.authentication.refresh(second.refreshToken)).rejects.toMatchObject({
      reason: 'revoked',
    });
    for (const session of [first, second, other]) {
      await expect(
        runtime.authentication.authenticateBearer(session.accessToken),
      ).rejects.toMatchObject({ reason: 'revoked' });
    }
    await expect(runtime.authentication.signIn('amina', PASSWORD, 'a')).resolves.toBeDefined();
  });

  it("signing out ends that session's access tokens at once, and no other session", async () => {
    const a = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    const aRefreshed = await runtime.authentication.refresh(a.refreshToken);
    const b = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await runtime.authentication.signOut(aRefreshed.refreshToken);
    for (const token of [a.accessToken, aRefreshed.accessToken]) {
      await expect(runtime.authentication.authenticateBearer(token)).rejects.toMatchObject({
        reason: 'revoked',
      });
    }
    await expect(runtime.authentication.authenticateBearer(b.accessToken)).resolves.toBeDefined();
    // Until the access tokens have expired anyway, then the record goes.
    later(16 * 60_000 + 1000);
    expect(await store.listSessionRevocations({ activeAt: clock.toISOString() })).toEqual([]);
  });

  it('a sign-out in one instance is refused at once by another sharing the store, at no extra read per request', async () => {
    const other = runtimeOnStore();
    const a = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    const b = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await other.authentication.authenticateBearer(a.accessToken);
    const lists = jest.spyOn(store, 'listSessionRevocations');
    const reads = jest.spyOn(store, 'findUser');
    for (let i = 0; i < 5; i++) await other.authentication.authenticateBearer(a.accessToken);
    expect(lists).not.toHaveBeenCalled();
    expect(reads).toHaveBeenCalledTimes(5);

    await runtime.authentication.signOut(a.refreshToken);
    lists.mockClear();
    await expect(other.authentication.authenticateBearer(a.accessToken)).rejects.toMatchObject({
      reason: 'revoked',
    });
    // The other instance saw the user's new mark and loaded that user's revocations, once.
    expect(lists).toHaveBeenCalledTimes(1);
    await expect(other.authentication.authenticateBearer(b.accessToken)).resolves.toBeDefined();
    expect(lists).toHaveBeenCalledTimes(1);
    lists.mockRestore();
    reads.mockRestore();
  });

  it('when the mark on the user record is lost (a concurrent replace), the periodic pull refuses the session within its interval', async () => {
    const other = runtimeOnStore();
    const a = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await other.authentication.authenticateBearer(a.accessToken);
    const before = (await store.findUser(adminId))!;
    await runtime.authentication.signOut(a.refreshToken);
    await store.saveUser(before); // an administrator's change that read the record before the sign-out
    await expect(other.authentication.authenticateBearer(a.accessToken)).resolves.toBeDefined();
    later(DEFAULT_AUTH_SETTINGS.sessionRevocationPullSeconds * 1000);
    await expect(other.authentication.authenticateBearer(a.accessToken)).rejects.toMatchObject({
      reason: 'revoked',
    });
    // The instance that signed it out never accepted it.
    await expect(runtime.authentication.authenticateBearer(a.accessToken)).rejects.toMatchObject({
      reason: 'revoked',
    });
  });

  it('refuses an access token without a session id (issued before sessions were tracked)', async () => {
    const { accessToken } = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    const claims = JSON.parse(
      Buffer.from(accessToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    delete claims['sid'];
    const old = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    await expect(runtime.authentication.authenticateBearer(old)).rejects.toMatchObject({
      reason: 'invalid',
    });
  });

  it('refuses an expired or forged refresh token, and one of a signed-out session', async () => {
    const a = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await expect(
      runtime.authentication.refresh(a.refreshToken.slice(0, -2) + 'xx'),
    ).rejects.toMatchObject({ reason: 'invalid' });
    await runtime.authentication.signOut(a.refreshToken);
    await expect(runtime.authentication.refresh(a.refreshToken)).rejects.toMatchObject({
      reason: 'revoked',
    });
    const b = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    later(15 * 86_400_000);
    await expect(runtime.authentication.refresh(b.refreshToken)).rejects.toMatchObject({
      reason: 'expired',
    });
  });

  it('signing out everywhere, disabling and changing roles revoke the access tokens already issued', async () => {
    const a = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await runtime.authentication.signOutEverywhere(adminId);
    await expect(runtime.authentication.authenticateBearer(a.accessToken)).rejects.toMatchObject({
      reason: 'revoked',
    });

    const b = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await runtime.administration.updateUser(adminId, { roles: ['analyst'] }, SYSTEM_PRINCIPAL);
    await expect(runtime.authentication.authenticateBearer(b.accessToken)).rejects.toMatchObject({
      reason: 'revoked',
    });

    const c = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    expect(c.principal.roles).toEqual(['analyst']);
    await runtime.administration.updateUser(adminId, { disabled: true }, SYSTEM_PRINCIPAL);
    await expect(runtime.authentication.authenticateBearer(c.accessToken)).rejects.toMatchObject({
      reason: 'revoked',
    });
    await expect(runtime.authentication.refresh(c.refreshToken)).rejects.toMatchObject({
      code: 'TOKEN_REJECTED',
    });
    await expect(runtime.authentication.signIn('amina', PASSWORD, 'a')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('API keys: shown once, authenticate as the client with its department; revoked and expired ones are refused', async () => {
    const client = await runtime.administration.createClient(
      { name: 'finance-erp', department: 'FINANCE' },
      SYSTEM_PRINCIPAL,
    );
    const { apiKey, key } = await runtime.administration.issueKey(
      client.id,
      { label: 'prod', expiresInDays: 30 },
      SYSTEM_PRINCIPAL,
    );
    expect(JSON.stringify(key)).not.toContain(apiKey.slice(-43));
    expect(JSON.stringify(await store.findApiKey(key.id))).not.toContain(apiKey.slice(-43));
    const { principal } = await runtime.authentication.authenticateApiKey(apiKey);
    expect(principal).toEqual({
      kind: 'integration-client',
      id: client.id,
      name: 'finance-erp',
      roles: ['integration'],
      department: 'FINANCE',
    });
    await expect(
      runtime.authentication.authenticateApiKey(
        apiKey.slice(0, -1) + (apiKey.endsWith('A') ? 'B' : 'A'),
      ),
    ).rejects.toMatchObject({ reason: 'invalid' });

    later(31 * 86_400_000);
    await expect(runtime.authentication.authenticateApiKey(apiKey)).rejects.toMatchObject({
      reason: 'expired',
    });
    const second = await runtime.administration.issueKey(
      client.id,
      { label: 'new', expiresInDays: 30 },
      SYSTEM_PRINCIPAL,
    );
    await runtime.authentication.authenticateApiKey(second.apiKey);
    await runtime.administration.revokeKey(client.id, second.key.id, SYSTEM_PRINCIPAL);
    await expect(runtime.authentication.authenticateApiKey(second.apiKey)).rejects.toMatchObject({
      reason: 'revoked',
    });
    expect((await runtime.administration.listKeys(client.id)).map((k) => k.status)).toEqual([
      'expired',
      'revoked',
    ]);
  });

  it('a one-time password must be changed; the change ends other sessions', async () => {
    const { user, oneTimePassword } = await runtime.administration.createUser(
      { username: 'kofi', displayName: 'Kofi Mensah', roles: ['analyst'] },
      SYSTEM_PRINCIPAL,
    );
    const signedIn = await runtime.authentication.signIn('kofi', oneTimePassword!, 'a');
    expect(signedIn.passwordChangeRequired).toBe(true);
    expect(
      (await runtime.authentication.authenticateBearer(signedIn.accessToken))
        .passwordChangeRequired,
    ).toBe(true);
    await expect(
      runtime.administration.changeOwnPassword(user.id, oneTimePassword!, 'short'),
    ).rejects.toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    await expect(
      runtime.administration.changeOwnPassword(user.id, 'wrong', 'a much better password'),
    ).rejects.toMatchObject({ field: 'currentPassword' });
    const changed = await runtime.administration.changeOwnPassword(
      user.id,
      oneTimePassword!,
      'a much better password',
    );
    expect(changed.passwordChangeRequired).toBe(false);
    await expect(
      runtime.authentication.authenticateBearer(signedIn.accessToken),
    ).rejects.toMatchObject({ reason: 'revoked' });
    await expect(
      runtime.authentication.signIn('kofi', 'a much better password', 'a'),
    ).resolves.toMatchObject({ passwordChangeRequired: false });
  });

  it('keeps the last administrator', async () => {
    const { user } = await runtime.administration.createUser(
      {
        username: 'root',
        displayName: 'Root',
        roles: ['administrator'],
        password: 'super secret 123',
      },
      SYSTEM_PRINCIPAL,
    );
    await expect(
      runtime.administration.updateUser(user.id, { roles: ['operator'] }, SYSTEM_PRINCIPAL),
    ).rejects.toMatchObject({ code: 'LAST_ADMINISTRATOR' });
    await expect(
      runtime.administration.updateUser(user.id, { disabled: true }, SYSTEM_PRINCIPAL),
    ).rejects.toMatchObject({ code: 'LAST_ADMINISTRATOR' });
  });
});
