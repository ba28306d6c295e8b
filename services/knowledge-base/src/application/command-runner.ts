import {
  countCommandOutcomes,
  executeCommand,
  foldEvents,
  uuidFromKey,
  type Decider,
  type DomainEvent,
} from '@sfp/event-sourcing';
import type { KnowledgeBaseRuntime } from '../knowledge-base.runtime';
import type { CommandContext, CommandResult } from './knowledge-base-command';

/**
 * Runs one command on one stream through the library's pipeline (executeCommand):
 * load, decide, append with the expected version. A conflict with a version the
 * caller pinned (If-Match) is theirs to resolve (409); without one, the command is
 * decided again on the newer state. `command` is rebuilt on each attempt, so what
 * it read from other streams is fresh. An idempotency key is scoped to the stream,
 * as one message may act on several.
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
  const { idempotencyKey, ...rest } = context;
  const outcome = await executeCommand({
    store: runtime.eventStore,
    eventTypes: runtime.eventTypes,
    streamId: target.streamId,
    decider,
    command,
    context: idempotencyKey
      ? { ...rest, idempotencyKey: `${idempotencyKey}:${target.streamId}` }
      : rest,
    occurredAt,
    onOutcome: countCommandOutcomes(runtime.metrics, 'knowledge-base'),
  });
  return { id: target.id, ...outcome };
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

/** A UUID (version 4 layout) derived from a key: the same message always names the same record. */
export function uuidFrom(key: string): string {
  return uuidFromKey(key, 4);
}
