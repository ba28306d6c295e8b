import type { ProjectionDefinition } from '@sfp/projections';
import { ResearchLinkedProposalsController } from './linked-proposal/projections/linked-proposals.http.controller';
import { researchLinkedProposalsProjection } from './linked-proposal/projections/linked-proposals.projection';
import { PartnerInstitutionsQueryController } from './partner-institution/projections/partner-institutions.http.controller';
import { partnerInstitutionsProjection } from './partner-institution/projections/partner-institutions.projection';
import { researchCostBenefitProjection } from './research-project/projections/research-cost-benefit.projection';
import { researchFindingsProjection } from './research-project/projections/research-findings.projection';
import { researchMilestonesProjection } from './research-project/projections/research-milestones.projection';
import { ResearchProjectsQueryController } from './research-project/projections/research-projects.http.controller';
import { researchProjectsProjection } from './research-project/projections/research-projects.projection';
import { ResearchReportsQueryController } from './research-project/projections/research-reports.http.controller';

/**
 * The innovation-research context's views, each built from its events: the
 * projects (list and detail), the milestone calendar (which the slippage
 * check reads), the findings library (published findings only), the
 * cost-benefit analyses, the knowledge-base institutions research knows and
 * the quality-monitoring proposals linked to each project.
 */
export const RESEARCH_PROJECTIONS: ReadonlyArray<ProjectionDefinition<never>> = [
  researchProjectsProjection,
  researchMilestonesProjection,
  researchFindingsProjection,
  researchCostBenefitProjection,
  partnerInstitutionsProjection,
  researchLinkedProposalsProjection,
];

/** The routes that read them. */
export const RESEARCH_QUERY_CONTROLLERS = [
  ResearchProjectsQueryController,
  ResearchReportsQueryController,
  PartnerInstitutionsQueryController,
  ResearchLinkedProposalsController,
];
