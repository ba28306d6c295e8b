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
  /** Consecutive failed sign-ins since the last success. */
  failedSignIns: number;
  lockedUntil?: string;
  /**
   * Goes into every access token; raised to refuse all tokens issued before
   * (sign-out everywhere, disabled, password or roles changed).
   */
  tokenGeneration: number;
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
