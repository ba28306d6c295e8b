import type { EventStore } from '@sfp/event-sourcing';
import { handlerFor } from '@sfp/projections';
import { publicEventOf } from '../consumption/public-event';
import type { ReportingView, Row } from '../registry/reporting-view';
import { QueryTimeoutError } from '../query/query.errors';
import { MemoryView } from './memory-view';

const BATCH = 1_000;

interface CacheEntry {
  view: MemoryView;
  /** The last log position folded (events after it are read at the next use). */
  logPosition: number;
  /** Serialises work on the entry: two requests for one instant share the replay. */
  work: Promise<unknown>;
  usedAt: number;
}

export interface AsOfStats {
  entries: number;
  /** Log events read by replays since start (cold replays and catch-ups). */
  eventsRead: number;
}

/**
 * A view as it stood at an instant: its projection's handlers folded into an
 * in-memory view over reporting's log, keeping the events whose source
 * recorded them at or before the instant (`recordedAt` of the source store).
 *
 * Cost: a cold replay reads the whole log once (O(events logged), about a
 * second per 10,000 events on SQLite); its result is cached per (view,
 * instant) with the log position it has read. A later request for the same
 * pair reads only the events logged since, and folds those of them recorded
 * at or before the instant (an event that arrived late through consumer lag
 * is still counted), so it stays exact and costs O(new events). Least
 * recently used entries are dropped past `maxEntries`. A replay that runs
 * past the deadline keeps its progress: the same request again continues.
 */
export class AsOfReplayer {
  private readonly cache = new Map<string, CacheEntry>();
  private eventsRead = 0;

  constructor(
    private readonly log: EventStore,
    private readonly maxEntries: number,
  ) {}

  async documents<TDoc extends object>(
    view: ReportingView<TDoc>,
    asOf: string,
    deadline: number,
    timeoutMs: number,
  ): Promise<Row[]> {
    const key = `${view.name}\u0000${asOf}`;
    let entry = this.cache.get(key);
    if (!entry) {
      entry = {
        view: new MemoryView(),
        logPosition: 0,
        work: Promise.resolve(),
        usedAt: Date.now(),
      };
      this.cache.set(key, entry);
      this.evict();
    }
    entry.usedAt = Date.now();
    const current = entry;
    const run = current.work.then(() => this.catchUp(view, asOf, current, deadline, timeoutMs));
    current.work = run.catch(() => undefined);
    await run;
    return current.view.documents<Row>();
  }

  stats(): AsOfStats {
    return { entries: this.cache.size, eventsRead: this.eventsRead };
  }

  private async catchUp<TDoc extends object>(
    view: ReportingView<TDoc>,
    asOf: string,
    entry: CacheEntry,
    deadline: number,
    timeoutMs: number,
  ): Promise<void> {
    for (;;) {
      if (Date.now() > deadline) throw new QueryTimeoutError(view.name, timeoutMs);
      const events = await this.log.readAll({ afterPosition: entry.logPosition, limit: BATCH });
      this.eventsRead += events.length;
      for (const event of events) {
        const handler = handlerFor(view.projection, event.type);
        if (handler && publicEventOf(event).recordedAt <= asOf) {
          await handler(event, entry.view.writer(event.position));
        }
        entry.logPosition = event.position;
      }
      if (events.length < BATCH) return;
    }
  }

  private evict(): void {
    while (this.cache.size > this.maxEntries) {
      let oldest: [string, CacheEntry] | undefined;
      for (const item of this.cache)
        if (!oldest || item[1].usedAt < oldest[1].usedAt) oldest = item;
      if (!oldest) return;
      this.cache.delete(oldest[0]);
    }
  }
}
