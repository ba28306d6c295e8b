import type { Actor, RecordedEvent } from '../../envelope/event-envelope';
import type { PreparedEvent } from '../common/prepare-append';

/**
 * The documents of the MongoDB event store. All live in ONE collection, so that
 * the claims of an append and its commit go to the server in one ordered
 * insertMany (one round trip; on FerretDB's SQLite backend one transaction
 * when nothing collides). Kinds are told apart by `kind` and by the prefix of
 * `_id` (a claim has no `kind`); the unique indexes (`_id`, and the sparse ones below) decide every
 * race (see mongo-event-store.ts for the protocol):
 *
 * | kind   | _id                     | (streamId, streamVersion)   | token            |
 * |--------|-------------------------|-----------------------------|------------------|
 * | commit | `c<16-digit position>`  | the stream, first version   | the append token |
 * | claim  | `e<eventId>#<k>`        | absent                      | absent           |
 * | fence  | `f<token>`              | absent                      | the fenced token |
 *
 * The secondary unique indexes are sparse: a document without their fields is
 * not in them (MongoDB honours `sparse`; FerretDB v1 ignores the option, but
 * its SQLite indexes hold a missing field as NULL, and NULLs never collide in
 * a SQLite unique index). So a claim is a small document that only its `_id`
 * decides, the cheapest insert there is on both servers: on FerretDB a claim
 * with dummy index values cost about twice as much (docs/performance.md).
 * Claims written before this change still carry `$`-prefixed dummy values;
 * they are unique, so both kinds live side by side.
 */

export interface StoredEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  /** An imported past fact (absent otherwise). */
  imported?: true;
  /** Actor as JSON text: its optional `department` must not come back as null. */
  actor: string;
  /**
   * The event's data as JSON text. Never a sub-document: FerretDB v1 refuses
   * keys with dots or a leading `$` and nested arrays, and BSON would lose the
   * distinction between integers and doubles, -0, key order of numeric keys...
   */
  data: string;
}

/** One append: all its events, atomically visible or not at all. */
export interface CommitDocument {
  _id: string;
  kind: 'commit';
  streamId: string;
  /** The stream version of the first event (the unique key with streamId). */
  streamVersion: number;
  lastVersion: number;
  firstPosition: number;
  lastPosition: number;
  /** The append's token: a fence with the same token makes this insert impossible. */
  token: string;
  recordedAt: string;
  events: StoredEvent[];
}

/**
 * Reserves one eventId for the append holding `holder`. Nothing but what the
 * protocol reads: no `kind` (the `e` of its `_id` tells it), no eventId (in
 * its `_id`), so that a claim costs the server as little as an insert can.
 * Claims written before carry `kind: 'claim'`, the eventId and dummy keys too.
 */
export interface ClaimDocument {
  _id: string;
  kind?: never;
  /** The token of the append that holds the claim. */
  holder: string;
  /** Where the holder meant to write its commit (a hint: it may have moved on a retry). */
  position: number;
  /** When the claim was made, by the holder's clock (ms since epoch). */
  claimedAt: number;
}

/** Declares a token dead: its commit can no longer be inserted, its claims may be taken over. */
export interface FenceDocument {
  _id: string;
  kind: 'fence';
  token: string;
  fencedAt: number;
}

export type EventStoreDocument = CommitDocument | ClaimDocument | FenceDocument;

const POSITION_DIGITS = 16;

export function commitId(firstPosition: number): string {
  return `c${String(firstPosition).padStart(POSITION_DIGITS, '0')}`;
}

export function claimId(eventId: string, generation: number): string {
  return `e${eventId}#${generation}`;
}

/** Whether a document of the store is an eventId claim (by its `_id`). */
export function isClaim(document: EventStoreDocument): document is ClaimDocument {
  return document._id.startsWith('e');
}

/** The eventId a claim reserves, from its `_id`. */
export function eventIdOfClaim(claim: Pick<ClaimDocument, '_id'>): string {
  return claim._id.slice(1, claim._id.lastIndexOf('#'));
}

/** The generation of a claim, from its `_id` (a claim taken over gets the next one). */
export function generationOfClaim(claim: Pick<ClaimDocument, '_id'>): number {
  return Number(claim._id.slice(claim._id.lastIndexOf('#') + 1));
}

export function fenceId(token: string): string {
  return `f${token}`;
}

export function claimDocument(
  eventId: string,
  generation: number,
  holder: string,
  position: number,
  claimedAt: number,
): ClaimDocument {
  return {
    _id: claimId(eventId, generation),
    holder,
    position,
    claimedAt,
  };
}

export function fenceDocument(token: string, fencedAt: number): FenceDocument {
  return { _id: fenceId(token), kind: 'fence', token, fencedAt };
}

export function commitDocument(
  streamId: string,
  firstVersion: number,
  firstPosition: number,
  token: string,
  recordedAt: string,
  events: readonly PreparedEvent[],
): CommitDocument {
  return {
    _id: commitId(firstPosition),
    kind: 'commit',
    streamId,
    streamVersion: firstVersion,
    lastVersion: firstVersion + events.length - 1,
    firstPosition,
    lastPosition: firstPosition + events.length - 1,
    token,
    recordedAt,
    events: events.map(({ event, dataJson }) => {
      const stored: StoredEvent = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        occurredAt: event.metadata.occurredAt,
        correlationId: event.metadata.correlationId,
        actor: JSON.stringify(event.metadata.actor),
        data: dataJson,
      };
      if (event.metadata.causationId !== undefined) stored.causationId = event.metadata.causationId;
      if (event.metadata.imported) stored.imported = true;
      return stored;
    }),
  };
}

/** The events of a commit as RecordedEvents, those from `fromPosition` on. */
export function recordedEvents(
  commit: CommitDocument,
  fromPosition = commit.firstPosition,
): RecordedEvent[] {
  const result: RecordedEvent[] = [];
  commit.events.forEach((stored, index) => {
    const position = commit.firstPosition + index;
    if (position < fromPosition) return;
    const event: RecordedEvent = {
      eventId: stored.eventId,
      type: stored.type,
      schemaVersion: stored.schemaVersion,
      streamId: commit.streamId,
      streamVersion: commit.streamVersion + index,
      position,
      occurredAt: stored.occurredAt,
      recordedAt: commit.recordedAt,
      correlationId: stored.correlationId,
      actor: JSON.parse(stored.actor) as Actor,
      data: JSON.parse(stored.data),
    };
    if (stored.causationId !== undefined) event.causationId = stored.causationId;
    if (stored.imported === true) event.imported = true;
    result.push(event);
  });
  return result;
}
