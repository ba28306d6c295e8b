import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LeaseStore } from '@sfp/messaging';

/** How a context's instances choose the one that runs its singleton work. */
export interface ContextLeadershipOptions {
  /** The lease's name, e.g. `help-desk.leader`. */
  name: string;
  leases: LeaseStore;
  /** The lease lasts this long unless renewed; renewed every third of it. */
  ttlMs: number;
  /** This instance's identity in the lease (default: instanceIdentity()). */
  owner?: string;
  /** Starts the singleton work (this instance took the lease). */
  onElected: () => Promise<void>;
  /** Stops it (the lease was lost, could not be renewed in time, or the instance stops). */
  onDeposed: () => Promise<void>;
  /** A lease round or a transition failed (logged; the next round runs as usual). */
  onError?: (error: unknown, during: 'lease' | 'elected' | 'deposed') => void;
  /** Default Date.now. */
  now?: () => number;
}

export interface ContextLeadershipStatus {
  lease: string;
  owner: string;
  /** Whether this instance holds the lease and runs the singleton work. */
  leader: boolean;
  /** When it last became leader (ISO), if it is. */
  since?: string;
  /** Times this instance became leader since it started. */
  elections: number;
}

/**
 * One leader per context among its instances: the holder of a lease in the
 * context's consumer-state store runs the singleton work (projections,
 * reactors, scheduled workers). The lease is renewed every third of its TTL;
 * the holder steps down as soon as a renewal is refused (another instance
 * holds the lease), when the store has not answered a renewal and less than
 * a third of the TTL is left of the last one it granted, or when the TTL has
 * passed since a renewal was asked for (a long pause), so by the time
 * another instance can take the expired lease the old one has stopped
 * starting new work. Another instance takes over within one TTL of the
 * holder's death. Transitions run one after the other, outside the renewal
 * loop, so a slow start (a projection catching up) never delays a renewal.
 */
export class ContextLeadership {
  private readonly owner: string;
  private readonly now: () => number;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private transitions: Promise<void> = Promise.resolve();
  /** The lease is ours until then (0: not held). */
  private heldUntil = 0;
  /** Whether the singleton work was (or is being) started. */
  private leading = false;
  private since?: Date;
  private elections = 0;
  private wake?: () => void;
  private firstRound: Promise<void> = Promise.resolve();
  private firstRoundDone?: () => void;

  constructor(private readonly options: ContextLeadershipOptions) {
    this.owner = options.owner ?? instanceIdentity();
    this.now = options.now ?? Date.now;
  }

  /**
   * Starts asking for the lease; resolves after the first round: once the
   * singleton work has started when this instance took the lease (so a lone
   * instance serves its views from the start), at once otherwise.
   */
  start(): Promise<void> {
    if (this.running) return this.firstRound;
    this.running = true;
    this.firstRound = new Promise((resolve) => (this.firstRoundDone = resolve));
    this.loop = this.run();
    return this.firstRound;
  }

  /** Stops renewing, stops the singleton work if it runs here, then gives the lease up. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    this.firstRoundDone?.();
    this.setLeading(false);
    await this.transitions;
    await this.options.leases.release(this.options.name, this.owner).catch(() => undefined);
  }

  get isLeader(): boolean {
    return this.leading;
  }

  status(): ContextLeadershipStatus {
    return {
      lease: this.options.name,
      owner: this.owner,
      leader: this.leading,
      ...(this.leading && this.since ? { since: this.since.toISOString() } : {}),
      elections: this.elections,
    };
  }

  private async run(): Promise<void> {
    const { ttlMs } = this.options;
    while (this.running) {
      const askedAt = this.now();
      // Past the expiry of the last renewal (the process was paused): stop before asking again.
      if (this.leading && askedAt >= this.heldUntil) this.setLeading(false);
      let held = false;
      let unanswered = false;
      try {
        held = await withinMs(
          this.options.leases.acquire(this.options.name, this.owner, ttlMs),
          ttlMs / 3,
        );
      } catch (error) {
        unanswered = true;
        this.options.onError?.(error, 'lease');
      }
      if (!this.running) break;
      if (unanswered && this.leading) {
        // The store did not answer (busy, or down): nobody else can take the lease before it
        // expires, so the work goes on until a third of the TTL before that, and the next round
        // asks again. One slow renewal no longer stops every projection of a busy context.
        this.setLeading(this.now() < this.heldUntil - ttlMs / 3);
      } else {
        this.heldUntil = held ? askedAt + ttlMs : 0;
        // A renewal that came back after the lease's expiry holds nothing we can rely on.
        this.setLeading(held && this.now() < this.heldUntil);
      }
      if (this.firstRoundDone) {
        // Not awaited here: a slow start must not delay the renewals.
        void this.transitions.then(this.firstRoundDone);
        this.firstRoundDone = undefined;
      }
      await this.pause(Math.max(0, askedAt + ttlMs / 3 - this.now()));
    }
  }

  private setLeading(leading: boolean): void {
    if (leading === this.leading) return;
    this.leading = leading;
    if (leading) {
      this.since = new Date(this.now());
      this.elections++;
    }
    this.transitions = this.transitions.then(() => (leading ? this.elected() : this.deposed()));
  }

  /** A start that failed is undone; the next renewal elects this instance again and retries it. */
  private async elected(): Promise<void> {
    try {
      await this.options.onElected();
    } catch (error) {
      this.options.onError?.(error, 'elected');
      this.leading = false;
      await this.deposed();
    }
  }

  private async deposed(): Promise<void> {
    try {
      await this.options.onDeposed();
    } catch (error) {
      this.options.onError?.(error, 'deposed');
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** The promise's value, or an error when it has not settled within `ms`. */
function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The lease store did not answer within ${ms} ms`)),
      ms,
    );
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A name for this process in a lease, readable by an operator: `<host>/<pid>/<random>`. */
export function instanceIdentity(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}
