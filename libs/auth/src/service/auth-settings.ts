/** Tunables of sign-in, tokens and keys; the defaults suit an internal platform. */
export interface AuthSettings {
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /** Consecutive failed sign-ins that lock an account. */
  maxFailedSignIns: number;
  lockoutMinutes: number;
  /** Sign-in attempts per client address and per user name per minute. */
  signInsPerMinute: number;
  /** Calls per API key per minute. */
  apiKeyCallsPerMinute: number;
  /** The longest an API key may live. */
  maxApiKeyDays: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  accessTokenSeconds: 15 * 60,
  refreshTokenDays: 14,
  maxFailedSignIns: 5,
  lockoutMinutes: 15,
  signInsPerMinute: 10,
  apiKeyCallsPerMinute: 1200,
  maxApiKeyDays: 730,
};
