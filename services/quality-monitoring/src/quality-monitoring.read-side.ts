import type { ProjectionDefinition } from '@sfp/projections';
import { qualityPartnerRatiosProjection } from './intervention-tool/projections/quality-partner-ratios.projection';
import { QualityToolsQueryController } from './intervention-tool/projections/quality-tools.http.controller';
import { qualityToolsProjection } from './intervention-tool/projections/quality-tools.projection';
import { qualityDecisionsProjection } from './proposal/projections/quality-decisions.projection';
import { qualityLinkagesProjection } from './proposal/projections/quality-linkages.projection';
import { qualityPortfolioProjection } from './proposal/projections/quality-portfolio.projection';
import { QualityProposalsQueryController } from './proposal/projections/quality-proposals.http.controller';
import { qualityProposalsProjection } from './proposal/projections/quality-proposals.projection';
import { QualityReportsQueryController } from './proposal/projections/quality-reports.http.controller';

/**
 * The quality-monitoring context's views, each built from its events: the
 * proposals (review queue and detail, with the review policy's versions),
 * the decisions (turnaround, approval rates, deficiencies), the portfolio of
 * approved financial components, the accepted linkages (the linkage map),
 * the other contexts' tools and the partners' latest ratios.
 */
export const QUALITY_PROJECTIONS: ReadonlyArray<ProjectionDefinition<never>> = [
  qualityProposalsProjection,
  qualityDecisionsProjection,
  qualityPortfolioProjection,
  qualityLinkagesProjection,
  qualityToolsProjection,
  qualityPartnerRatiosProjection,
];

/** The routes that read them. */
export const QUALITY_QUERY_CONTROLLERS = [
  QualityProposalsQueryController,
  QualityToolsQueryController,
  QualityReportsQueryController,
];
