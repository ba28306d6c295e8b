import type { Role } from '../access/roles';

/** A person who signs in: administrator, operator or analyst. */
export interface UserRecord {
  id: string;
  /** Unique, lower case. */
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  department?: string;
  disabled: boolean;
  /** Set for a one-time password: every call but changing it is refused. */
  passwordChangeRequired: boolean;
  /**
   * Goes into every access token; raised to refuse all tokens issued before
   * (sign-out everywhere, refresh token reused, disabled, password or roles changed).
   */
  tokenGeneration: number;
  /**
   * Changed whenever one of the user's sessions is revoked (sign-out): an
   * instance that reads a mark it has not seen loads the user's revoked
   * sessions before answering (see SessionRevocations).
   */
  sessionRevocationMark?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** A department's system that files commands with API keys. */
export interface ClientRecord {
  id: string;
  /** Unique. */
  name: string;
  department: string;
  disabled: boolean;
  createdAt: string;
  createdBy: string;
}

export interface ApiKeyRecord {
  id: string;
  clientId: string;
  label: string;
  /** SHA-256 of the key's secret part; the key itself is shown once. */
  secretHash: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt?: string;
  revokedBy?: string;
  lastUsedAt?: string;
}

/** A refresh token; rotated on every use, a family shares the sign-in it came from. */
export interface RefreshTokenRecord {
  id: string;
  userId: string;
  familyId: string;
  secretHash: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/**
 * A signed-out session (`sid` of its access tokens = the refresh family id):
 * its access tokens are refused until `expiresAt`, when all have expired.
 */
export interface SessionRevocationRecord {
  sessionId: string;
  userId: string;
  revokedAt: string;
  expiresAt: string;
}

/** Failed sign-ins are counted per user name (known or not) and client address. */
export interface SignInKey {
  /** Lower case, as typed (it need not exist). */
  username: string;
  address: string;
}

/** The failed sign-ins of one key since some instant. */
export interface SignInFailures {
  failures: number;
  /** The latest of them (ISO); undefined when there is none. */
  lastFailureAt?: string;
}

export type SignInFailureSummary = SignInKey & { failures: number; lastFailureAt: string };
