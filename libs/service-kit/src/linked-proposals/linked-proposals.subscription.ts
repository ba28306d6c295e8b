import {
  LINKED_PROPOSAL_SOURCE_EVENTS,
  linkageSourceEventOf,
  proposalLinkNotedOf,
  type ProposalLinkNotedData,
} from '@sfp/contracts';
import {
  DuplicateEventError,
  SYSTEM_ACTOR,
  type EventStore,
  type RecordedEvent,
  uuidFromKey,
} from '@sfp/event-sourcing';
import { DeadLetterError } from '@sfp/messaging';
import type { ContextSubscription } from '../service/service-definition';

/** The stream in which a tool's owner notes what it learns of one quality-monitoring proposal. */
export const qualityProposalStreamId = (proposalId: string): string =>
  `quality-proposal-${proposalId}`;

/**
 * The proposals quality monitoring linked to a context's tools (courses and
 * programmes, research projects, practice notes and impact assessments), from
 * its public events on sfp.quality-monitoring.events (consumer group
 * sfp-<context>.quality-monitoring-linkages), read as JSON (no code of
 * quality monitoring is imported): a LinkageAccepted or LinkageDismissed of
 * one of the context's tools, and every ProposalDecided (a link may be
 * accepted after the decision), each noted as the context's own
 * `<context>.ProposalLinkNoted` in the proposal's stream under the source
 * event's id: a redelivery or a replay is refused by the store as a duplicate
 * and changes nothing. Links to other contexts' tools are passed over; a
 * payload without the fields read goes to the context's dlq. Each context
 * declares its subscription as a subclass (its store injected, its names).
 */
export abstract class LinkedProposalsSubscription implements ContextSubscription {
  readonly source = 'quality-monitoring';
  readonly name = 'quality-monitoring-linkages';
  readonly eventTypes = LINKED_PROPOSAL_SOURCE_EVENTS;

  protected constructor(
    private readonly events: EventStore,
    /** The context that owns the tools, as quality monitoring names it (TOOL_CONTEXT). */
    private readonly context: string,
    /** Its `<context>.ProposalLinkNoted` event type. */
    private readonly notedType: { type: string; schemaVersion: number },
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const read = linkageSourceEventOf(event.type, event.data);
    if ('problems' in read)
      throw new DeadLetterError(
        'schema-invalid',
        `The payload of ${event.type} lacks what ${this.context} reads: ${read.problems.map((p) => `${p.field} ${p.messages[0]}`).join('; ')}`,
        read.problems,
      );
    const streamId = qualityProposalStreamId(read.event.proposalId);
    const before = (await this.events.readStream(streamId))
      .filter((e) => e.type === this.notedType.type)
      .map((e) => e.data as ProposalLinkNotedData);
    const noted = proposalLinkNotedOf(this.context, read.event, before, event);
    if (!noted) return;
    try {
      await this.events.append(streamId, 'any', [
        {
          // Derived, never the source's own id: ids are unique across the platform.
          eventId: uuidFromKey(`${this.notedType.type}<-${event.eventId}`),
          type: this.notedType.type,
          schemaVersion: this.notedType.schemaVersion,
          data: noted,
          metadata: {
            correlationId: event.correlationId,
            causationId: event.eventId,
            actor: SYSTEM_ACTOR,
            occurredAt: event.occurredAt,
          },
        },
      ]);
    } catch (error) {
      // Noted already: a redelivery, or the topic replayed from its start.
      if (!(error instanceof DuplicateEventError)) throw error;
    }
  }
}
