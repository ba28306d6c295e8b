import type { ProjectionDefinition } from '@sfp/projections';
import { QualityMonitoringLinkages } from './application/quality-monitoring-linkages.subscription';
import { PROPOSAL_LINK_EVENT_CLASSES } from './domain/proposal-link.events';
import { TrainingLinkedProposalsController } from './projections/linked-proposals.http.controller';
import { trainingLinkedProposalsProjection } from './projections/linked-proposals.projection';

/**
 * Quality-monitoring proposals linked to courses and programmes, as parts for
 * the training context to mount: the event type noted, the subscription to
 * sfp.quality-monitoring.events, the view and its routes.
 */
export { PROPOSAL_LINK_EVENT_CLASSES };
export const LINKED_PROPOSAL_SUBSCRIPTIONS = [QualityMonitoringLinkages];
export const LINKED_PROPOSAL_CONTROLLERS = [TrainingLinkedProposalsController];
export const LINKED_PROPOSAL_PROJECTIONS: ReadonlyArray<ProjectionDefinition<never>> = [
  trainingLinkedProposalsProjection,
];
