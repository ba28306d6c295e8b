import { uuidFromKey, type Decider, type DomainEvent } from '@sfp/event-sourcing';
import type { ContextCommands } from '@sfp/service-kit';
import type { CommandContext, CommandResult } from './knowledge-base-command';

/**
 * Runs one command on one stream through the context's command pipeline
 * (`commands.run`: load, decide, append with the expected version, count the
 * outcome, wake the projections). A conflict with a version the caller pinned
 * (If-Match) is theirs to resolve (409); without one, the command is decided
 * again on the newer state. `command` is rebuilt on each attempt, so what it
 * read from other streams is fresh. An idempotency key is scoped to the
 * stream, as one message may act on several.
 */
export async function runCommand<
  State,
  Command extends { type: string },
  Event extends DomainEvent,
>(
  commands: ContextCommands,
  target: { id: string; streamId: string },
  decider: Decider<State, Command, Event>,
  command: () => Promise<Command> | Command,
  context: CommandContext,
  occurredAt: string,
): Promise<CommandResult> {
  const { idempotencyKey, ...rest } = context;
  const outcome = await commands.run({
    streamId: target.streamId,
    decider,
    command,
    context: idempotencyKey
      ? { ...rest, idempotencyKey: `${idempotencyKey}:${target.streamId}` }
      : rest,
    occurredAt,
  });
  return { id: target.id, ...outcome };
}

/** A UUID (version 4 layout) derived from a key: the same message always names the same record. */
export function uuidFrom(key: string): string {
  return uuidFromKey(key, 4);
}
