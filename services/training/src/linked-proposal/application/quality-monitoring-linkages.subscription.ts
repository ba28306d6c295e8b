import { Inject, Injectable } from '@nestjs/common';
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
} from '@sfp/event-sourcing';
import { DeadLetterError } from '@sfp/messaging';
import { EVENT_STORE, type ContextSubscription } from '@sfp/service-kit';
import { TRAINING_CONTEXT } from '../../training.context';
import { ProposalLinkNoted, qualityProposalStreamId } from '../domain/proposal-link.events';

/**
 * The proposals linked to courses and programmes, from quality monitoring's
 * public events on sfp.quality-monitoring.events (consumer group
 * sfp-training.quality-monitoring-linkages): a LinkageAccepted or
 * LinkageDismissed of a training tool, and every ProposalDecided (a link may
 * be accepted after the decision), each noted in the proposal's stream here
 * under the source event's id: a redelivery or a replay is refused by the
 * store as a duplicate and changes nothing. Links to other contexts' tools
 * are passed over; a payload without the fields training reads goes to
 * sfp.training.dlq.
 */
@Injectable()
export class QualityMonitoringLinkages implements ContextSubscription {
  readonly source = 'quality-monitoring';
  readonly name = 'quality-monitoring-linkages';
  readonly eventTypes = LINKED_PROPOSAL_SOURCE_EVENTS;

  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async handle(event: RecordedEvent): Promise<void> {
    const read = linkageSourceEventOf(event.type, event.data);
    if ('problems' in read)
      throw new DeadLetterError(
        'schema-invalid',
        `The payload of ${event.type} lacks what training reads: ${read.problems.map((p) => `${p.field} ${p.messages[0]}`).join('; ')}`,
        read.problems,
      );
    const streamId = qualityProposalStreamId(read.event.proposalId);
    const before = (await this.events.readStream(streamId))
      .filter((e) => e.type === ProposalLinkNoted.type)
      .map((e) => e.data as ProposalLinkNotedData);
    const noted = proposalLinkNotedOf(TRAINING_CONTEXT, read.event, before, event);
    if (!noted) return;
    try {
      await this.events.append(streamId, 'any', [
        {
          eventId: event.eventId,
          type: ProposalLinkNoted.type,
          schemaVersion: ProposalLinkNoted.schemaVersion,
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
