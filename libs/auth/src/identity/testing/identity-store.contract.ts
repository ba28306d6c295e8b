import type { ApiKeyRecord, ClientRecord, RefreshTokenRecord, UserRecord } from '../identity-records';
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
      failedSignIns: 0,
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
      await expect(store.createUser(user({ username: a.username }))).rejects.toBeInstanceOf(NameTakenError);
      expect(await store.countUsers()).toBe(1);
    });

    it('lets exactly one of several concurrent creations take a name', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () => store.createUser(user({ username: 'contested' }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof NameTakenError)).toBe(true);
      expect(await store.countUsers()).toBe(1);
    });

    it('saves changes to a user and lists users by name', async () => {
      const b = user({ username: 'b.user' });
      const a = user({ username: 'a.user' });
      await store.createUser(b);
      await store.createUser(a);
      const changed: UserRecord = { ...a, roles: ['analyst', 'operator'], failedSignIns: 3, lockedUntil: '2026-11-29T11:00:00.000Z', tokenGeneration: 2 };
      await store.saveUser(changed);
      expect(await store.findUser(a.id)).toEqual(changed);
      expect((await store.listUsers()).map((u) => u.username)).toEqual(['a.user', 'b.user']);
    });

    it('stores integration clients with unique names, and their API keys', async () => {
      const c = client();
      await store.createClient(c);
      await expect(store.createClient(client({ name: c.name }))).rejects.toBeInstanceOf(NameTakenError);
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
      await store.createApiKey({ ...key('key-other', '2026-11-29T10:00:02.000Z'), clientId: 'client-other' });
      expect((await store.listApiKeys(c.id)).map((k) => k.id)).toEqual(['key-a', 'key-b']);
      await store.saveApiKey({ ...key('key-a', '2026-11-29T10:00:00.000Z'), revokedAt: '2026-11-29T12:00:00.000Z' });
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
      const wins = await Promise.all(Array.from({ length: 5 }, () => store.revokeRefreshToken('r1', '2026-11-29T10:05:00.000Z')));
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
      for (const t of [token('a1', 'user-a'), token('a2', 'user-a'), token('a3', 'user-a'), token('b1', 'user-b')]) {
        await store.createRefreshToken(t);
      }
      await store.revokeRefreshToken('a3', '2026-11-29T10:01:00.000Z');
      expect(await store.revokeUserRefreshTokens('user-a', '2026-11-29T10:02:00.000Z')).toBe(2);
      expect((await store.findRefreshToken('a1'))?.revokedAt).toBe('2026-11-29T10:02:00.000Z');
      expect((await store.findRefreshToken('a3'))?.revokedAt).toBe('2026-11-29T10:01:00.000Z');
      expect((await store.findRefreshToken('b1'))?.revokedAt).toBeUndefined();
    });
  });
}
