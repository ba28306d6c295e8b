import { Type, type Static } from '@sinclair/typebox';
import type { Principal } from '../../access/principal';
import { PERMISSIONS, ROLES, type Role } from '../../access/roles';
import type { SignedIn } from '../../service/authentication.service';
import { IsoDateTime, StringEnum, type MutuallyAssignable } from './schema-helpers';

/**
 * The bodies of the session routes (`/api/auth/sign-in`, `/refresh`,
 * `/me/password`, `/me`): the tokens of a session and who the caller is.
 */

export const RoleSchema = StringEnum(ROLES, {
  description:
    'administrator, operator or analyst for a person; integration for a department’s integration client',
});

/** Who is calling, once authenticated (`Principal`). */
export const PrincipalSchema = Type.Object(
  {
    kind: StringEnum(['person', 'integration-client'] as const, {
      description:
        'A person (password or OpenID Connect) or a department’s integration client (API key)',
    }),
    id: Type.String({
      description:
        'The user’s or client’s id (`user-…`, `client-…`, `oidc:<subject>`): stable, recorded in every event the caller causes',
    }),
    name: Type.String({ description: 'A person’s login name or a client’s name, for display' }),
    roles: Type.Unsafe<readonly Role[]>(Type.Array(RoleSchema)),
    department: Type.Optional(
      Type.String({ description: 'The department or office the caller acts for, when known' }),
    ),
  },
  { description: 'Who is calling' },
);

/** The tokens of a session: after sign-in, a refresh or a password change (`SignedIn`). */
export const SignedInSchema = Type.Object(
  {
    accessToken: Type.String({
      description: 'The access token (JWT): `Authorization: Bearer <accessToken>`',
    }),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({
      minimum: 1,
      description: 'Seconds until the access token expires',
    }),
    refreshToken: Type.String({
      description:
        'The refresh token (`sfpr_<id>_<secret>`), single use: `POST /api/auth/refresh` answers a new pair; using one twice ends every session of the user. Keep it secret: it is shown in this answer only.',
    }),
    refreshExpiresAt: IsoDateTime('When the refresh token expires'),
    passwordChangeRequired: Type.Boolean({
      description:
        'The password is a one-time password: every call but `POST /api/auth/me/password` (and `GET /api/auth/me`) is refused until it is changed',
    }),
    principal: PrincipalSchema,
  },
  { description: 'An access token (Bearer, minutes) and a refresh token (days, single use)' },
);

/** The caller's own profile (`GET /api/auth/me`). */
export const CurrentUserSchema = Type.Object(
  {
    ...PrincipalSchema.properties,
    permissions: Type.Array(StringEnum(PERMISSIONS), {
      description: 'What the caller’s roles allow',
    }),
    passwordChangeRequired: Type.Boolean({
      description: 'A one-time password must be changed first (always false for API keys)',
    }),
    displayName: Type.Optional(
      Type.String({ description: 'A user’s display name (people with an account only)' }),
    ),
  },
  { description: 'The caller: who they are, what they may do' },
);

export type PrincipalAnswer = Static<typeof PrincipalSchema>;
export type SignedInAnswer = Static<typeof SignedInSchema>;
export type CurrentUserAnswer = Static<typeof CurrentUserSchema>;

// The schemas describe the types the code answers with, and nothing else.
const principalMatches: MutuallyAssignable<PrincipalAnswer, Principal> = true;
const signedInMatches: MutuallyAssignable<SignedInAnswer, SignedIn> = true;
void principalMatches;
void signedInMatches;
