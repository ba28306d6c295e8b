/**
 * Errors that say the database cannot be reached right now, not that the
 * request or the message is wrong: the MongoDB driver's network, pool and
 * server-selection errors. Whatever caused them, the same operation may
 * succeed once the server is back, so an HTTP caller gets 503 with
 * Retry-After (libs/service-kit's error filter) and a consumer retries
 * without dead-lettering (libs/messaging's reliable consumer). Looked up by
 * name along the `cause` chain, so a wrapped driver error counts too.
 */
const UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
]);

export function isStoreUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string' && UNAVAILABLE.has(name)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
