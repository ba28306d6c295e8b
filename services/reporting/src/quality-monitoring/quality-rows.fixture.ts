import type { RecordedEvent } from '@sfp/event-sourcing';
import { foldById } from '../innovation-research/research-rows.fixture';
import type { Row } from '../registry/reporting-view';
import {
  evolveQualityDecisionFacts,
  evolveQualityLinkageFacts,
  evolveQualityPortfolioFacts,
  evolveQualityProposalFacts,
  linkageIdOf,
  reviewIdOf,
} from './domain/quality.facts';
import type { QualityReportData } from './domain/quality.report-section';
import {
  qualityDecisionsView,
  qualityLinkagesView,
  qualityPortfolioView,
  qualityProposalsView,
} from './quality-monitoring.reporting-plugin';

const proposalIdOf = (d: Record<string, unknown>) => String(d['proposalId']);

/** The quality-monitoring views' documents after `events` (each view reads its own event types). */
export function qualityReportData(events: readonly RecordedEvent[]): QualityReportData {
  return {
    proposals: foldById(
      events,
      evolveQualityProposalFacts,
      proposalIdOf,
      Object.keys(qualityProposalsView.projection.handlers),
    ),
    decisions: foldById(
      events,
      evolveQualityDecisionFacts,
      reviewIdOf,
      Object.keys(qualityDecisionsView.projection.handlers),
    ),
    portfolio: foldById(
      events,
      evolveQualityPortfolioFacts,
      proposalIdOf,
      Object.keys(qualityPortfolioView.projection.handlers),
    ),
    linkages: foldById(
      events,
      evolveQualityLinkageFacts,
      linkageIdOf,
      Object.keys(qualityLinkagesView.projection.handlers),
    ),
  };
}

/** The same documents by view name. */
export function qualityRows(events: readonly RecordedEvent[]): Record<string, Row[]> {
  const data = qualityReportData(events);
  return {
    [qualityProposalsView.name]: data.proposals as unknown as Row[],
    [qualityDecisionsView.name]: data.decisions as unknown as Row[],
    [qualityPortfolioView.name]: data.portfolio as unknown as Row[],
    [qualityLinkagesView.name]: data.linkages as unknown as Row[],
  };
}
