import type { Actor, EventMetadata } from '../../envelope/event-envelope';
import { WrongExpectedVersionError } from '../../store/event-store.errors';
import type { EventStore, ExpectedVersion } from '../../store/event-store.port';
import type { DomainEvent } from '../event-type/event-type.definition';
import type { EventTypeRegistry } from '../event-type/event-type.registry';
import type { Decider } from './decider';
import { eventIdsFrom } from './event-ids';
import { handleCommand, type HandleCommandOptions } from './handle-command';
import type { DeciderSnapshots } from './load-state';

/** Who sends a command and on what terms: what an HTTP request or an inbound message hands the pipeline. */
export interface CommandContext {
  correlationId: string;
  /** The id of the message or event that caused the command. */
  causationId?: string;
  actor: Actor;
  /**
   * The version the caller pinned (If-Match): a stream at another version, or a
   * write between load and append, is the caller's conflict, thrown at once (409).
   * Absent or `'any'`: the version loaded, and a conflict is decided again.
   */
  expectedVersion?: ExpectedVersion;
  /**
   * Derives the event ids from this key (eventIdsFrom), so a redelivered message
   * appends nothing twice. A key that several streams' commands share must name the stream.
   */
  idempotencyKey?: string;
  /** A past fact recorded later: the events carry `imported: true` beside their past `occurredAt`. */
  imported?: true;
}

export type CommandOutcomeKind = 'accepted' | 'rejected' | 'failed';

/** What `onOutcome` hears once per command: enough to count it. */
export interface CommandOutcomeReport<Command, Event extends DomainEvent = DomainEvent> {
  streamId: string;
  /** The command as last built. */
  command: Command;
  /** accepted: decided and appended (or nothing to append); rejected: refused; failed: anything else. */
  outcome: CommandOutcomeKind;
  /** The events appended: [] when nothing changed or the command did not go through. */
  events: readonly Event[];
  /** The error thrown to the caller (rejected, failed). */
  error?: unknown;
}

/** A command's result: what a service hands back (ETag, read-your-writes position). */
export interface CommandOutcome {
  streamId: string;
  /** The stream's version after the command: the new ETag. Unchanged when nothing was appended. */
  streamVersion: number;
  /** Global position of the last appended event; the store's head when nothing changed. */
  position: number;
  /** Whether the command appended anything (an idempotent repeat appends nothing). */
  changed: boolean;
}

export interface ExecuteCommandOptions<State, Command, Event extends DomainEvent> {
  store: EventStore;
  /** The registry of the decider's event types (schema versions, upcasters, personal data). */
  eventTypes: EventTypeRegistry;
  streamId: string;
  decider: Decider<State, Command, Event>;
  /**
   * Builds the command. Called again on each attempt, so what it reads elsewhere
   * (another stream, a read model) is fresh. What it throws goes to the caller as is,
   * with no outcome reported (there is no command to name).
   */
  command: () => Command | Promise<Command>;
  context: CommandContext;
  /** When the fact happens, as the caller's clock says (ISO 8601): the events' `occurredAt`. */
  occurredAt: string;
  /** Attempts when a conflict is not the caller's (no pinned version). Default 3. */
  attempts?: number;
  snapshots?: DeciderSnapshots<State>;
  /** Called once with the command's final outcome (metrics). Not called when `command()` throws. */
  onOutcome?: (report: CommandOutcomeReport<Command, Event>) => void;
  /**
   * Whether an error is a refusal (`rejected`) rather than a failure. Default: an
   * Error with a `code` (the platform's domain errors; the store's
   * WrongExpectedVersionError and DuplicateEventError).
   */
  isRejection?: (error: unknown) => boolean;
}

export const DEFAULT_COMMAND_ATTEMPTS = 3;

/**
 * The command pipeline of every service: build the command → load the stream →
 * decide → append with the loaded version as the expectation (handleCommand). A
 * conflict with a version the caller pinned is thrown at once; without one the
 * command is built and decided again on the newer state, up to `attempts` times.
 * Domain errors are rethrown unchanged. The final outcome goes to `onOutcome`.
 * No clock here: `occurredAt` comes from the caller.
 */
export async function executeCommand<State, Command, Event extends DomainEvent>(
  options: ExecuteCommandOptions<State, Command, Event>,
): Promise<CommandOutcome> {
  const { store, streamId, decider, context } = options;
  const attempts = options.attempts ?? DEFAULT_COMMAND_ATTEMPTS;
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  const pinned = context.expectedVersion !== undefined && context.expectedVersion !== 'any';
  const handleOptions: HandleCommandOptions<State> = {
    eventTypes: options.eventTypes,
    metadata: metadataOf(context, options.occurredAt),
    ...(context.expectedVersion !== undefined ? { expectedVersion: context.expectedVersion } : {}),
    ...(options.snapshots ? { snapshots: options.snapshots } : {}),
    ...(context.idempotencyKey ? { eventId: eventIdsFrom(context.idempotencyKey) } : {}),
  };
  const report = (outcome: Omit<CommandOutcomeReport<Command, Event>, 'streamId'>) =>
    options.onOutcome?.({ streamId, ...outcome });

  for (let attempt = 1; ; attempt++) {
    const command = await options.command();
    let result: { outcome: CommandOutcome; events: Event[] };
    try {
      const handled = await handleCommand(store, streamId, decider, command, handleOptions);
      result = {
        outcome: {
          streamId,
          streamVersion: handled.nextExpectedVersion,
          position: handled.positions.at(-1) ?? (await store.headPosition()),
          changed: handled.positions.length > 0,
        },
        events: handled.events,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && !pinned && attempt < attempts) continue;
      const rejected = (options.isRejection ?? hasErrorCode)(error);
      report({ command, outcome: rejected ? 'rejected' : 'failed', events: [], error });
      throw error;
    }
    report({ command, outcome: 'accepted', events: result.events });
    return result.outcome;
  }
}

/** The counters `countCommandOutcomes` counts on: structurally, prom-client counters (service-kit's ServiceMetrics). */
export interface CommandCounters {
  commands: { inc(labels: { context: string; command: string; outcome: string }): void };
  eventsAppended: { inc(labels: { context: string }, value: number): void };
}

/**
 * An `onOutcome` that counts commands by context, type and outcome, and the events
 * they appended.
 */
export function countCommandOutcomes(counters: CommandCounters, context: string) {
  return ({
    command,
    outcome,
    events,
  }: Pick<CommandOutcomeReport<{ type: string }>, 'command' | 'outcome' | 'events'>): void => {
    counters.commands.inc({ context, command: command.type, outcome });
    if (events.length) counters.eventsAppended.inc({ context }, events.length);
  };
}

function metadataOf(context: CommandContext, occurredAt: string): EventMetadata {
  return {
    correlationId: context.correlationId,
    ...(context.causationId ? { causationId: context.causationId } : {}),
    actor: context.actor,
    occurredAt,
    ...(context.imported ? { imported: true as const } : {}),
  };
}

function hasErrorCode(error: unknown): boolean {
  return error instanceof Error && 'code' in error;
}
