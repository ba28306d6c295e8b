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

  beforeEach(async () => {
    clock = new Date('2026-11-29T10:00:00.000Z');
    store = new SqliteIdentityStore({ filename: ':memory:' });
    runtime = createAuthRuntime({
      store,
      tokenSecret: SECRET,
      settings: { ...DEFAULT_AUTH_SETTINGS, signInsPerMinute: 100 },
      now: () => clock,
    });
    const { user } = await runtime.administration.createUser(
      { username: 'Amina', displayName: 'Amina Diallo', roles: ['operator'], department: 'SFP', password: PASSWORD },
      SYSTEM_PRINCIPAL,
    );
    adminId = user.id;
  });
  afterEach(() => store.close());

  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

  it('signs in with the right password (user name in any case) and the token authenticates', async () => {
    const signedIn = await runtime.authentication.signIn(' AMINA ', PASSWORD, '10.0.0.1');
    expect(signedIn.principal).toEqual({ kind: 'person', id: adminId, name: 'amina', roles: ['operator'], department: 'SFP' });
    expect(signedIn.expiresIn).toBe(900);
    const authenticated = await runtime.authentication.authenticateBearer(signedIn.accessToken);
    expect(authenticated.principal.id).toBe(adminId);
  });

  it('refuses a wrong password and an unknown user with the same error', async () => {
    await expect(runtime.authentication.signIn('amina', 'wrong password!', 'a')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(runtime.authentication.signIn('nobody', PASSWORD, 'a')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('locks the account after 5 failures in a row, even for the right password, until the lock-out ends', async () => {
    for (let i = 0; i < 4; i++) {
      await expect(runtime.authentication.signIn('amina', `wrong-${i}-password`, 'a')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(runtime.authentication.signIn('amina', 'wrong-5-password', 'a')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    await expect(runtime.authentication.signIn('amina', PASSWORD, 'a')).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { retryAfterSeconds: 900 },
    });
    later(15 * 60_000 + 1);
    await expect(runtime.authentication.signIn('amina', PASSWORD, 'a')).resolves.toBeDefined();
    expect((await store.findUserByName('amina'))?.failedSignIns).toBe(0);
  });

  it('a success resets the count of failures', async () => {
    for (let i = 0; i < 4; i++) await runtime.authentication.signIn('amina', 'nope-nope-nope', 'a').catch(() => undefined);
    await runtime.authentication.signIn('amina', PASSWORD, 'a');
    for (let i = 0; i < 4; i++) await runtime.authentication.signIn('amina', 'nope-nope-nope', 'a').catch(() => undefined);
    await expect(runtime.authentication.signIn('amina', PASSWORD, 'a')).resolves.toBeDefined();
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = createAuthRuntime({ store, tokenSecret: SECRET, settings: { ...DEFAULT_AUTH_SETTINGS, signInsPerMinute: 3 }, now: () => clock });
    for (let i = 0; i < 3; i++) await limited.authentication.signIn(`nobody-${i}`, 'x', '10.9.9.9').catch(() => undefined);
    await expect(limited.authentication.signIn('amina', PASSWORD, '10.9.9.9')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(limited.authentication.signIn('amina', PASSWORD, '10.9.9.8')).resolves.toBeDefined();
    later(20_001);
    await expect(limited.authentication.signIn('amina', PASSWORD, '10.9.9.9')).resolves.toBeDefined();
  });

  it('refuses an expired access token, a tampered one, and one signed with another secret', async () => {
    const { accessToken } = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    const [header, body, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['administrator'] })).toString('base64url')}.${signature}`;
    await expect(runtime.authentication.authenticateBearer(tampered)).rejects.toMatchObject({ code: 'TOKEN_REJECTED', reason: 'invalid' });
    const forged = await new SignJWT({ ...claims, roles: ['administrator'] })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-of-at-least-thirty-two-b'));
    await expect(runtime.authentication.authenticateBearer(forged)).rejects.toMatchObject({ reason: 'invalid' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    await expect(runtime.authentication.authenticateBearer(none)).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    later(15 * 60_000 + 1000);
    await expect(runtime.authentication.authenticateBearer(accessToken)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('rotates refresh tokens; reusing one revokes every session of the user', async () => {
    const first = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    const second = await runtime.authentication.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await expect(runtime.authentication.refresh(first.refreshToken)).rejects.toMatchObject({ reason: 'revoked' });
    // The thief's reuse closed the legitimate session too.
    await expect(runtime.authentication.refresh(second.refreshToken)).rejects.toMatchObject({ reason: 'revoked' });
  });

  it('refuses an expired or forged refresh token, and one of a signed-out session', async () => {
    const a = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await expect(runtime.authentication.refresh(a.refreshToken.slice(0, -2) + 'xx')).rejects.toMatchObject({ reason: 'invalid' });
    await runtime.authentication.signOut(a.refreshToken);
    await expect(runtime.authentication.refresh(a.refreshToken)).rejects.toMatchObject({ reason: 'revoked' });
    const b = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    later(15 * 86_400_000);
    await expect(runtime.authentication.refresh(b.refreshToken)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('signing out everywhere, disabling and changing roles revoke the access tokens already issued', async () => {
    const a = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await runtime.authentication.signOutEverywhere(adminId);
    await expect(runtime.authentication.authenticateBearer(a.accessToken)).rejects.toMatchObject({ reason: 'revoked' });

    const b = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    await runtime.administration.updateUser(adminId, { roles: ['analyst'] }, SYSTEM_PRINCIPAL);
    await expect(runtime.authentication.authenticateBearer(b.accessToken)).rejects.toMatchObject({ reason: 'revoked' });

    const c = await runtime.authentication.signIn('amina', PASSWORD, 'a');
    expect(c.principal.roles).toEqual(['analyst']);
    await runtime.administration.updateUser(adminId, { disabled: true }, SYSTEM_PRINCIPAL);
    await expect(runtime.authentication.authenticateBearer(c.accessToken)).rejects.toMatchObject({ reason: 'revoked' });
    await expect(runtime.authentication.refresh(c.refreshToken)).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    await expect(runtime.authentication.signIn('amina', PASSWORD, 'a')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('API keys: shown once, authenticate as the client with its department; revoked and expired ones are refused', async () => {
    const client = await runtime.administration.createClient({ name: 'finance-erp', department: 'FINANCE' }, SYSTEM_PRINCIPAL);
    const { apiKey, key } = await runtime.administration.issueKey(client.id, { label: 'prod', expiresInDays: 30 }, SYSTEM_PRINCIPAL);
    expect(JSON.stringify(key)).not.toContain(apiKey.slice(-43));
    expect(JSON.stringify(await store.findApiKey(key.id))).not.toContain(apiKey.slice(-43));
    const { principal } = await runtime.authentication.authenticateApiKey(apiKey);
    expect(principal).toEqual({ kind: 'integration-client', id: client.id, name: 'finance-erp', roles: ['integration'], department: 'FINANCE' });
    await expect(runtime.authentication.authenticateApiKey(apiKey.slice(0, -1) + (apiKey.endsWith('A') ? 'B' : 'A'))).rejects.toMatchObject({ reason: 'invalid' });

    later(31 * 86_400_000);
    await expect(runtime.authentication.authenticateApiKey(apiKey)).rejects.toMatchObject({ reason: 'expired' });
    const second = await runtime.administration.issueKey(client.id, { label: 'new', expiresInDays: 30 }, SYSTEM_PRINCIPAL);
    await runtime.authentication.authenticateApiKey(second.apiKey);
    await runtime.administration.revokeKey(client.id, second.key.id, SYSTEM_PRINCIPAL);
    await expect(runtime.authentication.authenticateApiKey(second.apiKey)).rejects.toMatchObject({ reason: 'revoked' });
    expect((await runtime.administration.listKeys(client.id)).map((k) => k.status)).toEqual(['expired', 'revoked']);
  });

  it('a one-time password must be changed; the change ends other sessions', async () => {
    const { user, oneTimePassword } = await runtime.administration.createUser(
      { username: 'kofi', displayName: 'Kofi Mensah', roles: ['analyst'] },
      SYSTEM_PRINCIPAL,
    );
    const signedIn = await runtime.authentication.signIn('kofi', oneTimePassword!, 'a');
    expect(signedIn.passwordChangeRequired).toBe(true);
    expect((await runtime.authentication.authenticateBearer(signedIn.accessToken)).passwordChangeRequired).toBe(true);
    await expect(runtime.administration.changeOwnPassword(user.id, oneTimePassword!, 'short')).rejects.toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    await expect(runtime.administration.changeOwnPassword(user.id, 'wrong', 'a much better password')).rejects.toMatchObject({ field: 'currentPassword' });
    const changed = await runtime.administration.changeOwnPassword(user.id, oneTimePassword!, 'a much better password');
    expect(changed.passwordChangeRequired).toBe(false);
    await expect(runtime.authentication.authenticateBearer(signedIn.accessToken)).rejects.toMatchObject({ reason: 'revoked' });
    await expect(runtime.authentication.signIn('kofi', 'a much better password', 'a')).resolves.toMatchObject({ passwordChangeRequired: false });
  });

  it('keeps the last administrator', async () => {
    const { user } = await runtime.administration.createUser(
      { username: 'root', displayName: 'Root', roles: ['administrator'], password: 'super secret 123' },
      SYSTEM_PRINCIPAL,
    );
    await expect(runtime.administration.updateUser(user.id, { roles: ['operator'] }, SYSTEM_PRINCIPAL)).rejects.toMatchObject({ code: 'LAST_ADMINISTRATOR' });
    await expect(runtime.administration.updateUser(user.id, { disabled: true }, SYSTEM_PRINCIPAL)).rejects.toMatchObject({ code: 'LAST_ADMINISTRATOR' });
  });
});
