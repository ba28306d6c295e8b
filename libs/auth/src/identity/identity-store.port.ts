import type {
  ApiKeyRecord,
  ClientRecord,
  RefreshTokenRecord,
  SessionRevocationRecord,
  SignInFailureSummary,
  SignInFailures,
  SignInKey,
  UserRecord,
} from './identity-records';

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
 * Where identities live: users, integration clients, their API keys, refresh
 * tokens, revoked sessions and failed sign-ins. Shared by every instance of
 * every service (one store per platform). Adapters: SQLite (embedded) and MongoDB (distributed), both
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

  /** Records a revoked session; revoking one twice keeps the first record. */
  revokeSession(revocation: SessionRevocationRecord): Promise<void>;
  /** Revoked sessions whose record has not expired at `activeAt`, of one user or of all. */
  listSessionRevocations(filter: {
    activeAt: string;
    userId?: string;
  }): Promise<SessionRevocationRecord[]>;

  /**
   * Records one failed sign-in of `key` at `at`, then counts the key's
   * failures at or after `since`, this one included. Atomic across processes:
   * of N concurrent calls on one key none is lost (the last answer, and any
   * later count, says N). Failures before `since` may be forgotten.
   */
  recordSignInFailure(key: SignInKey, at: string, since: string): Promise<SignInFailures>;
  /** The key's failures at or after `since`. */
  countSignInFailures(key: SignInKey, since: string): Promise<SignInFailures>;
  /** Every key with failures at or after `since`, of one user name or of all. */
  listSignInFailures(since: string, username?: string): Promise<SignInFailureSummary[]>;
  /** Forgets the failures of one user name from one address, or from every address. */
  clearSignInFailures(username: string, address?: string): Promise<void>;

  close(): Promise<void>;
}
