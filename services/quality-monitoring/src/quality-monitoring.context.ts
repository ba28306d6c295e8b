import { EventTypeRegistry } from '@sfp/event-sourcing';
import { INTERVENTION_TOOL_EVENT_CLASSES } from './intervention-tool/domain/intervention-tool.events';
import { PROPOSAL_ERROR_STATUSES } from './proposal/domain/proposal.errors';
import { PROPOSAL_EVENT_CLASSES } from './proposal/domain/proposal.events';
import { REVIEW_POLICY_EVENT_CLASSES } from './review-policy/domain/review-policy.events';

export const QUALITY_MONITORING_CONTEXT = 'quality-monitoring';

/** The context's event types: what its store accepts and what it publishes on sfp.quality-monitoring.events. */
export function qualityMonitoringEventTypes(): EventTypeRegistry {
  return new EventTypeRegistry().register(
    ...PROPOSAL_EVENT_CLASSES,
    ...REVIEW_POLICY_EVENT_CLASSES,
    ...INTERVENTION_TOOL_EVENT_CLASSES,
  );
}

/** HTTP status of each refusal code of the quality-monitoring domain. */
export const QUALITY_MONITORING_ERROR_STATUSES: Record<string, number> = {
  ...PROPOSAL_ERROR_STATUSES,
};

export const proposalStreamId = (proposalId: string): string => `proposal-${proposalId}`;
export const REVIEW_POLICY_STREAM = 'review-policy';
export const interventionToolStreamId = (toolRef: string): string => `intervention-tool-${toolRef}`;
export const partnerRatiosStreamId = (institutionId: string): string =>
  `partner-ratios-${institutionId}`;
export const partnerInstitutionStreamId = (institutionId: string): string =>
  `partner-institution-${institutionId}`;
