import type { ApiKeyRecord, ClientRecord, RefreshTokenRecord, UserRecord } from './identity-records';

/** Thrown when a user name or client name is taken. */
export class NameTakenError extends Error {
  readonly code = 'NAME_TAKEN';
  constructor(
    readonly kind: 'user' | 'client',
    readonly field: string,
    name: string,
  ) {
    super(`The ${kind} name "${name}" is taken`);
  }
}

/**
 * Where identities live: users, integration clients, their API keys, and
 * refresh tokens. Adapters: SQLite (embedded) and MongoDB (distributed), both
 * run by identity-store.contract.ts.
 */
export interface IdentityStore {
  createUser(user: UserRecord): Promise<void>;
  findUser(id: string): Promise<UserRecord | undefined>;
  findUserByName(username: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;
  /** Replaces the user's record (same id and username); undefined when there is none. */
  saveUser(user: UserRecord): Promise<void>;

  createClient(client: ClientRecord): Promise<void>;
  findClient(id: string): Promise<ClientRecord | undefined>;
  listClients(): Promise<ClientRecord[]>;
  saveClient(client: ClientRecord): Promise<void>;

  createApiKey(key: ApiKeyRecord): Promise<void>;
  findApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(clientId: string): Promise<ApiKeyRecord[]>;
  saveApiKey(key: ApiKeyRecord): Promise<void>;

  createRefreshToken(token: RefreshTokenRecord): Promise<void>;
  findRefreshToken(id: string): Promise<RefreshTokenRecord | undefined>;
  /**
   * Revokes the token if it is still active. True for exactly one caller when
   * several race to use the same token (rotation), false otherwise.
   */
  revokeRefreshToken(id: string, at: string): Promise<boolean>;
  /** Revokes every active token of a user (sign-out everywhere, reuse detected, disabled). */
  revokeUserRefreshTokens(userId: string, at: string): Promise<number>;

  close(): Promise<void>;
}
