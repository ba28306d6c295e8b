/** Errors of libs/auth; `code` maps to an HTTP status through AUTH_ERROR_STATUSES. */
export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
  get field(): string | undefined {
    return this.details.field;
  }
}

/**
 * The one answer to a refused sign-in, whatever the reason (unknown user,
 * wrong password, disabled account, back-off): the same status, code and body,
 * with `retryAfterSeconds` (the Retry-After header) when the next attempt from
 * this address must wait.
 */
export const signInRefused = (retryAfterSeconds?: number) =>
  retryAfterSeconds === undefined
    ? new AuthError('INVALID_CREDENTIALS', 'The user name or password is wrong')
    : new AuthError(
        'INVALID_CREDENTIALS',
        `The user name or password is wrong, or too many attempts failed; try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
export const notFound = (what: string, id: string) =>
  new AuthError(`UNKNOWN_${what.toUpperCase()}`, `No ${what} "${id}"`);

export const AUTH_ERROR_STATUSES: Record<string, number> = {
  INVALID_CREDENTIALS: 401,
  TOKEN_REJECTED: 401,
  AUTHENTICATION_REQUIRED: 401,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  INVALID_ROLES: 400,
  INVALID_INPUT: 400,
  NAME_TAKEN: 409,
  UNKNOWN_USER: 404,
  UNKNOWN_CLIENT: 404,
  UNKNOWN_KEY: 404,
  LAST_ADMINISTRATOR: 409,
};
