import { randomUUID } from 'node:crypto';
import type { PreparedEvent } from '../common/prepare-append';
import { DuplicateEventError, WrongExpectedVersionError } from '../event-store.errors';
import type { AppendResult, ExpectedVersion } from '../event-store.port';
import { duplicateIndexOf, storedPastCollision } from './mongo-errors';
import { fenceToken, resolveClaimCollision, type ClaimContext } from './mongo-event-id-claims';
import {
  claimDocument,
  commitDocument,
  commitId,
  eventIdOfClaim,
  fenceId,
  isClaim,
  type CommitDocument,
  type EventStoreDocument,
} from './mongo-event-store.documents';
import type { StreamVersionCache } from './stream-version.cache';

export interface CommitWriterContext extends ClaimContext {
  /** At most this many appends go into one insertMany (default 256). */
  maxBatchAppends: number;
  /** Called after appends were stored (wakes this process's subscriptions). */
  onAppended(): void;
  /**
   * Called with each commit this writer stored, as stored, before its append
   * resolves (the appended feed). Not called for a commit found stored by an
   * earlier try whose reply was lost: its recordedAt is that try's.
   */
  onCommitted?(commit: CommitDocument): void;
  /** Called with the last position of each commit this writer stored. */
  onCommitEnd(position: number): void;
  /** Test hook: runs before each insertMany, e.g. to hold a writer back. */
  beforeInsert?: (documents: readonly EventStoreDocument[]) => Promise<void>;
}

interface PendingAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: readonly PreparedEvent[];
  /** Identifies this attempt's claims and commit; replaced if another process fences it. */
  token: string;
  /** eventId → the claim this append holds under `token`, and the position its hint names. */
  claims: Map<string, { id: string; position: number }>;
  /** Read the stream's version before planning (after an 'any' append collided). */
  mustReadVersion: boolean;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

interface Plan {
  append: PendingAppend;
  firstVersion: number;
  firstPosition: number;
  /** Index in the insertMany of this append's first document (its first claim, or its commit). */
  firstIndex: number;
  /** Index in the insertMany of its commit document. */
  commitIndex: number;
  commit: CommitDocument;
}

/**
 * Writes appends for one MongoEventStore, one insertMany at a time (see the
 * protocol in mongo-event-store.ts). Appends queued while a write is in flight
 * form the next batch: [claims of A, commit of A, claims of B, commit of B, ...],
 * positions given in that order from the known head. The insert is ordered, so
 * it stops at the first collision: everything before it is stored, nothing
 * after it, and the global order never gets a hole.
 */
export class MongoCommitWriter {
  private queue: PendingAppend[] = [];
  private running: Promise<void> | undefined;
  private readonly sideTasks = new Set<Promise<void>>();
  /** The end of a stored commit (0: none): the next commit is tried at head + 1. Undefined: ask the server. */
  private head: number | undefined;

  constructor(
    private readonly context: CommitWriterContext,
    private readonly versions: StreamVersionCache,
  ) {}

