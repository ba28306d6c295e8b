import { CodedError } from '../../coded-error';

/**
 * The subscription ended before it caught up with the store: stop() was called,
 * the store closed, or the handler failed (then `cause` is the handler's error).
 */
export class SubscriptionStoppedError extends CodedError {
  constructor(
    /** The position of the last event handled. */
    readonly position: number,
    cause?: unknown,
  ) {
    super(
      'SUBSCRIPTION_STOPPED',
      `The subscription stopped at position ${position} before it caught up with the store` +
        (cause === undefined ? '' : `: ${cause instanceof Error ? cause.message : String(cause)}`),
      cause === undefined ? undefined : { cause },
    );
  }
}
