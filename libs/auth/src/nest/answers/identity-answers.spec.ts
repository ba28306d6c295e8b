import 'reflect-metadata';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { SYSTEM_PRINCIPAL, type Principal } from '../../access/principal';
import { principalOfUser } from '../../service/authentication.service';
import { SqliteIdentityStore } from '../../identity/sqlite/sqlite-identity-store';
import { createAuthRuntime } from '../../service/auth-runtime.factory';
import { DEFAULT_AUTH_SETTINGS } from '../../service/auth-settings';
import type { AuthRuntime } from '../auth.runtime';
import { AuthController } from '../auth.http.controller';
import { ClientsController } from '../clients.http.controller';
import { UsersController } from '../users.http.controller';
import { ClientKeyParams } from '../dto/client.dto';
import {
  CreateUserDto,
  FIVE_DIFFERENT_CHARACTERS,
  UpdateUserDto,
  UserIdParams,
} from '../dto/user.dto';
import { passwordProblem } from '../../identity/password-hash';
import {
  ApiKeyListSchema,
  ApiKeySchema,
  ClientListSchema,
  ClientSchema,
  CreatedUserSchema,
  IssuedApiKeySchema,
  PasswordResetSchema,
  UserListSchema,
  UserViewSchema,
} from './identity-administration.answers';
import { CurrentUserSchema, SignedInSchema } from './session.answers';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
FormatRegistry.Set('date-time', (value) => ISO_DATE_TIME.test(value) && !isNaN(Date.parse(value)));

const PASSWORD = 'correct horse battery';

/** The answer matches the schema the route documents; on a mismatch, says where. */
function expectConforms(schema: TSchema, answer: unknown): void {
  const errors = [...Value.Errors(schema, answer)].map((e) => `${e.path}: ${e.message}`);
  expect(errors).toEqual([]);
}

/**
 * The bodies the identity routes answer, produced by the controllers on a real
 * store, conform to the schemas the OpenAPI document gives for them: when the
 * code and a schema drift apart, this fails.
 */
describe('identity route answers and their schemas', () => {
  // Every password check is scrypt: seconds on a busy machine.
  jest.setTimeout(30_000);

  let clock: Date;
  let store: SqliteIdentityStore;
  let runtime: AuthRuntime;
  let auth: AuthController;
  let users: UsersController;
  let clients: ClientsController;
  let admin: Principal;

  const request = (ip: string) => ({ ip }) as Request;

  beforeEach(async () => {
    clock = new Date('2026-11-29T10:00:00.000Z');
    store = new SqliteIdentityStore({ filename: ':memory:' });
    runtime = createAuthRuntime({
      store,
      tokenSecret: 'a-test-secret-of-at-least-thirty-two-bytes',
      settings: DEFAULT_AUTH_SETTINGS,
      now: () => clock,
    });
    auth = new AuthController(runtime);
    users = new UsersController(runtime);
    clients = new ClientsController(runtime);
    const { user } = await runtime.administration.createUser(
      { username: 'admin', displayName: 'Admin', roles: ['administrator'], password: PASSWORD },
      SYSTEM_PRINCIPAL,
    );
    admin = principalOfUser({ ...user, passwordHash: '', tokenGeneration: 0 });
  });
  afterEach(() => store.close());

  it('sign-in, refresh and a password change answer the session tokens', async () => {
    const signedIn = await auth.signIn({ username: 'admin', password: PASSWORD }, request('a'));
    expectConforms(SignedInSchema, signedIn);
    const refreshed = await auth.refresh({ refreshToken: signedIn.refreshToken });
    expectConforms(SignedInSchema, refreshed);
    const changed = await auth.changePassword(admin, {
      currentPassword: PASSWORD,
      newPassword: 'a much better passphrase',
    });
    expectConforms(SignedInSchema, changed);
  });

  it('the current user: a person with a department, and an integration client', async () => {
    expectConforms(CurrentUserSchema, await auth.me(admin));
    const { user } = await users.create(
      { username: 'op', displayName: 'Op', roles: ['operator'], department: 'FINANCE' },
      admin,
    );
    const person = await auth.me(
      principalOfUser({ ...user, passwordHash: '', tokenGeneration: 0 }),
    );
    expect(person).toMatchObject({ department: 'FINANCE', passwordChangeRequired: true });
    expectConforms(CurrentUserSchema, person);

    const client = await clients.create({ name: 'erp', department: 'FINANCE' }, admin);
    const { apiKey } = await clients.issueKey({ id: client.id }, { label: 'prod' }, admin);
    const { principal } = await runtime.authentication.authenticateApiKey(apiKey);
    const integration = await auth.me(principal);
    expect(integration).not.toHaveProperty('displayName');
    expectConforms(CurrentUserSchema, integration);
  });

  it('users: created (with and without a password), listed, read, changed, reset, unlocked', async () => {
    const generated = await users.create(
      { username: 'Op.One', displayName: 'Op One', roles: ['operator'], department: 'FINANCE' },
      admin,
    );
    expect(generated.oneTimePassword).toEqual(expect.any(String));
    expectConforms(CreatedUserSchema, generated);
    const given = await users.create(
      { username: 'analyst', displayName: 'An', roles: ['analyst'], password: PASSWORD },
      admin,
    );
    expect(given).not.toHaveProperty('oneTimePassword');
    expectConforms(CreatedUserSchema, given);

    const id = { id: generated.user.id };
    expectConforms(UserViewSchema, await users.get(id));
    expectConforms(
      UserViewSchema,
      await users.update(id, { department: null, roles: ['operator', 'analyst'] }, admin),
    );
    expectConforms(PasswordResetSchema, await users.resetPassword(id));

    // Failed sign-ins put the user name in back-off: counted and locked in the view.
    for (let i = 0; i < DEFAULT_AUTH_SETTINGS.signInFreeFailures + 1; i++) {
      await auth
        .signIn({ username: 'op.one', password: 'not the password' }, request('b'))
        .catch(() => undefined);
    }
    const locked = await users.get(id);
    expect(locked).toMatchObject({ locked: true, failedSignIns: expect.any(Number) });
    expectConforms(UserViewSchema, locked);
    expectConforms(UserListSchema, await users.list());
    expectConforms(UserViewSchema, await users.unlock(id));
  });

  it('integration clients and keys: created, listed, disabled, issued, used, revoked', async () => {
    const client = await clients.create({ name: 'finance-erp', department: 'FINANCE' }, admin);
    expectConforms(ClientSchema, client);
    expectConforms(ClientSchema, await clients.update({ id: client.id }, { disabled: true }));
    expectConforms(ClientSchema, await clients.update({ id: client.id }, { disabled: false }));
    expectConforms(ClientListSchema, await clients.list());

    const issued = await clients.issueKey({ id: client.id }, { label: 'prod' }, admin);
    expectConforms(IssuedApiKeySchema, issued);
    expect(issued.apiKey).toContain(issued.key.id);
    await runtime.authentication.authenticateApiKey(issued.apiKey); // sets lastUsedAt
    const revoked = await clients.revokeKey({ id: client.id, keyId: issued.key.id }, admin);
    expect(revoked.status).toBe('revoked');
    expectConforms(ApiKeySchema, revoked);
    await clients.issueKey({ id: client.id }, { label: 'short', expiresInDays: 1 }, admin);
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    const keys = await clients.keys({ id: client.id });
    expect(keys.map((k) => k.status)).toEqual(['revoked', 'expired']);
    expect(keys[0]).toHaveProperty('lastUsedAt');
    expectConforms(ApiKeyListSchema, keys);
  });
});