  append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly PreparedEvent[],
  ): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.enqueue({
        streamId,
        expected,
        events,
        token: randomUUID(),
        claims: new Map(),
        mustReadVersion: false,
        resolve,
        reject,
      });
    });
  }

  /** A commit end seen by a reader: a valid (maybe better) place to try the next commit. */
  observeCommitEnd(position: number): void {
    if (this.head === undefined || position > this.head) this.head = position;
  }

  /**
   * The last position of the last commit, by _id lookups from the best known
   * commit end (a range query only when none is known yet).
   */
  async currentHead(): Promise<number> {
    const head = await this.findHead(this.head ?? (await this.maxCommitEnd()));
    this.observeCommitEnd(head);
    return head;
  }

  /** Resolves when nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.running || this.sideTasks.size > 0) {
      await Promise.all([this.running, ...this.sideTasks]);
    }
  }

  private enqueue(append: PendingAppend, front = false): void {
    if (front) this.queue.unshift(append);
    else this.queue.push(append);
    this.kick();
  }

  private kick(): void {
    if (this.running) return;
    // Wait for the end of this turn of the event loop before planning: appends
    // issued together (a wave of commands, a consumer's batch) then share the
    // first insertMany instead of the first of them going alone.
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run())
      .finally(() => {
        this.running = undefined;
        if (this.queue.length > 0) this.kick();
      });
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.context.maxBatchAppends);
      let again: PendingAppend[];
      try {
        again = await this.writeBatch(batch);
      } catch (error) {
        // The server failed in a way that says nothing about what was stored
        // (network, timeout): those appends have an unknown outcome. Claims they
        // may have left are released by the claim timeout.
        this.head = undefined;
        for (const append of batch) append.reject(error);
        again = [];
      }
      this.queue.unshift(...again);
    }
  }

  /** Writes one batch; settles its appends or returns those to try again first. */
  private async writeBatch(batch: PendingAppend[]): Promise<PendingAppend[]> {
    if (this.head === undefined) this.head = await this.findHead(await this.maxCommitEnd());
    const again: PendingAppend[] = [];
    const plans: Plan[] = [];
    const documents: EventStoreDocument[] = [];
    const plannedVersions = new Map<string, number>();
    const now = this.context.now();
    const recordedAt = new Date(now).toISOString();
    let position = this.head + 1;

    for (const append of batch) {
      let firstVersion: number;
      const inBatch = plannedVersions.get(append.streamId);
      if (inBatch !== undefined) {
        // Valid only if the earlier append of this batch succeeds; the ordered
        // insert stops before this one otherwise.
        if (append.expected !== 'any' && append.expected !== inBatch) {
          again.push(append);
          continue;
        }
        firstVersion = inBatch + 1;
      } else {
        try {
          firstVersion = await this.planVersion(append);
        } catch (error) {
          await this.refuse(append, error);
          continue;
        }
      }
      plannedVersions.set(append.streamId, firstVersion + append.events.length - 1);
      const firstIndex = documents.length;
      for (const { event } of append.events) {
        if (append.claims.has(event.eventId)) continue;
        documents.push(claimDocument(event.eventId, 0, append.token, position, now));
      }
      const commit = commitDocument(
        append.streamId,
        firstVersion,
        position,
        append.token,
        recordedAt,
        append.events,
      );
      plans.push({
        append,
        firstVersion,
        firstPosition: position,
        firstIndex,
        commitIndex: documents.length,
        commit,
      });
      documents.push(commit);
      position += append.events.length;
    }
    if (plans.length === 0) return again;

    await this.context.beforeInsert?.(documents);
    let stored = documents.length;
    try {
      await this.context.collection.insertMany(documents, { ordered: true });
    } catch (error) {
      const index = duplicateIndexOf(error);
      if (index === undefined) throw error;
      const past = storedPastCollision(error, index);
      if (past > 0) {
        // The global order rests on an ordered insert stopping at its first collision.
        throw new Error(
          `The MongoDB server stored ${past} documents after the collision at index ${index} of an ` +
            'ordered insert: the event store needs a server that stops there, as MongoDB does ' +
            '(FerretDB v1 needs infra/local/ferretdb/fast-paths.patch); positions after it cannot be trusted',
        );
      }
      stored = index;
    }

    let appended = false;
    for (const plan of plans) {
      const { append } = plan;
      if (plan.commitIndex < stored) {
        await this.succeed(plan, true);
        appended = true;
      } else if (plan.firstIndex <= stored) {
        // The collision is in this append's documents: its claims before it are held.
        for (const claim of documents.slice(plan.firstIndex, stored)) {
          if (isClaim(claim))
            append.claims.set(eventIdOfClaim(claim), { id: claim._id, position: claim.position });
        }
        const collided = documents[stored] as EventStoreDocument;
        if (isClaim(collided)) {
          this.settleClaimCollision(append, eventIdOfClaim(collided));
        } else {
          const outcome = await this.settleCommitCollision(plan);
          if (outcome === 'stored') appended = true;
          if (outcome === 'again') again.push(append);
        }
      } else {
        again.push(append); // after the collision: not tried, planned again at the new head
      }
    }
    if (appended) this.context.onAppended();
    // The appends to try again go first, in their original order.
    return again.sort((a, b) => batch.indexOf(a) - batch.indexOf(b));
  }

  private async planVersion(append: PendingAppend): Promise<number> {
    const { streamId, expected } = append;
    const known = append.mustReadVersion
      ? await this.readVersion(streamId)
      : this.versions.get(streamId);
    append.mustReadVersion = false;
    // `known` is always the end of a stored commit of the stream (or 0), and the
    // next commit of the stream can only start right after it: inserting at
    // known + 1 collides exactly when someone appended since.
    if (expected === 'any') return (known ?? 0) + 1;
    const wanted = expected === 'no-stream' ? 0 : expected;
    if (known === wanted || (known === undefined && wanted === 0)) return wanted + 1;
    // Unknown, or the cache disagrees: it may lag behind other processes, so ask.
    // (If it is ahead of the expectation the conflict is certain, but the error
    // should name the stream's real version.)
    const actual = await this.readVersion(streamId);
    if (actual === wanted) return wanted + 1;
    throw new WrongExpectedVersionError(streamId, expected, actual);
  }

  private async succeed(plan: Plan, storedByThisTry: boolean): Promise<void> {
    const { append, firstVersion, firstPosition } = plan;
    const count = append.events.length;
    if (storedByThisTry) this.context.onCommitted?.(plan.commit);
    this.observeCommitEnd(firstPosition + count - 1);
    this.context.onCommitEnd(firstPosition + count - 1);
    this.versions.observe(append.streamId, firstVersion + count - 1);
    // Claims made before a retry name an old position: point them at the commit,
    // so that a colliding append finds it at once instead of waiting for the
    // timeout. Only a hint: the append is stored whether or not this works.
    await Promise.all(
      [...append.claims.values()]
        .filter((claim) => claim.position !== firstPosition)
        .map((claim) =>
          this.context.collection.updateOne(
            { _id: claim.id },
            { $set: { position: firstPosition } },
          ),
        ),
    ).catch(() => undefined);
    append.resolve({
      streamId: append.streamId,
      nextExpectedVersion: firstVersion + count - 1,
      positions: Array.from({ length: count }, (_, i) => firstPosition + i),
    });
  }

  /** Finds out why an append's commit collided, and what to do with it. */
  private async settleCommitCollision(plan: Plan): Promise<'stored' | 'again' | 'refused'> {
    const { append } = plan;
    const { collection } = this.context;
    const atPosition = (await collection.findOne(
      { _id: commitId(plan.firstPosition) },
      { projection: { kind: 1, token: 1, lastPosition: 1 } },
    )) as Pick<CommitDocument, 'kind' | 'token' | 'lastPosition'> | null;
    if (atPosition && atPosition.token === append.token) {
      await this.succeed(plan, false); // our own commit, stored by an earlier try whose reply was lost
      return 'stored';
    }
    if (atPosition) {
      // Another process took this position: move the head past what it wrote.
      this.head = await this.findHead(atPosition.lastPosition);
      return 'again';
    }
    if (await collection.findOne({ _id: fenceId(append.token) }, { projection: { _id: 1 } })) {
      // Another process judged this append dead (claim timeout) and fenced it:
      // start again under a new token; its claims are the other process's now.
      append.token = randomUUID();
      append.claims.clear();
      return 'again';
    }
    // Our token's commit at another position: an earlier try of this append was
    // stored without this writer seeing it. The token is unique, so the append is
    // stored, there; planning it again would collide on the token for ever (a
    // reporting consumer stalled on it, and could not even be stopped).
    const ours = (await collection.findOne({
      token: append.token,
      kind: 'commit',
    })) as CommitDocument | null;
    if (ours) {
      await this.succeed(
        {
          ...plan,
          firstVersion: ours.streamVersion,
          firstPosition: ours.firstPosition,
          commit: ours,
        },
        true,
      );
      return 'stored';
    }
    // Neither the position nor the token: the stream already has this version.
    if (append.expected === 'any') {
      append.mustReadVersion = true;
      return 'again';
    }
    await this.refuse(
      append,
      new WrongExpectedVersionError(
        append.streamId,
        append.expected,
        await this.readVersion(append.streamId),
      ),
    );
    return 'refused';
  }

  /** Another append holds (or held) a claim on this eventId: settle it aside, without holding up the queue. */
  private settleClaimCollision(append: PendingAppend, eventId: string): void {
    const task = (async () => {
      try {
        const outcome = await resolveClaimCollision(this.context, eventId, append.token);
        if (outcome.kind === 'duplicate') {
          await this.refuse(append, new DuplicateEventError(eventId));
        } else {
          append.claims.set(eventId, { id: outcome.claimId, position: outcome.position });
          this.enqueue(append, true);
        }
      } catch (error) {
        append.reject(error);
      }
    })();
    this.sideTasks.add(task);
    void task.finally(() => this.sideTasks.delete(task));
  }

  /** Refuses an append, releasing the claims it holds first. */
  private async refuse(append: PendingAppend, error: unknown): Promise<void> {
    try {
      if (append.claims.size > 0) await fenceToken(this.context, append.token);
    } finally {
      append.reject(error);
    }
  }

  private async readVersion(streamId: string): Promise<number> {
    const last = await this.context.collection.findOne(
      { streamId },
      { sort: { streamVersion: -1 }, projection: { lastVersion: 1 } },
    );
    const version = (last as Pick<CommitDocument, 'lastVersion'> | null)?.lastVersion ?? 0;
    this.versions.observe(streamId, version);
    return version;
  }

  /** The end of the last commit: by the index on MongoDB (a scan on FerretDB v1, done rarely). */
  private async maxCommitEnd(): Promise<number> {
    const last = await this.context.collection.findOne(
      { lastPosition: { $gt: 0 } },
      { sort: { lastPosition: -1 }, projection: { lastPosition: 1 } },
    );
    return (last as Pick<CommitDocument, 'lastPosition'> | null)?.lastPosition ?? 0;
  }

  /** Follows commits from a known commit end, by _id lookups, to the current end. */
  private async findHead(from: number): Promise<number> {
    let head = from;
    for (let steps = 0; ; steps++) {
      const next = await this.context.collection.findOne(
        { _id: commitId(head + 1) },
        { projection: { lastPosition: 1 } },
      );
      if (!next) return head;
      head = (next as Pick<CommitDocument, 'lastPosition'>).lastPosition;
      if (steps === 8) head = Math.max(head, await this.maxCommitEnd()); // far behind: jump
    }
  }
}
