import { InvalidQueryError } from '../read-model/read-model.errors';
import { ProjectionStoppedError, ProjectionTimeoutError } from './projection.errors';

interface Waiter {
  position: number;
  resolve(): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

export interface PositionWaitersOptions {
  name: string;
  /** The position the serving version has applied. */
  appliedPosition: () => number;
  isRunning: () => boolean;
}

/** Read your writes: the callers waiting until the serving version has applied a position. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly options: PositionWaitersOptions) {}

  /** Resolves once the serving version has applied `position`; rejects with ProjectionTimeoutError after `timeoutMs`. */
  wait(position: number, timeoutMs: number): Promise<void> {
    const { name, appliedPosition } = this.options;
    if (!Number.isSafeInteger(position) || position < 0) {
      return Promise.reject(
        new InvalidQueryError(name, [
          { field: 'position', message: 'must be a non-negative integer' },
        ]),
      );
    }
    if (appliedPosition() >= position) return Promise.resolve();
    if (!this.options.isRunning()) return Promise.reject(new ProjectionStoppedError(name));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(
          () => {
            this.waiters.delete(waiter);
            reject(new ProjectionTimeoutError(name, position, appliedPosition(), timeoutMs));
          },
          Math.max(0, timeoutMs),
        ),
      };
      this.waiters.add(waiter);
    });
  }

  /** Resolves the waiters the serving version has reached (after it advanced, or after a swap). */
  settle(): void {
    const position = this.options.appliedPosition();
    for (const waiter of this.waiters) {
      if (waiter.position > position) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  /** Rejects every waiter with ProjectionStoppedError (the runner stops). */
  rejectAll(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new ProjectionStoppedError(this.options.name));
    }
    this.waiters.clear();
  }
}
