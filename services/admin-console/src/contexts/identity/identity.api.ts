// Identity and access (the platform's /api/auth): users and their roles,
// integration clients and their API keys. Queries are keyed under 'identity';
// a command invalidates them all. Roles are @sfp/contracts' PERSON_ROLES.
// The answers' shapes are not in @sfp/contracts (it holds reference data and
// transitions only): they are declared here, as the API documents them
// (/api/docs-json).
import { queryOptions } from '@tanstack/react-query';
import type { PersonRole } from '@sfp/contracts';
import { get, patch, post } from '../../api/client';

const AUTH = '/api/auth';
/** The columns of every list of accounts (people and departments' systems) after its names. */
export const ACCOUNT_COLUMNS = ['Department', 'State', 'Created'] as const;

export const IDENTITY = ['identity'] as const;

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department?: string;
  disabled: boolean;
  passwordChangeRequired: boolean;
  failedSignIns: number;
  locked: boolean;
  createdAt: string;
}

export interface IntegrationClient {
  id: string;
  name: string;
  department: string;
  disabled: boolean;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  clientId: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  status: string;
  revokedAt?: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: PersonRole[];
  department?: string;
}

export interface UserChanges {
  displayName?: string;
  roles?: PersonRole[];
  /** null removes it. */
  department?: string | null;
  disabled?: boolean;
}

export const identityQueries = {
  users: () =>
    queryOptions({ queryKey: [...IDENTITY, 'users'], queryFn: () => get<User[]>(`${AUTH}/users`) }),
  clients: () =>
    queryOptions({
      queryKey: [...IDENTITY, 'clients'],
      queryFn: () => get<IntegrationClient[]>(`${AUTH}/clients`),
    }),
  keys: (clientId: string) =>
    queryOptions({
      queryKey: [...IDENTITY, 'clients', clientId, 'keys'],
      queryFn: () => get<ApiKey[]>(`${AUTH}/clients/${encodeURIComponent(clientId)}/keys`),
    }),
};

const userPath = (id: string) => `${AUTH}/users/${encodeURIComponent(id)}`;
const clientPath = (id: string) => `${AUTH}/clients/${encodeURIComponent(id)}`;

export const identityCommands = {
  /** A new user with a one-time password (shown once), unless the API is told otherwise. */
  createUser: (user: NewUser) =>
    post<{ user: User; oneTimePassword?: string }>(`${AUTH}/users`, user),
  changeUser: (id: string, changes: UserChanges) => patch<User>(userPath(id), changes),
  unlockUser: (id: string) => post(`${userPath(id)}/unlock`),
  resetPassword: (id: string) =>
    post<{ oneTimePassword: string }>(`${userPath(id)}/password-reset`),
  createClient: (client: { name: string; department: string }) =>
    post<IntegrationClient>(`${AUTH}/clients`, client),
  setClientDisabled: (id: string, disabled: boolean) => patch(clientPath(id), { disabled }),
  /** A new key: its secret is in the answer only. */
  issueKey: (clientId: string, key: { label: string; expiresInDays?: number }) =>
    post<{ key: ApiKey; apiKey: string }>(`${clientPath(clientId)}/keys`, key),
  revokeKey: (clientId: string, keyId: string) =>
    post(`${clientPath(clientId)}/keys/${encodeURIComponent(keyId)}/revoke`),
};