describe('identity route input', () => {
  const errorsOf = async (type: new () => object, plain: object) =>
    (await validate(plainToInstance(type, plain))).map((e) => e.property);

  it('path ids have the form the administration gives them: anything else is invalid input', async () => {
    expect(
      await errorsOf(UserIdParams, { id: 'user-0b6f3f0e-8d8a-4a63-9d0c-6f1d2b8f4c1a' }),
    ).toEqual([]);
    expect(await errorsOf(UserIdParams, { id: '0' })).toEqual(['id']);
    expect(
      await errorsOf(ClientKeyParams, {
        id: 'client-5c0e7d7e-1f43-4b8e-a0a4-2b7f7d0c9e11',
        keyId: '3f9a1c0b7d2e4a65',
      }),
    ).toEqual([]);
    expect(
      await errorsOf(ClientKeyParams, {
        id: 'user-5c0e7d7e-1f43-4b8e-a0a4-2b7f7d0c9e11',
        keyId: 'x',
      }),
    ).toEqual(expect.arrayContaining(['id', 'keyId']));
  });

  it('null where it means nothing is the same as leaving the field out', async () => {
    const update = plainToInstance(UpdateUserDto, {
      displayName: null,
      roles: null,
      disabled: null,
      department: null,
    });
    expect(await validate(update)).toEqual([]);
    expect(update).toMatchObject({ displayName: undefined, roles: undefined, disabled: undefined });
    expect(update.department).toBeNull(); // removes it
    const create = plainToInstance(CreateUserDto, {
      username: 'a.b',
      displayName: 'A B',
      roles: ['analyst'],
      password: null,
    });
    expect(await validate(create)).toEqual([]);
    expect(create.password).toBeUndefined(); // a one-time password is generated
  });

  it('a password the DTO lets through has as many different characters as the password rules want', () => {
    const samples = [
      'aaaaaaaaaaaa',
      'abababababab',
      'abcdabcdabcd',
      'abcdeeeeeeee',
      'eeeeeeeabcde',
      'aabbccddeeff',
      '😀😀😀😀😀😀😀😀😀😀😀😀',
      '😀😁😂🤣😃😀😁😂🤣😃😀😁',
      'ééééééééééée',
      'correct horse battery',
    ];
    for (const password of samples) {
      expect({ password, matches: FIVE_DIFFERENT_CHARACTERS.test(password) }).toEqual({
        password,
        matches: passwordProblem(password) === undefined,
      });
    }
  });
});
