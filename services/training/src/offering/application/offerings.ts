import { Inject, Injectable } from '@nestjs/common';
import {
  DuplicateEventError,
  eventIdsFrom,
  type CommandContext,
  type EventStore,
} from '@sfp/event-sourcing';
import { CLOCK, COMMANDS, EVENT_STORE, type Clock, type ContextCommands } from '@sfp/service-kit';
import { offeringStreamId } from '../../training.context';
import type { OfferingCommand } from '../domain/offering.commands';
import { offeringDecider, type OfferingState } from '../domain/offering.decider';
import { EnrolmentNotFoundError } from '../domain/offering.errors';
import type { OfferingEvent } from '../domain/offering.events';

/** An offering command as a use case builds it: the time and the author are added here. */
export type OfferingCommandBody = OfferingCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'at' | 'by'>
    : never
  : never;

/** A command's body, or how to build it from the offering as it stands (read again on each attempt). */
export type OfferingCommandOf =
  | OfferingCommandBody
  | ((state: OfferingState) => OfferingCommandBody | Promise<OfferingCommandBody>);

/** What every offering command answers (HTTP body; Kafka outcome). */
export interface OfferingCommandResult {
  offeringId: string;
  /** The stream's version after the command: the offering's new ETag. */
  streamVersion: number;
  /** Global position of the command's last event (read your writes); the current head when nothing changed. */
  position: number;
  /** Whether the command recorded anything. */
  changed: boolean;
}

/** A command's result with the events it appended (to answer what was decided, e.g. a seat or the waitlist). */
export interface DecidedOfferingCommand {
  result: OfferingCommandResult;
  events: readonly OfferingEvent[];
}

/**
 * The training context's entry for offering commands, from HTTP or Kafka:
 * stamps the command with the clock and the actor, scopes a department's
 * integration client to the enrolments it made, then runs it through the
 * context's command pipeline (load, decide, append with the expected version,
 * decide again on a conflict that is not the caller's: two enrolments racing
 * for the last seat are decided one after the other).
 */
@Injectable()
export class Offerings {
  private readonly decider = offeringDecider();

  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    offeringId: string,
    body: OfferingCommandOf,
    context: CommandContext,
  ): Promise<OfferingCommandResult> {
    return (await this.decide(offeringId, body, context)).result;
  }

  /** The same, with the events the command appended (none when nothing changed). */
  async decide(
    offeringId: string,
    body: OfferingCommandOf,
    context: CommandContext,
  ): Promise<DecidedOfferingCommand> {
    const at = this.clock().toISOString();
    const streamId = offeringStreamId(offeringId);
    const stamp = (built: OfferingCommandBody) =>
      ({ ...built, at, by: context.actor.id }) as OfferingCommand;
    const build =
      typeof body === 'function'
        ? async () => stamp(await body((await this.commands.load(streamId, this.decider)).state))
        : () => stamp(body);
    await this.checkDepartment(streamId, typeof body === 'function' ? undefined : body, context);
    // The events of the last decision: on success, those the pipeline appended.
    let decided: OfferingEvent[] = [];
    const { streamVersion, position, changed } = await this.commands.run({
      streamId,
      decider: {
        ...this.decider,
        decide: (command, state) => (decided = this.decider.decide(command, state)),
      },
      command: build,
      context,
      occurredAt: at,
    });
    return {
      result: { offeringId, streamVersion, position, changed },
      events: changed ? decided : [],
    };
  }

  /**
   * The same, for an inbound message: a message delivered again after its
   * events were appended answers with the stream as it stands. Its event ids
   * derive from the message id, so the store refuses them a second time; and
   * when the decider refuses it first (the enrolment it made exists, it is
   * already withdrawn), its first event in the stream tells a repeat from a
   * refusal.
   */
  async runOnce(
    offeringId: string,
    body: OfferingCommandBody,
    context: CommandContext,
  ): Promise<OfferingCommandResult> {
    const streamId = offeringStreamId(offeringId);
    try {
      return await this.run(offeringId, body, context);
    } catch (error) {
      const repeated =
        error instanceof DuplicateEventError ||
        (context.idempotencyKey !== undefined &&
          (await this.holdsEventsOf(streamId, context.idempotencyKey)));
      if (!repeated) throw error;
      return {
        offeringId,
        streamVersion: await this.events.streamVersion(streamId),
        position: await this.events.headPosition(),
        changed: false,
      };
    }
  }

  /** Whether the stream holds the events of the command with this idempotency key (a message id). */
  private async holdsEventsOf(streamId: string, idempotencyKey: string): Promise<boolean> {
    const firstEventId = eventIdsFrom(idempotencyKey)(undefined as never, 0);
    return (await this.events.readStream(streamId)).some((event) => event.eventId === firstEventId);
  }

  /** The offering as it stands. */
  async load(offeringId: string): Promise<OfferingState> {
    return (await this.commands.load(offeringStreamId(offeringId), this.decider)).state;
  }

  /**
   * A department's integration client withdraws only the enrolments its
   * department made; another department's enrolment is, for it, one that does
   * not exist.
   */
  private async checkDepartment(
    streamId: string,
    body: OfferingCommandBody | undefined,
    { actor }: CommandContext,
  ): Promise<void> {
    if (actor.kind !== 'integration-client' || body?.type !== 'WithdrawEnrolment') return;
    const made = (await this.events.readStream(streamId)).find(
      (event) =>
        ENROLMENT_REQUESTS.includes(event.type) &&
        (event.data as { enrolmentId?: unknown }).enrolmentId === body.enrolmentId,
    );
    if (made && made.actor.department !== actor.department) {
      this.commands.refused(body);
      throw new EnrolmentNotFoundError(body.enrolmentId);
    }
  }
}

/** The events that make an enrolment, by whoever asked for it. */
const ENROLMENT_REQUESTS: readonly string[] = [
  'training.ParticipantEnrolled',
  'training.ParticipantWaitlisted',
  'training.EnrolmentAwaitingApproval',
];
