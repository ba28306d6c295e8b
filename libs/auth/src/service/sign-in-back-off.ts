import type { SignInFailures } from '../identity/identity-records';
import type { AuthSettings } from './auth-settings';

/**
 * The back-off of failed sign-ins, per user name and client address: never a
 * lock on the account, which anyone could set on anyone. Within the window,
 * the first `signInFreeFailures` failures cost nothing; after failure number
 * f > free the next attempt from that address waits
 *
 *     min(2^(f − free − 1), signInMaxBackOffSeconds) seconds
 *
 * after the latest failure (defaults: failures 1–5 free, then 1 s, 2 s, 4 s …
 * up to 15 minutes from the 16th on). Pure: the caller gives the time.
 */
export class SignInBackOff {
  constructor(
    private readonly settings: Pick<
      AuthSettings,
      'signInFreeFailures' | 'signInMaxBackOffSeconds' | 'signInFailureWindowSeconds'
    >,
  ) {}

  /** Failures at or after this instant count. */
  since(now: Date): string {
    return new Date(now.getTime() - this.settings.signInFailureWindowSeconds * 1000).toISOString();
  }

  /** The wait after the f-th failure. */
  delaySeconds(failures: number): number {
    const beyond = failures - this.settings.signInFreeFailures;
    if (beyond <= 0) return 0;
    return Math.min(2 ** Math.min(beyond - 1, 30), this.settings.signInMaxBackOffSeconds);
  }

  /** Whole seconds until the next attempt is allowed, or undefined when it is allowed now. */
  retryAfterSeconds(state: SignInFailures, now: Date): number | undefined {
    const delay = this.delaySeconds(state.failures);
    if (delay === 0 || !state.lastFailureAt) return undefined;
    const remaining = new Date(state.lastFailureAt).getTime() + delay * 1000 - now.getTime();
    return remaining > 0 ? Math.ceil(remaining / 1000) : undefined;
  }
}
