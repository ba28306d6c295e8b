import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@sfp/event-sourcing';
import { EVENT_STORE, LinkedProposalsSubscription } from '@sfp/service-kit';
import { INNOVATION_RESEARCH_CONTEXT } from '../../innovation-research.context';
import { ProposalLinkNoted } from '../domain/proposal-link.events';

/**
 * The proposals quality monitoring linked to research projects, from its
 * public events (consumer group sfp-innovation-research.quality-monitoring-linkages):
 * each noted as an innovation-research.ProposalLinkNoted under an id derived from the source event's id.
 */
@Injectable()
export class QualityMonitoringLinkages extends LinkedProposalsSubscription {
  constructor(@Inject(EVENT_STORE) events: EventStore) {
    super(events, INNOVATION_RESEARCH_CONTEXT, ProposalLinkNoted);
  }
}
