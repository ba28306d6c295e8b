import type { Connection, mongo } from 'mongoose';
import type { RecordedEvent } from '../../envelope/event-envelope';
import { EventStoreAdapter } from '../common/event-store-adapter';
import type { PreparedEvent } from '../common/prepare-append';
import { fromVersionOf, readAllBounds } from '../common/read-options';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
} from '../event-store.port';
import { MongoCommitWriter } from './mongo-commit-writer';
import {
  commitId,
  recordedEvents,
  type CommitDocument,
  type EventStoreDocument,
} from './mongo-event-store.documents';
import { closeQuietly, OpenReads, type OpenRead } from './mongo-open-reads';
import { isFerretDb } from './mongo-server';
import { StreamVersionCache } from './stream-version.cache';

export interface MongoEventStoreOptions {
  /** The collection holding commits, eventId claims and fences (default `event_store`). */
  collection?: string;
  /** Poll interval of subscriptions, for appends made by other processes (default 100 ms). */
  pollIntervalMs?: number;
  /**
   * How old an eventId claim without a commit must be before another append may
   * take it over (default 10 s). Only matters after a writer died between its
   * claims and its commit; must be well above a normal append's duration.
   */
  claimTimeoutMs?: number;
  /** Pause between two looks at a claim whose holder is still writing (default 20 ms). */
  claimPollMs?: number;
  /** At most this many appends in one insertMany (default 256). */
  maxBatchAppends?: number;
  /** The clock of `recordedAt` and of claims (default: the system clock). */
  now?: () => Date;
  /** Test hook: runs before each insertMany (e.g. to hold a writer between planning and writing). */
  beforeInsert?: (documents: readonly EventStoreDocument[]) => Promise<void>;
}

