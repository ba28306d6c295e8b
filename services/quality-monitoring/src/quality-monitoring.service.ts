import { defineService } from '@sfp/service-kit';
import { IATI_CONTROLLERS } from './iati';
import { InterventionTools } from './intervention-tool/application/intervention-tools';
import { KnowledgeBaseEvents } from './intervention-tool/application/knowledge-base-events.subscription';
import { PartnerDirectory } from './intervention-tool/application/partner-directory';
import { ResearchTools } from './intervention-tool/application/research-tools.subscription';
import { TrainingTools } from './intervention-tool/application/training-tools.subscription';
import { QualityMonitoringInboundCommands } from './proposal/application/inbound/quality-monitoring.inbound-commands';
import { PROPOSAL_COMMAND_CONTROLLERS } from './proposal/application/proposal.command-controllers';
import { Proposals } from './proposal/application/proposals';
import {
  QUALITY_MONITORING_CONTEXT,
  QUALITY_MONITORING_ERROR_STATUSES,
  qualityMonitoringEventTypes,
} from './quality-monitoring.context';
import { QUALITY_PROJECTIONS, QUALITY_QUERY_CONTROLLERS } from './quality-monitoring.read-side';
import { QualityMonitoringSettings } from './quality-monitoring.settings';
import { REVIEW_POLICY_APPLICATION_STATUSES } from './review-policy/application/review-policy-not-found.error';
import { ReviewPolicyController } from './review-policy/application/review-policy.http.controller';
import { ReviewPolicies } from './review-policy/application/review-policies';

/**
 * Quality monitoring: the review of project proposals with financial
 * components against a versioned, weighted checklist, with red flags that
 * block approval, partners' ratios frozen from the knowledge base's public
 * events, a second reviewer above a budget threshold, decisions and
 * resubmissions; and the linkages between a proposal and the unit's other
 * tools (courses and programmes, research projects, practice notes and impact
 * assessments), known from their owners' public events.
 */
export const qualityMonitoringService = defineService({
  context: QUALITY_MONITORING_CONTEXT,
  title: 'SFP Quality Monitoring',
  description:
    'The quality-monitoring service on its own: proposals with financial components submitted over HTTP, on sfp.quality-monitoring.commands or from an IATI 2.03 activity file, ' +
    'reviewed against a versioned checklist of weighted criteria with red flags that block approval, partners’ ratios frozen from the knowledge base’s events, a second reviewer above a budget threshold and reconciliation, ' +
    'decisions with reasons and conditions, resubmissions compared field by field, a service level in working days, and linkages to the unit’s other tools (training, research, the knowledge base) accepted as public events.',
  defaultPort: 3006,
  eventTypes: qualityMonitoringEventTypes,
  errorStatuses: { ...QUALITY_MONITORING_ERROR_STATUSES, ...REVIEW_POLICY_APPLICATION_STATUSES },
  settings: QualityMonitoringSettings,
  controllers: [
    ...PROPOSAL_COMMAND_CONTROLLERS,
    ReviewPolicyController,
    ...IATI_CONTROLLERS,
    ...QUALITY_QUERY_CONTROLLERS,
  ],
  providers: [Proposals, ReviewPolicies, PartnerDirectory, InterventionTools],
  projections: QUALITY_PROJECTIONS,
  inboundCommands: QualityMonitoringInboundCommands,
  subscriptions: [KnowledgeBaseEvents, TrainingTools, ResearchTools],
});
