/** pino-compatible: `logger.warn({ projection, ... }, 'message')`. */
export interface ProjectionLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ProjectionRunnerOptions {
  /** Events read and committed per batch (default 500): one checkpoint write per batch. */
  batchSize?: number;
  /** How often an idle runner looks for new events (default 50 ms); `wake()` looks at once. */
  pollIntervalMs?: number;
  /**
   * With a store that has an appended feed, the runner takes this process's
   * appends from memory (and wakes by itself when they come), and asks the
   * store for other instances' appends at most this often while caught up
   * (default 100 ms). See FeedFollower.
   */
  storePollMs?: number;
  /** No advance for this long while events wait = stalled (default 30 s). */
  stallAfterMs?: number;
  /** Backoff of a failing event: doubles from the initial delay up to the maximum (default 100 ms, 30 s). */
  retryInitialDelayMs?: number;
  retryMaxDelayMs?: number;
  /** How long a replaced read-model version stays after a swap, for queries already under way (default 5 s). */
  dropGraceMs?: number;
  /** The clock of recorded times and of the stall rule (default: the system clock). */
  now?: () => Date;
  logger?: ProjectionLogger;
}

/** The runner's options with every default filled in. */
export type ProjectionRunnerSettings = Required<ProjectionRunnerOptions>;

const SILENT: ProjectionLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export function runnerSettings(options: ProjectionRunnerOptions): ProjectionRunnerSettings {
  return {
    batchSize: options.batchSize ?? 500,
    pollIntervalMs: options.pollIntervalMs ?? 50,
    storePollMs: options.storePollMs ?? 100,
    stallAfterMs: options.stallAfterMs ?? 30_000,
    retryInitialDelayMs: options.retryInitialDelayMs ?? 100,
    retryMaxDelayMs: options.retryMaxDelayMs ?? 30_000,
    dropGraceMs: options.dropGraceMs ?? 5_000,
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? SILENT,
  };
}