/**
 * The event store of the distributed mode, on MongoDB through mongoose, and on
 * FerretDB v1 (the test servers) with the same code.
 *
 * What the servers give us. FerretDB v1 has no transactions; its updates, even
 * `findOneAndUpdate` with `$inc`, read then write the document in two steps, so
 * concurrent increments lose updates (measured: 50 concurrent `$inc` → 20
 * distinct values); a unique index on an array field (`events.eventId`) is
 * accepted but NOT enforced; only `{_id: <string>}` queries use an index, every
 * other filter scans the collection. The one atomic decision both servers make
 * is an insert against unique indexes. Everything below rests on that alone.
 *
 * Documents (one collection, see mongo-event-store.documents.ts):
 *  - a COMMIT per append holds all its events (atomic without transactions),
 *    `_id` = `c` + its first global position (16 digits), with streamId,
 *    streamVersion (its first version), lastVersion, first/lastPosition, token;
 *    event data as JSON text (FerretDB v1 refuses keys with dots or a leading
 *    `$` and nested arrays);
 *  - a CLAIM per eventId, `_id` = `e<eventId>#<generation>`, naming the token
 *    of the append that holds it (only its `_id` is indexed);
 *  - a FENCE, `_id` = `f<token>`, declaring an append's token dead.
 * Unique indexes: `_id`, and sparse ones on (streamId, streamVersion) and on
 * token (commits fill both, fences the token, claims neither).
 *
 * Concurrency rule (expected version). A commit's unique key is (streamId,
 * first version). A writer inserts at version V+1 only when V is the end of a
 * stored commit of the stream (it read it, or it is 0 for a new stream). The
 * commits of a stream therefore tile its versions 1..n with no overlap: any
 * other writer who extended the stream from V wrote a commit starting at V+1,
 * so the insert collides. Of N concurrent writers expecting V, exactly one insert
 * succeeds; the others get WrongExpectedVersionError with the version read
 * afterwards. 'any' reads the version and retries on a collision.
 *
 * Global order (positions). No counter: a counter needs an atomic increment,
 * which FerretDB v1 does not have. Positions are claimed by the commit's `_id`
 * itself. A writer puts its commit at H+1, where H is the last position of a
 * stored commit (the writer's "head"). By induction the commits always tile
 * positions 1..M with no hole and no overlap: if H < M, a commit starting at
 * H+1 exists and the insert collides; the writer then follows the chain of
 * commits (`c<lastPosition+1>` lookups) to the end and tries again. So a commit
 * becomes visible only at M+1, after everything before it: a reader that has
 * read up to M (it found no `c<M+1>`) can never be passed by a commit appearing
 * later at a smaller position, with any number of processes writing. No gap
 * ever needs a timeout, and positions are dense (1, 2, 3, ...). The price: one
 * commit at a time per head, so each process writes its concurrent appends as
 * ONE ordered insertMany (group commit) — [claims A, commit A, claims B, commit
 * B, ...] with consecutive positions. An ordered insert stops at the first
 * collision: what precedes it is stored, nothing after it, so no hole appears;
 * the rest are planned again.
 *
 * Duplicate eventId (refused, DuplicateEventError, nothing stored). Claims go
 * BEFORE the commit in the same ordered insertMany: the commit is inserted only
 * if every claim was. Released claims: an append that fails after claiming
 * (conflict, duplicate) fences its own token; its claims are then free at once.
 * A claim whose holder died between its claims and its commit (possible on
 * MongoDB, where insertMany is not atomic; on FerretDB's SQLite backend an
 * insertMany without collision is one transaction) blocks that eventId until
 * `claimTimeoutMs`; then the next append with that eventId inserts the fence
 * itself. A fence and a commit with the same token cannot both exist (unique
 * token), so inserting the fence either kills the holder for good — if it
 * wakes up, its commit insert collides on the token and it starts again under a
 * new token — or collides with its stored commit, which proves the duplicate.
 * Takeover inserts the claim's next generation: the unique _id lets one taker win.
 *
 * Cost on FerretDB v1, where only inserts use an index (a `{_id}` lookup is
 * scanned by SQLite without decoding documents; any other query loads and
 * decodes the whole collection in Go, about ten times dearer): an append with
 * a known (or no) stream version is one insertMany; a caught-up subscription's
 * poll and headPosition are `_id` lookups from the last known commit end;
 * readStream, streamVersion, readAll from an unknown boundary, and the version
 * read after a conflict are full queries. A catch-up reading page after page
 * pays one full query, not one per page: the next page continues the range
 * read the last one left open (mongo-open-reads.ts). On MongoDB all of them
 * use the indexes above.
 */
export class MongoEventStore extends EventStoreAdapter implements EventStore {
  private readonly collection: mongo.Collection<EventStoreDocument>;
  private readonly versions = new StreamVersionCache();
  private readonly writer: MongoCommitWriter;
  /** Positions known to end a commit: readAll after one of them starts with an _id lookup. */
  private readonly commitEnds = new Set<number>();
  /** Range reads a readAll page stopped in, continued by the next page. */
  private readonly openReads: OpenReads;

  private constructor(connection: Connection, options: MongoEventStoreOptions) {
    super(options.pollIntervalMs);
    this.collection = connection.collection<EventStoreDocument>(
      options.collection ?? 'event_store',
    );
    const now = options.now ?? (() => new Date());
    this.openReads = new OpenReads(() => Date.now());
    this.writer = new MongoCommitWriter(
      {
        collection: this.collection,
        now: () => now().getTime(),
        claimTimeoutMs: options.claimTimeoutMs ?? 10_000,
        claimPollMs: options.claimPollMs ?? 20,
        maxBatchAppends: options.maxBatchAppends ?? 256,
        onAppended: () => this.notifyAppended(),
        onCommitted: (commit) => this.emitAppended(() => recordedEvents(commit)),
        onCommitEnd: (position) => this.rememberCommitEnd(position),
        ...(options.beforeInsert ? { beforeInsert: options.beforeInsert } : {}),
      },
      this.versions,
    );
  }

