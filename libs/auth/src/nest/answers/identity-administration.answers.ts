import { Type, type Static } from '@sinclair/typebox';
import type { ClientRecord } from '../../identity/identity-records';
import { PERSON_ROLES, type PersonRole } from '../../access/roles';
import type {
  ApiKeyView,
  IdentityAdministration,
  UserView,
} from '../../service/identity-administration.service';
import { IsoDateTime, StringEnum, type MutuallyAssignable } from './schema-helpers';

/**
 * The bodies of the administration routes (`/api/auth/users…`,
 * `/api/auth/clients…`): users as administrators see them (never a hash),
 * integration clients and their API keys.
 */

const USER_ID = 'The user’s id, `user-<uuid>`';
const CLIENT_ID = 'The client’s id, `client-<uuid>`';

/** A user as administrators see it (`UserView`). */
export const UserViewSchema = Type.Object(
  {
    id: Type.String({ description: USER_ID }),
    username: Type.String({ description: 'The login name: unique, lower case' }),
    displayName: Type.String(),
    roles: Type.Array(StringEnum(PERSON_ROLES), { minItems: 1 }),
    department: Type.Optional(
      Type.String({ description: 'The department or office the user acts for, when set' }),
    ),
    disabled: Type.Boolean({ description: 'A disabled user cannot sign in' }),
    passwordChangeRequired: Type.Boolean({
      description: 'The password is a one-time password, to be changed at the next sign-in',
    }),
    createdAt: IsoDateTime('When the user was created'),
    createdBy: Type.String({
      description: 'Who created it: a user’s id, or `sfp-platform` for the first administrator',
    }),
    updatedAt: IsoDateTime('When the user was last changed'),
    failedSignIns: Type.Integer({
      minimum: 0,
      description:
        'Failed sign-ins with this user name within the back-off window, from every address',
    }),
    locked: Type.Boolean({
      description:
        'Sign-in with this user name is in back-off from at least one address; `POST /api/auth/users/{id}/unlock` ends it',
    }),
  },
  { description: 'A user, as administrators see it' },
);

/** A user just created, with its one-time password when none was given. */
export const CreatedUserSchema = Type.Object(
  {
    user: UserViewSchema,
    oneTimePassword: Type.Optional(
      Type.String({
        description:
          'Shown once, only when no password was given: the generated one-time password to hand to the user, who must change it at the first sign-in. It is not stored in clear and cannot be read again.',
      }),
    ),
  },
  { description: 'The new user, and its one-time password when one was generated' },
);

/** A user whose password was reset, with the new one-time password. */
export const PasswordResetSchema = Type.Object(
  {
    user: UserViewSchema,
    oneTimePassword: Type.String({
      description:
        'Shown once: the new one-time password to hand to the user, who must change it at the next sign-in. It is not stored in clear and cannot be read again.',
    }),
  },
  { description: 'The user (every session of it ended) and its new one-time password' },
);

/** A department's integration client (`ClientRecord`). */
export const ClientSchema = Type.Object(
  {
    id: Type.String({ description: CLIENT_ID }),
    name: Type.String({ description: 'The system, unique' }),
    department: Type.String({
      description: 'The department it acts for: it sees only its own records',
    }),
    disabled: Type.Boolean({ description: 'A disabled client’s keys are refused' }),
    createdAt: IsoDateTime('When the client was created'),
    createdBy: Type.String({ description: 'The id of the administrator who created it' }),
  },
  { description: 'A department’s system that calls the API with API keys' },
);

/** An API key as administrators see it, never its secret (`ApiKeyView`). */
export const ApiKeySchema = Type.Object(
  {
    id: Type.String({
      pattern: '^[0-9a-f]{16}$',
      description:
        'The key’s id (16 hexadecimal digits, the middle part of `sfpk_<id>_<secret>`): what `POST /api/auth/clients/{id}/keys/{keyId}/revoke` takes',
    }),
    clientId: Type.String({ description: CLIENT_ID }),
    label: Type.String({ description: 'What the key is for' }),
    createdAt: IsoDateTime('When the key was issued'),
    createdBy: Type.String({ description: 'The id of the administrator who issued it' }),
    expiresAt: IsoDateTime('When the key stops working'),
    revokedAt: Type.Optional(IsoDateTime('When the key was revoked')),
    revokedBy: Type.Optional(
      Type.String({ description: 'The id of the administrator who revoked it' }),
    ),
    lastUsedAt: Type.Optional(
      IsoDateTime('When the key last authenticated a call (to the minute), if it ever did'),
    ),
    status: StringEnum(['active', 'expired', 'revoked'] as const),
  },
  { description: 'An API key of an integration client (its secret is never shown again)' },
);

/** A key just issued: the key itself, shown once. */
export const IssuedApiKeySchema = Type.Object(
  {
    key: ApiKeySchema,
    apiKey: Type.String({
      pattern: '^sfpk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$',
      description:
        'Shown once: the API key `sfpk_<id>_<secret>`, to store in the department’s system now (`X-API-Key` header). Only a hash of it is kept: it cannot be read again; a lost key is revoked (by `key.id`) and a new one issued.',
    }),
  },
  { description: 'The new API key: `apiKey` is in this answer only' },
);

export const UserListSchema = Type.Array(UserViewSchema, {
  description: 'Every user, by user name',
});
export const ClientListSchema = Type.Array(ClientSchema, {
  description: 'Every integration client, by name',
});
export const ApiKeyListSchema = Type.Array(ApiKeySchema, {
  description: 'The client’s API keys, oldest first',
});

export type UserViewAnswer = Static<typeof UserViewSchema>;
export type CreatedUserAnswer = Static<typeof CreatedUserSchema>;
export type PasswordResetAnswer = Static<typeof PasswordResetSchema>;
export type ClientAnswer = Static<typeof ClientSchema>;
export type ApiKeyAnswer = Static<typeof ApiKeySchema>;
export type IssuedApiKeyAnswer = Static<typeof IssuedApiKeySchema>;

/**
 * `UserView` says `Role[]`; a user only ever holds a person's roles (the
 * administration refuses `integration`), which the schema states.
 */
type UserViewOfPerson = Omit<UserView, 'roles'> & { roles: PersonRole[] };
type Answer<K extends keyof IdentityAdministration> = Awaited<
  ReturnType<Extract<IdentityAdministration[K], (...args: never[]) => unknown>>
>;
type WithPersonRoles<T> = { [K in keyof T]: T[K] extends UserView ? UserViewOfPerson : T[K] };

// The schemas describe the types the code answers with, and nothing else.
const checks: [
  MutuallyAssignable<UserViewAnswer, UserViewOfPerson>,
  MutuallyAssignable<CreatedUserAnswer, WithPersonRoles<Answer<'createUser'>>>,
  MutuallyAssignable<PasswordResetAnswer, WithPersonRoles<Answer<'resetPassword'>>>,
  MutuallyAssignable<ClientAnswer, ClientRecord>,
  MutuallyAssignable<ApiKeyAnswer, ApiKeyView>,
  MutuallyAssignable<IssuedApiKeyAnswer, Answer<'issueKey'>>,
] = [true, true, true, true, true, true];
void checks;
