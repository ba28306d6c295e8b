import {
  countCommandOutcomes,
  executeCommand,
  foldEvents,
  type CommandContext,
  type CommandOutcome,
  type Decider,
  type DeciderSnapshots,
  type DomainEvent,
  type EventStore,
  type EventTypeRegistry,
} from '@sfp/event-sourcing';
import { currentPastFact, OccurredAtRefusedError, outsidePastFact } from '../http/past-fact';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { Clock } from './context.tokens';

/** One command on one stream, as a use case hands it to the pipeline. */
export interface ContextCommand<
  State,
  Command extends { type: string },
  Event extends DomainEvent,
> {
  streamId: string;
  decider: Decider<State, Command, Event>;
  /** Builds the command; called again on each attempt, so what it reads is fresh. */
  command: () => Command | Promise<Command>;
  context: CommandContext;
  /** When the fact happens (ISO 8601, from the context's clock). */
  occurredAt: string;
  snapshots?: DeciderSnapshots<State>;
  /** Attempts when a conflict is not the caller's (default 3). */
  attempts?: number;
}

/**
 * A context's command pipeline (the COMMANDS token): executeCommand of
 * @sfp/event-sourcing — load the stream, decide, append with the expected
 * version, decide again on a conflict that is not the caller's — bound to the
 * context's store and event types, counting every outcome in the metrics and
 * waking the context's projections when something was appended. A use case
 * keeps only its decider, its command and its mapping.
 */
export class ContextCommands {
  private readonly count: ReturnType<typeof countCommandOutcomes>;

  constructor(
    private readonly options: {
      context: string;
      store: EventStore;
      eventTypes: EventTypeRegistry;
      metrics: ServiceMetrics;
      /** Called after an append (the projection engine's wake). */
      appended?: () => void;
      /** The host's own clock: a past fact may not be later than it. */
      clock?: Clock;
    },
  ) {
    this.count = countCommandOutcomes(options.metrics, options.context);
  }

  async run<State, Command extends { type: string }, Event extends DomainEvent>(
    request: ContextCommand<State, Command, Event>,
  ): Promise<CommandOutcome> {
    const pastFact = currentPastFact();
    if (pastFact) await this.checkPastFact(request.streamId, request.occurredAt);
    const outcome = await executeCommand({
      store: this.options.store,
      eventTypes: this.options.eventTypes,
      ...request,
      ...(pastFact ? { context: { ...request.context, imported: true as const } } : {}),
      onOutcome: this.count,
    });
    if (outcome.changed) outsidePastFact(() => this.options.appended?.());
    return outcome;
  }

  /**
   * A past fact (X-SFP-Occurred-At) is recorded in its stream's order: not later
   * than now, not earlier than the stream's last event of a person or a client.
   */
  private async checkPastFact(streamId: string, occurredAt: string): Promise<void> {
    const at = Date.parse(occurredAt);
    const now = (this.options.clock ?? (() => new Date()))();
    if (at > now.getTime()) {
      throw new OccurredAtRefusedError(
        `A past fact cannot happen in the future (${occurredAt} is after ${now.toISOString()})`,
        streamId,
      );
    }
    // The platform's own observations (an SLA check, a slippage check: the system actor)
    // are made at the real time while a history is imported: they do not fix its order.
    const last = (await this.options.store.readStream(streamId))
      .filter((event) => event.actor.kind !== 'system')
      .at(-1);
    if (last && at < Date.parse(last.occurredAt)) {
      throw new OccurredAtRefusedError(
        `A past fact cannot happen before the record's last event (${occurredAt} is before ${last.occurredAt})`,
        streamId,
      );
    }
  }

  /** Counts a command refused before the pipeline (e.g. another department's record). */
  refused(command: { type: string }): void {
    this.count({ command, outcome: 'rejected', events: [] });
  }

  /** A stream's state and version, folded from its events (to read another record while deciding). */
  async load<State, Event extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  ): Promise<{ state: State; version: number }> {
    const recorded = await this.options.store.readStream(streamId);
    const events = recorded.map((r) => ({ type: r.type, data: r.data }) as Event);
    return { state: foldEvents(decider, events), version: recorded.at(-1)?.streamVersion ?? 0 };
  }
}
