import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@sfp/event-sourcing';
import { EVENT_STORE, LinkedProposalsSubscription } from '@sfp/service-kit';
import { TRAINING_CONTEXT } from '../../training.context';
import { ProposalLinkNoted } from '../domain/proposal-link.events';

/**
 * The proposals quality monitoring linked to courses and programmes, from its
 * public events (consumer group sfp-training.quality-monitoring-linkages):
 * each noted as a training.ProposalLinkNoted under an id derived from the source event's id.
 */
@Injectable()
export class QualityMonitoringLinkages extends LinkedProposalsSubscription {
  constructor(@Inject(EVENT_STORE) events: EventStore) {
    super(events, TRAINING_CONTEXT, ProposalLinkNoted);
  }
}
