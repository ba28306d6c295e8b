import { AuthError } from './auth-errors';

/**
 * A token bucket per key (client address, user name, API key id), in memory:
 * `capacity` calls at once, refilled at `capacity` per `windowMs`. Per
 * process: N instances allow N times the rate (see docs/operations.md).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key` or throws RATE_LIMITED with the seconds to wait. */
  take(key: string, what: string): void {
    const now = this.now();
    const rate = this.capacity / this.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
      throw new AuthError('RATE_LIMITED', `Too many ${what}; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at > this.windowMs) this.buckets.delete(key);
    }
  }
}
