import type {
  ApiKeyRecord,
  ClientRecord,
  RefreshTokenRecord,
  SessionRevocationRecord,
  UserRecord,
} from '../identity-records';
import { NameTakenError, type IdentityStore } from '../identity-store.port';

/**
 * The one contract every IdentityStore adapter passes. `open` gives a fresh,
 * empty store; `close` is called after each test.
 */
export function identityStoreContract(name: string, open: () => Promise<IdentityStore>): void {
  describe(`IdentityStore contract: ${name}`, () => {
    let store: IdentityStore;
    let n = 0;
    beforeEach(async () => {
      store = await open();
      n++;
    });
    afterEach(() => store.close());

    const user = (over: Partial<UserRecord> = {}): UserRecord => ({
      id: `user-${n}-${Math.random().toString(36).slice(2)}`,
      username: `amina.${n}`,
      displayName: 'Amina Diallo',
      passwordHash: 'scrypt$x',
      roles: ['operator'],
      department: 'SFP',
      disabled: false,
      passwordChangeRequired: false,
      tokenGeneration: 0,
      createdAt: '2026-11-29T10:00:00.000Z',
      createdBy: 'sfp-platform',
      updatedAt: '2026-11-29T10:00:00.000Z',
      ...over,
    });
    const client = (over: Partial<ClientRecord> = {}): ClientRecord => ({
      id: `client-${n}-${Math.random().toString(36).slice(2)}`,
      name: `finance-erp-${n}`,
      department: 'FINANCE',
      disabled: false,
      createdAt: '2026-11-29T10:00:00.000Z',
      createdBy: 'user-1',
      ...over,
    });

    it('stores users and finds them by id and by name; a taken name is refused', async () => {
      const a = user();
      await store.createUser(a);
      expect(await store.findUser(a.id)).toEqual(a);
      expect(await store.findUserByName(a.username)).toEqual(a);
      expect(await store.findUserByName('nobody')).toBeUndefined();
      expect(await store.findUser('user-missing')).toBeUndefined();
      await expect(store.createUser(user({ username: a.username }))).rejects.toBeInstanceOf(
        NameTakenError,
      );
      expect(await store.countUsers()).toBe(1);
    });

    it('lets exactly one of several concurrent creations take a name', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () => store.createUser(user({ username: 'contested' }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results
          .filter((r) => r.status === 'rejected')
          .every((r) => (r as PromiseRejectedResult).reason instanceof NameTakenError),
      ).toBe(true);
      expect(await store.countUsers()).toBe(1);
    });

    it('saves changes to a user and lists users by name', async () => {
      const b = user({ username: 'b.user' });
      const a = user({ username: 'a.user' });
      await store.createUser(b);
      await store.createUser(a);
      const changed: UserRecord = {
        ...a,
        roles: ['analyst', 'operator'],
        tokenGeneration: 2,
        sessionRevocationMark: 'mark-1',
      };
      await store.saveUser(changed);
      expect(await store.findUser(a.id)).toEqual(changed);
      expect((await store.listUsers()).map((u) => u.username)).toEqual(['a.user', 'b.user']);
    });

    it('stores integration clients with unique names, and their API keys', async () => {
      const c = client();
      await store.createClient(c);
      await expect(store.createClient(client({ name: c.name }))).rejects.toBeInstanceOf(
        NameTakenError,
      );
      expect(await store.findClient(c.id)).toEqual(c);
      await store.saveClient({ ...c, disabled: true });
      expect((await store.listClients()).map((x) => x.disabled)).toEqual([true]);

      const key = (id: string, createdAt: string): ApiKeyRecord => ({
        id,
        clientId: c.id,
        label: id,
        secretHash: `hash-${id}`,
        createdAt,
        createdBy: 'user-1',
        expiresAt: '2027-02-27T10:00:00.000Z',
      });
      await store.createApiKey(key('key-a', '2026-11-29T10:00:00.000Z'));
      await store.createApiKey(key('key-b', '2026-11-29T10:00:01.000Z'));
      await store.createApiKey({
        ...key('key-other', '2026-11-29T10:00:02.000Z'),
        clientId: 'client-other',
      });
      expect((await store.listApiKeys(c.id)).map((k) => k.id)).toEqual(['key-a', 'key-b']);
      await store.saveApiKey({
        ...key('key-a', '2026-11-29T10:00:00.000Z'),
        revokedAt: '2026-11-29T12:00:00.000Z',
      });
      expect((await store.findApiKey('key-a'))?.revokedAt).toBe('2026-11-29T12:00:00.000Z');
      expect(await store.findApiKey('key-missing')).toBeUndefined();
    });

    it('revokes a refresh token once: one winner among concurrent uses', async () => {
      const token = (id: string, userId = 'user-1'): RefreshTokenRecord => ({
        id,
        userId,
        familyId: 'family-1',
        secretHash: `hash-${id}`,
        issuedAt: '2026-11-29T10:00:00.000Z',
        expiresAt: '2026-12-13T10:00:00.000Z',
      });
      await store.createRefreshToken(token('r1'));
      expect(await store.findRefreshToken('r1')).toEqual(token('r1'));
      const wins = await Promise.all(
        Array.from({ length: 5 }, () => store.revokeRefreshToken('r1', '2026-11-29T10:05:00.000Z')),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect((await store.findRefreshToken('r1'))?.revokedAt).toBe('2026-11-29T10:05:00.000Z');
      expect(await store.revokeRefreshToken('missing', '2026-11-29T10:05:00.000Z')).toBe(false);
    });

    it("revokes every active refresh token of one user, and no one else's", async () => {
      const token = (id: string, userId: string): RefreshTokenRecord => ({
        id,
        userId,
        familyId: id,
        secretHash: id,
        issuedAt: '2026-11-29T10:00:00.000Z',
        expiresAt: '2026-12-13T10:00:00.000Z',
      });
      for (const t of [
        token('a1', 'user-a'),
        token('a2', 'user-a'),
        token('a3', 'user-a'),
        token('b1', 'user-b'),
      ]) {
        await store.createRefreshToken(t);
      }
      await store.revokeRefreshToken('a3', '2026-11-29T10:01:00.000Z');
      expect(await store.revokeUserRefreshTokens('user-a', '2026-11-29T10:02:00.000Z')).toBe(2);
      expect((await store.findRefreshToken('a1'))?.revokedAt).toBe('2026-11-29T10:02:00.000Z');
      expect((await store.findRefreshToken('a3'))?.revokedAt).toBe('2026-11-29T10:01:00.000Z');
      expect((await store.findRefreshToken('b1'))?.revokedAt).toBeUndefined();
    });

    it('records revoked sessions once, lists the unexpired ones of a user or of all, and forgets expired ones', async () => {
      const revocation = (
        sessionId: string,
        userId: string,
        revokedAt: string,
        expiresAt: string,
      ): SessionRevocationRecord => ({
        sessionId,
        userId,
        revokedAt,
        expiresAt,
      });
      const s1 = revocation('s1', 'user-a', '2026-11-29T10:00:00.000Z', '2026-11-29T10:16:00.000Z');
      const s2 = revocation('s2', 'user-a', '2026-11-29T10:05:00.000Z', '2026-11-29T10:21:00.000Z');
      const s3 = revocation('s3', 'user-b', '2026-11-29T10:06:00.000Z', '2026-11-29T10:22:00.000Z');
      for (const r of [s1, s2, s3]) await store.revokeSession(r);
      await store.revokeSession({
        ...s1,
        revokedAt: '2026-11-29T10:07:00.000Z',
        expiresAt: '2026-11-29T10:23:00.000Z',
      });
      expect(await store.listSessionRevocations({ activeAt: '2026-11-29T10:10:00.000Z' })).toEqual([
        s1,
        s2,
        s3,
      ]);
      expect(
        await store.listSessionRevocations({
          activeAt: '2026-11-29T10:10:00.000Z',
          userId: 'user-a',
        }),
      ).toEqual([s1, s2]);
      expect(await store.listSessionRevocations({ activeAt: '2026-11-29T10:16:00.000Z' })).toEqual([
        s2,
        s3,
      ]);
      await store.revokeSession(
        revocation('s4', 'user-c', '2026-11-29T10:30:00.000Z', '2026-11-29T10:46:00.000Z'),
      );
      expect(
        (await store.listSessionRevocations({ activeAt: '2026-11-29T10:00:00.000Z' })).map(
          (r) => r.sessionId,
        ),
      ).toEqual(['s4']);
    });

    describe('failed sign-ins', () => {
      const at = (minute: number) => `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`;
      const amina = { username: 'amina', address: '10.0.0.1' };

      it('counts the failures of a user name from an address since an instant, and clears them', async () => {
        expect(await store.countSignInFailures(amina, at(0))).toEqual({ failures: 0 });
        expect(await store.recordSignInFailure(amina, at(1), at(0))).toEqual({
          failures: 1,
          lastFailureAt: at(1),
        });
        expect(await store.recordSignInFailure(amina, at(2), at(0))).toEqual({
          failures: 2,
          lastFailureAt: at(2),
        });
        await store.recordSignInFailure({ ...amina, address: '10.0.0.2' }, at(3), at(0));
        await store.recordSignInFailure({ username: 'nobody', address: '10.0.0.1' }, at(3), at(0));
        expect(await store.countSignInFailures(amina, at(0))).toEqual({
          failures: 2,
          lastFailureAt: at(2),
        });
        expect(await store.countSignInFailures(amina, at(2))).toEqual({
          failures: 1,
          lastFailureAt: at(2),
        });
        // Failures before `since` no longer count.
        expect(await store.recordSignInFailure(amina, at(10), at(2))).toEqual({
          failures: 2,
          lastFailureAt: at(10),
        });

        expect(await store.listSignInFailures(at(2))).toEqual([
          { username: 'amina', address: '10.0.0.1', failures: 2, lastFailureAt: at(10) },
          { username: 'amina', address: '10.0.0.2', failures: 1, lastFailureAt: at(3) },
          { username: 'nobody', address: '10.0.0.1', failures: 1, lastFailureAt: at(3) },
        ]);
        expect((await store.listSignInFailures(at(0), 'amina')).map((s) => s.address)).toEqual([
          '10.0.0.1',
          '10.0.0.2',
        ]);

        await store.clearSignInFailures('amina', '10.0.0.1');
        expect(await store.countSignInFailures(amina, at(0))).toEqual({ failures: 0 });
        expect(
          (await store.countSignInFailures({ ...amina, address: '10.0.0.2' }, at(0))).failures,
        ).toBe(1);
        await store.clearSignInFailures('amina');
        expect(await store.listSignInFailures(at(0))).toEqual([
          { username: 'nobody', address: '10.0.0.1', failures: 1, lastFailureAt: at(3) },
        ]);
      });

      it('loses none of N concurrent failures on one key', async () => {
        const N = 20;
        const answers = await Promise.all(
          Array.from({ length: N }, (_, i) =>
            store.recordSignInFailure(
              amina,
              `2026-11-29T10:00:${String(i).padStart(2, '0')}.000Z`,
              at(0),
            ),
          ),
        );
        expect(Math.max(...answers.map((a) => a.failures))).toBe(N);
        expect(await store.countSignInFailures(amina, at(0))).toEqual({
          failures: N,
          lastFailureAt: '2026-11-29T10:00:19.000Z',
        });
      });
    });
  });
}
