import type { Logger } from '../logging/logger';

/** How an {@link IntervalRounds} runs its rounds. */
export interface IntervalRoundsOptions<Result> {
  /** One round of the work. */
  round: () => Promise<Result>;
  /** What a round that threw counts as (logged, then the next round runs as usual). */
  onFailure: Result;
  logger: Logger;
  /** The message logged (at error level) when a round throws. */
  failureMessage: string;
}

/**
 * The timer of a context worker that does one round of work every few
 * milliseconds: rounds run one after the other (a round never overlaps the
 * one before it), a round that throws is logged and the next one runs as
 * usual, the timer does not keep the process alive, and stop waits for the
 * round under way.
 */
export class IntervalRounds<Result> {
  private timer?: NodeJS.Timeout;
  private running: Promise<Result>;

  constructor(private readonly options: IntervalRoundsOptions<Result>) {
    this.running = Promise.resolve(options.onFailure);
  }

  /** A round every `intervalMs` (0 or less: never), the first at once when `immediately`. */
  start(intervalMs: number, { immediately = false }: { immediately?: boolean } = {}): void {
    if (intervalMs <= 0) return;
    if (immediately) this.schedule();
    this.timer = setInterval(() => this.schedule(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the round under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private schedule(): void {
    const { round, onFailure, logger, failureMessage } = this.options;
    this.running = this.running
      .then(() => round())
      .catch((error: unknown) => {
        logger.error({ err: error }, failureMessage);
        return onFailure;
      });
  }
}
