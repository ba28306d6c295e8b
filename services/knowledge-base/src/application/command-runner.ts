import { createHash } from 'node:crypto';
import {
  foldEvents,
  handleCommand,
  WrongExpectedVersionError,
  type Decider,
  type DomainEvent,
} from '@sfp/event-sourcing';
import type { KnowledgeBaseRuntime } from '../knowledge-base.runtime';
import type { CommandContext, CommandResult } from './knowledge-base-command';

const RETRIES_ON_CONFLICT = 3;

/**
 * Runs one command on one stream: load, decide, append with the expected
 * version. A conflict with a version the caller pinned (If-Match) is theirs to
 * resolve (409); without one, the command is decided again on the newer state.
 * `command` is rebuilt on each attempt, so what it read from other streams is fresh.
 */
export async function runCommand<
  State,
  Command extends { type: string },
  Event extends DomainEvent,
>(
  runtime: KnowledgeBaseRuntime,
  target: { id: string; streamId: string },
  decider: Decider<State, Command, Event>,
  command: () => Promise<Command> | Command,
  context: CommandContext,
  occurredAt: string,
): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    const built = await command();
    try {
      const result = await handleCommand(runtime.eventStore, target.streamId, decider, built, {
        eventTypes: runtime.eventTypes,
        expectedVersion: context.expectedVersion,
        metadata: {
          correlationId: context.correlationId,
          ...(context.causationId ? { causationId: context.causationId } : {}),
          actor: context.actor,
          occurredAt,
        },
        ...(context.idempotencyKey
          ? { eventId: eventIdsFrom(`${context.idempotencyKey}:${target.streamId}`) }
          : {}),
      });
      runtime.metrics.commands.inc({
        context: 'knowledge-base',
        command: built.type,
        outcome: 'accepted',
      });
      if (result.positions.length)
        runtime.metrics.eventsAppended.inc({ context: 'knowledge-base' }, result.positions.length);
      const position = result.positions.at(-1) ?? (await runtime.eventStore.headPosition());
      return {
        id: target.id,
        streamId: target.streamId,
        streamVersion: result.nextExpectedVersion,
        position,
        changed: result.positions.length > 0,
      };
    } catch (error) {
      const retry =
        error instanceof WrongExpectedVersionError &&
        context.expectedVersion === undefined &&
        attempt < RETRIES_ON_CONFLICT;
      if (!retry) {
        const outcome = error instanceof Error && 'code' in error ? 'rejected' : 'failed';
        runtime.metrics.commands.inc({ context: 'knowledge-base', command: built.type, outcome });
        throw error;
      }
    }
  }
}

/** The state of a stream, folded from its events (for reading another record while deciding). */
export async function loadStream<State, Event extends DomainEvent>(
  runtime: KnowledgeBaseRuntime,
  streamId: string,
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
): Promise<{ state: State; version: number }> {
  const recorded = await runtime.eventStore.readStream(streamId);
  const events = recorded.map((r) => ({ type: r.type, data: r.data }) as Event);
  return { state: foldEvents(decider, events), version: recorded.at(-1)?.streamVersion ?? 0 };
}

/** Deterministic UUID-shaped ids from a message id, so a redelivered message's append is a duplicate. */
function eventIdsFrom(key: string) {
  return (_event: DomainEvent, index: number): string => {
    const hex = createHash('sha256').update(`${key}#${index}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

/** A UUID (version 4 layout) derived from a key: the same message always names the same record. */
export function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
