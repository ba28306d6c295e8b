import { defineService } from '@sfp/service-kit';
import {
  INNOVATION_RESEARCH_CONTEXT,
  INNOVATION_RESEARCH_ERROR_STATUSES,
  innovationResearchEventTypes,
} from './innovation-research.context';
import { RESEARCH_PROJECTIONS, RESEARCH_QUERY_CONTROLLERS } from './innovation-research.read-side';
import { InnovationResearchSettings } from './innovation-research.settings';
import { QualityMonitoringLinkages } from './linked-proposal/application/quality-monitoring-linkages.subscription';
import { KnowledgeBaseInstitutions } from './partner-institution/application/knowledge-base-institutions.subscription';
import { SlippageCheck } from './research-project/application/check-slippage/slippage-check.worker';
import { RESEARCH_PROJECT_COMMAND_CONTROLLERS } from './research-project/application/research-project.command-controllers';
import { ResearchProjects } from './research-project/application/research-projects';

/**
 * Innovation and action research: research projects on the social dimension
 * of finance through their phases, with milestones, survey rounds, findings
 * per hypothesis, cost-benefit analyses and recommendations, published as a
 * public event the knowledge base turns into impact assessments and practice
 * notes. Partner institutions are the knowledge base's, known from its public
 * events (sfp.knowledge-base.events).
 */
export const innovationResearchService = defineService({
  context: INNOVATION_RESEARCH_CONTEXT,
  title: 'SFP Innovation Research',
  description:
    'The innovation-research service on its own: action research projects on the social dimension of finance, from proposal through diagnostic, design, baseline, pilot, follow-up, impact and cost-benefit analysis to published findings (null results included), ' +
    'with milestones flagged when they slip, a portfolio, a findings library and a cost-benefit summary. ' +
    'Partner institutions are those the knowledge base publishes on sfp.knowledge-base.events; published findings go out as innovation-research.FindingsPublished.',
  defaultPort: 3005,
  eventTypes: innovationResearchEventTypes,
  errorStatuses: INNOVATION_RESEARCH_ERROR_STATUSES,
  settings: InnovationResearchSettings,
  controllers: [...RESEARCH_PROJECT_COMMAND_CONTROLLERS, ...RESEARCH_QUERY_CONTROLLERS],
  providers: [ResearchProjects],
  projections: RESEARCH_PROJECTIONS,
  subscriptions: [KnowledgeBaseInstitutions, QualityMonitoringLinkages],
  workers: [SlippageCheck],
});
