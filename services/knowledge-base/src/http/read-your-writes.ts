import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import { MIN_POSITION_WAIT_MS } from '@sfp/service-kit';

/** Waits until each named projection has applied `position` (when given). */
export async function readYourWrites(
  projections: ProjectionEngine,
  position: number | undefined,
  ...names: string[]
): Promise<void> {
  if (position === undefined) return;
  for (const name of names) await projections.waitForPosition(name, position, MIN_POSITION_WAIT_MS);
}

/**
 * Read your writes on views that also show what reactors record in reaction
 * to events (target statuses): waits until each reactor has handled
 * `position`, so that its reactions to everything up to it are appended, then
 * until each view has applied the store's head as it stands then, those
 * reactions included. Each wait is bounded (503 PROJECTION_TIMEOUT past it).
 */
export async function readYourWritesAndReactions(
  projections: ProjectionEngine,
  eventStore: Pick<EventStore, 'headPosition'>,
  position: number | undefined,
  reactors: readonly string[],
  ...views: string[]
): Promise<void> {
  if (position === undefined) return;
  await readYourWrites(projections, position, ...reactors);
  await readYourWrites(projections, await eventStore.headPosition(), ...views);
}

/** Every document of a filter, page by page, with a clear error past `limit` (never a silent cut). */
export async function findAll<T extends object>(
  projections: ProjectionEngine,
  name: string,
  filter: Record<string, unknown>,
  limit = 50_000,
): Promise<T[]> {
  const model = projections.readModel<T>(name);
  const total = await model.count(filter as never);
  if (total > limit) {
    throw Object.assign(
      new Error(`The query covers ${total} documents, more than ${limit}; narrow the filter`),
      { code: 'QUERY_TOO_LARGE' },
    );
  }
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await model.find({
      filter: filter as never,
      limit: 1_000,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items.map((i) => i.data));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
