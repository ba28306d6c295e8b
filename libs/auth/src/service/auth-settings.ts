/** Tunables of sign-in, tokens and keys; the defaults suit an internal platform. */
export interface AuthSettings {
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /**
   * Failed sign-ins of one user name from one client address that cost
   * nothing; each further one doubles the wait before the next attempt.
   */
  signInFreeFailures: number;
  /** The longest wait of the back-off. */
  signInMaxBackOffSeconds: number;
  /** How long a failed sign-in counts. */
  signInFailureWindowSeconds: number;
  /** Sign-in attempts per client address per minute, per process (floods; 429). */
  signInsPerMinute: number;
  /** Calls per API key per minute, per process. */
  apiKeyCallsPerMinute: number;
  /** The longest an API key may live. */
  maxApiKeyDays: number;
  /**
   * How often each instance reloads every revoked session from the store, in
   * case the mark on a user record that tells it at once was overwritten.
   */
  sessionRevocationPullSeconds: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  accessTokenSeconds: 15 * 60,
  refreshTokenDays: 14,
  signInFreeFailures: 5,
  signInMaxBackOffSeconds: 15 * 60,
  signInFailureWindowSeconds: 12 * 3600,
  signInsPerMinute: 10,
  apiKeyCallsPerMinute: 1200,
  maxApiKeyDays: 730,
  sessionRevocationPullSeconds: 10,
};
