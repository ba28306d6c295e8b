import type { mongo } from 'mongoose';
import {
  claimDocument,
  claimId,
  commitId,
  fenceDocument,
  fenceId,
  generationOfClaim,
  type ClaimDocument,
  type CommitDocument,
  type EventStoreDocument,
} from './mongo-event-store.documents';
import { isDuplicateKeyError } from './mongo-errors';

export interface ClaimContext {
  collection: mongo.Collection<EventStoreDocument>;
  now(): number;
  /** How old a claim without a commit must be before another append may take it over. */
  claimTimeoutMs: number;
  /** Pause between two looks at a claim whose holder is still at work. */
  claimPollMs: number;
}

/** What became of an eventId another append had claimed. */
export type ClaimOutcome =
  /** The holder's commit is stored: the eventId is taken for good. */
  | { kind: 'duplicate' }
  /** The holder is dead (fenced); the claim is ours now, under this _id. */
  | { kind: 'acquired'; claimId: string; position: number };

/**
 * Settles a collision on an eventId claim (`e<eventId>#<k>`): follows the
 * claim's generations to the last one, then decides by the state of its holder:
 *  - its commit is stored (found where its hint points, or proven by a fence
 *    insert that collides with it on `token`) → duplicate;
 *  - it is fenced (failed, or timed out and fenced here) → take the claim over
 *    by inserting the next generation; the unique _id lets one taker win;
 *  - otherwise it is still at work → look again after claimPollMs, until it
 *    commits, fails, or its claim is older than claimTimeoutMs.
 */
export async function resolveClaimCollision(
  context: ClaimContext,
  eventId: string,
  token: string,
): Promise<ClaimOutcome> {
  for (;;) {
    const claim = await lastClaim(context, eventId);
    if (!claim) {
      // Claims are never deleted, so a collision means one exists; only a
      // generation race could show none: take generation 0 again.
      const mine = await tryClaim(context, eventId, 0, token);
      if (mine) return mine;
      continue;
    }
    if (claim.holder === token)
      return { kind: 'acquired', claimId: claim._id, position: claim.position };
    const state = await holderState(context, claim);
    if (state === 'committed') return { kind: 'duplicate' };
    if (state === 'dead') {
      const mine = await tryClaim(context, eventId, generationOfClaim(claim) + 1, token);
      if (mine) return mine;
      continue; // another taker won this generation: judge its claim next
    }
    await pause(context.claimPollMs);
  }
}

/** Declares `token` dead: its claims may be taken over at once and its commit can no longer be inserted. */
export async function fenceToken(context: ClaimContext, token: string): Promise<void> {
  try {
    await context.collection.insertOne(fenceDocument(token, context.now()));
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // Already fenced, or (on a lost reply) its commit is stored; either way nothing to release.
  }
}

async function lastClaim(
  context: ClaimContext,
  eventId: string,
): Promise<ClaimDocument | undefined> {
  let last: ClaimDocument | undefined;
  for (let generation = 0; ; generation++) {
    // Point lookups by _id: the only query FerretDB v1 answers from an index.
    const claim = (await context.collection.findOne({
      _id: claimId(eventId, generation),
    })) as ClaimDocument | null;
    if (!claim) return last;
    last = claim;
  }
}

async function tryClaim(
  context: ClaimContext,
  eventId: string,
  generation: number,
  token: string,
): Promise<ClaimOutcome | undefined> {
  // Position 0: not known yet; the writer corrects the hint once its commit is stored.
  const claim = claimDocument(eventId, generation, token, 0, context.now());
  try {
    await context.collection.insertOne(claim);
    return { kind: 'acquired', claimId: claim._id, position: 0 };
  } catch (error) {
    if (isDuplicateKeyError(error)) return undefined;
    throw error;
  }
}

async function holderState(
  context: ClaimContext,
  claim: ClaimDocument,
): Promise<'committed' | 'dead' | 'pending'> {
  const { collection } = context;
  if (claim.position > 0) {
    const commit = (await collection.findOne(
      { _id: commitId(claim.position) },
      { projection: { token: 1 } },
    )) as Pick<CommitDocument, 'token'> | null;
    if (commit?.token === claim.holder) return 'committed';
  }
  if (await collection.findOne({ _id: fenceId(claim.holder) }, { projection: { _id: 1 } }))
    return 'dead';
  if (context.now() - claim.claimedAt < context.claimTimeoutMs) return 'pending';
  // Old enough: fence the holder. The fence and the holder's commit share the
  // unique `token`, so exactly one of them exists: inserting the fence either
  // kills the holder for good, or collides with its stored commit.
  try {
    await collection.insertOne(fenceDocument(claim.holder, context.now()));
    return 'dead';
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const fenced = await collection.findOne(
    { _id: fenceId(claim.holder) },
    { projection: { _id: 1 } },
  );
  return fenced ? 'dead' : 'committed';
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
