import { EventTypeRegistry } from '@sfp/event-sourcing';
import { PROPOSAL_LINK_EVENT_CLASSES } from './linked-proposal/domain/proposal-link.events';
import { PARTNER_INSTITUTION_EVENT_CLASSES } from './partner-institution/domain/partner-institution.events';
import { RESEARCH_ERROR_STATUSES } from './research-project/domain/research-project.errors';
import { RESEARCH_PROJECT_EVENT_CLASSES } from './research-project/domain/research-project.events';

export const INNOVATION_RESEARCH_CONTEXT = 'innovation-research';

/** The research context's event types: what its store accepts and what it publishes on sfp.innovation-research.events. */
export function innovationResearchEventTypes(): EventTypeRegistry {
  return new EventTypeRegistry().register(
    ...RESEARCH_PROJECT_EVENT_CLASSES,
    ...PARTNER_INSTITUTION_EVENT_CLASSES,
    ...PROPOSAL_LINK_EVENT_CLASSES,
  );
}

/** HTTP status of each refusal code of the research domain. */
export const INNOVATION_RESEARCH_ERROR_STATUSES: Record<string, number> = {
  ...RESEARCH_ERROR_STATUSES,
};

export const researchProjectStreamId = (projectId: string): string =>
  `research-project-${projectId}`;
export const partnerInstitutionStreamId = (institutionId: string): string =>
  `partner-institution-${institutionId}`;
