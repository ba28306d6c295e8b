import type { LibrarySource } from './library.entries';

/**
 * What an entry made from another context's publication becomes when that
 * publication arrives: recorded when there is no entry yet; revised when the
 * entry comes from an older version (or from none); left as it is when it
 * already comes from this version or a newer one (a redelivery, a replay, or a
 * version that arrives late).
 */
export function sourcedChange(
  state: { status: 'none' } | { source?: LibrarySource },
  incoming: LibrarySource,
): 'record' | 'revise' | 'none' {
  if ('status' in state && state.status === 'none') return 'record';
  const held = 'source' in state ? state.source : undefined;
  if (held && held.publicationVersion >= incoming.publicationVersion) return 'none';
  return 'revise';
}

/** A revision by a person keeps the entry's source (the link back) unless it names one. */
export function keepingSource<T extends { source?: LibrarySource }>(
  entry: T,
  held: LibrarySource | undefined,
): T {
  return entry.source || !held ? entry : { ...entry, source: held };
}
