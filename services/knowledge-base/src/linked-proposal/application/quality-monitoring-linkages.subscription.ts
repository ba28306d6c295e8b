import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@sfp/event-sourcing';
import { EVENT_STORE, LinkedProposalsSubscription } from '@sfp/service-kit';
import { KNOWLEDGE_BASE_CONTEXT } from '../../knowledge-base.context';
import { ProposalLinkNoted } from '../domain/proposal-link.events';

/**
 * The proposals quality monitoring linked to practice notes and impact
 * assessments, from its public events (consumer group
 * sfp-knowledge-base.quality-monitoring-linkages): each noted as a
 * knowledge-base.ProposalLinkNoted under an id derived from the source event's id.
 */
@Injectable()
export class QualityMonitoringLinkages extends LinkedProposalsSubscription {
  constructor(@Inject(EVENT_STORE) events: EventStore) {
    super(events, KNOWLEDGE_BASE_CONTEXT, ProposalLinkNoted);
  }
}
