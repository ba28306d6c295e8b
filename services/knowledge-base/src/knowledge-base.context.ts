import { EventTypeRegistry } from '@sfp/event-sourcing';
import { GNI_EVENT_CLASSES } from './gni/domain/gni-reference.events';
import { INSTITUTION_EVENT_CLASSES } from './institution/domain/institution.events';
import { PROPOSAL_LINK_EVENT_CLASSES } from './linked-proposal/domain/proposal-link.events';
import { LIBRARY_EVENT_CLASSES } from './library/domain/library.events';
import { PERFORMANCE_REPORT_EVENT_CLASSES } from './performance-report/domain/performance-report.events';
import { TARGET_EVENT_CLASSES } from './target/domain/target.events';

export const KNOWLEDGE_BASE_CONTEXT = 'knowledge-base';

/** The knowledge base's event types: what its store accepts and what it publishes on sfp.knowledge-base.events. */
export function knowledgeBaseEventTypes(): EventTypeRegistry {
  return new EventTypeRegistry().register(
    ...INSTITUTION_EVENT_CLASSES,
    ...PERFORMANCE_REPORT_EVENT_CLASSES,
    ...TARGET_EVENT_CLASSES,
    ...GNI_EVENT_CLASSES,
    ...LIBRARY_EVENT_CLASSES,
    ...PROPOSAL_LINK_EVENT_CLASSES,
  );
}

/** HTTP status of each refusal code of the knowledge base's domain. */
export const KNOWLEDGE_BASE_ERROR_STATUSES: Record<string, number> = {
  INSTITUTION_NOT_FOUND: 404,
  INSTITUTION_ALREADY_REGISTERED: 409,
  PERFORMANCE_REPORT_NOT_FOUND: 404,
  PERFORMANCE_REPORT_ALREADY_FILED: 409,
  TARGET_NOT_FOUND: 404,
  TARGET_ALREADY_SET: 409,
  LIBRARY_ENTRY_NOT_FOUND: 404,
  LIBRARY_ENTRY_ALREADY_RECORDED: 409,
  ILLEGAL_TRANSITION: 409,
  IDENTITY_VIOLATED: 400,
  RULE_VIOLATED: 400,
  OUT_OF_DEPARTMENT_SCOPE: 403,
};

/** Stream ids, typed by prefix. */
export const streamIds = {
  institution: (id: string) => `institution-${id}`,
  performanceReport: (id: string) => `performance-report-${id}`,
  target: (id: string) => `target-${id}`,
  gniReference: () => 'gni-reference-table',
  impactAssessment: (id: string) => `impact-assessment-${id}`,
  practiceNote: (id: string) => `practice-note-${id}`,
};