  /** Opens the store on `connection` (which stays the caller's), creating its indexes if needed. */
  static async open(
    connection: Connection,
    options: MongoEventStoreOptions = {},
  ): Promise<MongoEventStore> {
    const store = new MongoEventStore(connection, options);
    await ensureIndexes(connection, store.collection);
    return store;
  }

  protected appendPrepared(
    streamId: string,
    expected: ExpectedVersion,
    prepared: PreparedEvent[],
  ): Promise<AppendResult> {
    return this.writer.append(streamId, expected, prepared);
  }

  async readStream(streamId: string, fromVersion?: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = fromVersionOf(fromVersion);
    const commits = (await this.collection
      .find({ streamId, lastVersion: { $gte: from } })
      .sort({ streamVersion: 1 })
      .toArray()) as CommitDocument[];
    const last = commits[commits.length - 1];
    if (last) this.versions.observe(streamId, last.lastVersion);
    return commits.flatMap((commit) =>
      recordedEvents(commit).filter((event) => event.streamVersion >= from),
    );
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    const last = (await this.collection.findOne(
      { streamId },
      { sort: { streamVersion: -1 }, projection: { lastVersion: 1 } },
    )) as Pick<CommitDocument, 'lastVersion'> | null;
    const version = last?.lastVersion ?? 0;
    this.versions.observe(streamId, version);
    return version;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { afterPosition, limit } = readAllBounds(options);
    const events: RecordedEvent[] = [];
    let after = afterPosition;
    // The next page of a catch-up: continue the range read the last page left open.
    const resumed = this.openReads.take(after);
    if (resumed) {
      try {
        after = await this.readFrom(resumed, after, limit, events);
        if (events.length >= limit) return events;
        // The read is exhausted: commits stored since it opened come from a new query.
      } catch {
        // The server no longer has the cursor (timed out, reconnected): read afresh.
        events.length = 0;
        after = afterPosition;
      }
    }
    if (after === 0 || this.commitEnds.has(after)) {
      // The commits that follow are exactly those whose _ids are `c<after+1>`,
      // `c<after+2>`, ... up to the first missing one (commits tile the
      // positions; each is named by its first). So they are looked up by _id,
      // a window of candidates at a time: on FerretDB v1 a `{_id: {$in}}` uses
      // the _id index, while any other query decodes the whole collection (a
      // range read of 20,000 commits: about 400 ms). A caught-up follower's poll
      // costs one lookup of 64 ids; a catch-up, one per 500 positions.
      for (let windows = 0; windows < ID_WINDOWS; windows++) {
        const size = Math.min(windows === 0 ? FIRST_ID_WINDOW : ID_WINDOW, limit - events.length);
        const ids = Array.from({ length: size }, (_, i) => commitId(after + 1 + i));
        const found = (await this.collection
          .find({ _id: { $in: ids } })
          .toArray()) as unknown as CommitDocument[];
        found.sort((a, b) => a.firstPosition - b.firstPosition);
        const windowEnd = after + size;
        for (const next of found) {
          // A missing commit (one still being written) ends the read before it.
          if (next.firstPosition !== after + 1) return events;
          after = this.take(next, after, limit, events);
          if (events.length >= limit) return events;
        }
        // The next commit would have been in this window: there is none yet.
        if (after < windowEnd) return events;
      }
    }
    const cursor = this.collection
      .find({ lastPosition: { $gt: after } })
      .sort({ lastPosition: 1 })
      .batchSize(Math.min(limit, 500));
    await this.readFrom({ cursor, pending: undefined }, after, limit, events);
    return events;
  }

  /**
   * Takes commits from a range read until `limit` events: keeps the read open
   * for the next page if it stopped at the limit, closes it otherwise. Returns
   * the last position taken.
   */
  private async readFrom(
    read: OpenRead,
    after: number,
    limit: number,
    into: RecordedEvent[],
  ): Promise<number> {
    let kept = false;
    try {
      for (
        let commit = read.pending ?? (await read.cursor.next());
        commit;
        commit = await read.cursor.next()
      ) {
        const next = commit as CommitDocument;
        // Commits tile the positions with no hole (see above); should one ever
        // be missing, stop before it rather than pass over it.
        if (next.firstPosition > after + 1) break;
        after = this.take(next, after, limit, into);
        if (into.length >= limit) {
          const pending = after < next.lastPosition ? next : undefined;
          this.openReads.keep(after, { cursor: read.cursor, pending });
          kept = true;
          break;
        }
      }
    } finally {
      if (!kept) await closeQuietly(read.cursor);
    }
    return after;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.writer.currentHead();
  }

