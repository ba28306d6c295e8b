/**
 * Read your writes over HTTP: a read given `minPosition` (a global position of
 * the context's event store, as a command answered it) answers once its view
 * has applied that position. Two refusals bound it, so no caller can hold a
 * request open at will:
 *
 * - a position beyond the event store's head (no command answered it) is
 *   refused at once: 400 `POSITION_BEYOND_HEAD`, a field error on `minPosition`
 *   naming the head, `details.position` and `details.headPosition`;
 * - a position within the head that the view has not applied after
 *   MIN_POSITION_WAIT_MS: 503 `PROJECTION_TIMEOUT` with `Retry-After` (seconds)
 *   and `details.position`, `details.appliedPosition`, `details.retryAfterSeconds`.
 *
 * The errors come from ProjectionEngine.waitForPosition (@sfp/projections);
 * COMMON_ERROR_STATUSES maps their codes.
 */

/** The longest a read waits for `minPosition` before 503 PROJECTION_TIMEOUT (5 s). */
export const MIN_POSITION_WAIT_MS = 5_000;

/** The stable codes of the two refusals. */
export const MIN_POSITION_REFUSAL_CODES = {
  400: 'POSITION_BEYOND_HEAD',
  503: 'PROJECTION_TIMEOUT',
} as const;

/**
 * What each refusal of a read with `minPosition` means, by HTTP status: for
 * the OpenAPI document of every operation that accepts `minPosition`.
 */
export const MIN_POSITION_REFUSALS = {
  400: `${MIN_POSITION_REFUSAL_CODES[400]}: minPosition is beyond the event store's head (no command answered it); refused at once, with a field error on minPosition naming the head (details.headPosition)`,
  503: `${MIN_POSITION_REFUSAL_CODES[503]}: the view has not applied minPosition after waiting ${MIN_POSITION_WAIT_MS / 1000} s; the write is accepted, read again after the Retry-After header's seconds (details.position, details.appliedPosition)`,
} as const satisfies Record<400 | 503, string>;
