import { SqliteIdentityStore, type UserRecord } from '@sfp/auth';
import { listedPlatformUsers, platformUsersOf } from './platform-users';

const record = (over: Partial<UserRecord>): UserRecord => ({
  id: 'u-1',
  username: 'amina.diallo',
  displayName: 'Amina Diallo',
  passwordHash: 'scrypt$not-a-real-hash',
  roles: ['operator'],
  department: 'SKILLS',
  disabled: false,
  passwordChangeRequired: false,
  tokenGeneration: 0,
  createdAt: '2025-09-01T08:00:00.000Z',
  createdBy: 'admin',
  updatedAt: '2025-09-01T08:00:00.000Z',
  ...over,
});

describe("the platform's users as a context sees them", () => {
  const store = new SqliteIdentityStore({ filename: ':memory:' });
  const users = platformUsersOf(store);

  beforeAll(async () => {
    await store.createUser(record({}));
    await store.createUser(
      record({
        id: 'u-2',
        username: 'joseph.mensah',
        displayName: 'Joseph Mensah',
        disabled: true,
      }),
    );
  });
  afterAll(async () => {
    await store.close();
  });

  it('given a username typed with capitals and spaces, then the user is found, without credentials', async () => {
    const found = await users.byUsername('  Amina.Diallo ');
    expect(found).toEqual({
      id: 'u-1',
      username: 'amina.diallo',
      displayName: 'Amina Diallo',
      roles: ['operator'],
      department: 'SKILLS',
      active: true,
    });
  });

  it('given a disabled user, then it is found inactive; an unknown name is not found', async () => {
    expect(await users.byId('u-2')).toMatchObject({ username: 'joseph.mensah', active: false });
    expect(await users.byUsername('nobody')).toBeUndefined();
  });

  it('given every user listed, then each comes by username, without credentials', async () => {
    expect((await users.list()).map(({ username, active }) => ({ username, active }))).toEqual([
      { username: 'amina.diallo', active: true },
      { username: 'joseph.mensah', active: false },
    ]);
    expect(Object.keys((await users.list())[0])).not.toContain('passwordHash');
  });

  it('given a listed user, then the list answers the same way', async () => {
    const listed = listedPlatformUsers([
      { id: 'u-9', username: 'ops', displayName: 'Ops', roles: ['operator'], active: true },
    ]);
    expect(await listed.byUsername('OPS')).toMatchObject({ id: 'u-9' });
    expect(await listed.byId('u-1')).toBeUndefined();
  });
});