  /** Stops the subscriptions and waits for appends in flight; the connection stays open (it is the caller's). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.stopSubscriptions();
    await this.openReads.closeAll();
    await this.writer.idle();
  }

  /** Adds the commit's events after `after` (up to the limit); returns the last position taken. */
  private take(
    commit: CommitDocument,
    after: number,
    limit: number,
    into: RecordedEvent[],
  ): number {
    const events = recordedEvents(commit, after + 1).slice(0, limit - into.length);
    into.push(...events);
    const last = events[events.length - 1]?.position ?? after;
    if (last === commit.lastPosition) {
      this.rememberCommitEnd(last);
      this.writer.observeCommitEnd(last);
    }
    return last;
  }

  private rememberCommitEnd(position: number): void {
    this.commitEnds.add(position);
    if (this.commitEnds.size > 1_000) {
      const oldest = this.commitEnds.values().next().value;
      if (oldest !== undefined) this.commitEnds.delete(oldest);
    }
  }

  protected storeName(): string {
    return 'MongoDB event store';
  }
}

/** Candidate commit _ids in readAll's first lookup (a caught-up poll finds none of them). */
const FIRST_ID_WINDOW = 64;
/** Candidate commit _ids per lookup after that (FerretDB's patched `$in` pushdown takes up to 500). */
const ID_WINDOW = 500;
/** Windows readAll looks up by _id before it switches to a range query. */
const ID_WINDOWS = 4;

const INDEXES: mongo.IndexDescription[] = [
  // The concurrency rule: one commit per (stream, first version). Sparse: claims
  // and fences lack both fields and stay out of it (see the documents).
  {
    key: { streamId: 1, streamVersion: 1 },
    name: 'stream_version_unique_sparse',
    unique: true,
    sparse: true,
  },
  // A fence and a commit with the same token cannot both exist; claims have no token.
  { key: { token: 1 }, name: 'token_unique_sparse', unique: true, sparse: true },
];

/**
 * The indexes of the first layout, where claims and fences filled every key
 * with dummy values. On MongoDB they would make the small claims collide (on a
 * null key), so they are replaced by the sparse ones.
 */
const LEGACY_INDEXES = ['stream_version_unique', 'token_unique'];

/** Serves readAll and the head on MongoDB. FerretDB v1 never reads a secondary index: there it only costs writes. */
const READ_INDEX: mongo.IndexDescription = { key: { lastPosition: 1 }, name: 'last_position' };

/**
 * Creates the missing indexes, one per command: FerretDB v1.24 drops the
 * connection (a panic in the server) when one createIndexes command names
 * several indexes that all exist already.
 */
async function ensureIndexes(
  connection: Connection,
  collection: mongo.Collection<EventStoreDocument>,
): Promise<void> {
  const existing = new Set(
    (
      await collection
        .listIndexes()
        .toArray()
        .catch(() => [] as Array<{ name?: string }>)
    ).map((index) => index.name),
  );
  const wanted = (await isFerretDb(connection)) ? INDEXES : [...INDEXES, READ_INDEX];
  // First, since a server refuses a second index on the same keys. Until the
  // sparse ones exist, appends are not checked: upgrade a store while it is
  // idle. Another process opening the same store may have dropped them first.
  for (const legacy of LEGACY_INDEXES) {
    if (existing.has(legacy)) await collection.dropIndex(legacy).catch(() => undefined);
  }
  for (const index of wanted) {
    if (!existing.has(index.name)) await collection.createIndexes([index]);
  }
}
