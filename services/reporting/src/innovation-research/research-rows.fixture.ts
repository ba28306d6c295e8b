import type { RecordedEvent } from '@sfp/event-sourcing';
import type { Row } from '../registry/reporting-view';
import {
  evolveResearchCostBenefitFacts,
  evolveResearchMilestoneFacts,
  evolveResearchProjectFacts,
  evolveResearchPublicationFacts,
  milestoneIdOf,
  projectIdOf,
  publicationIdOf,
  type ResearchEvent,
} from './domain/research.facts';
import { RESEARCH_EVENT_TYPES as R } from './domain/research.public-events';
import type { ResearchReportData } from './domain/research.report-section';
import {
  RESEARCH_COST_BENEFIT_VIEW,
  RESEARCH_MILESTONES_VIEW,
  RESEARCH_PORTFOLIO_VIEW,
  RESEARCH_PUBLICATIONS_VIEW,
} from './innovation-research.reporting-plugin';

/** Folds events into one document per `idOf(data)`, as a research view keeps them. */
export function foldById<T>(
  events: readonly RecordedEvent[],
  evolve: (current: T | undefined, event: ResearchEvent) => T | undefined,
  idOf: (data: Record<string, unknown>) => string,
  types: readonly string[],
): T[] {
  const byId = new Map<string, T>();
  for (const event of events.filter((e) => types.includes(e.type))) {
    const data = event.data as Record<string, unknown>;
    const next = evolve(byId.get(idOf(data)), { type: event.type, data });
    if (next) byId.set(idOf(data), next);
  }
  return [...byId.values()];
}

/** The research views' documents after `events`. */
export function researchReportData(events: readonly RecordedEvent[]): ResearchReportData {
  return {
    projects: foldById(events, evolveResearchProjectFacts, projectIdOf, [
      R.projectProposed,
      R.projectRevised,
      R.projectApproved,
      R.phaseStarted,
      R.findingsPublished,
      R.projectSuspended,
      R.projectResumed,
      R.projectAbandoned,
      R.projectClosed,
    ]),
    milestones: foldById(events, evolveResearchMilestoneFacts, milestoneIdOf, [
      R.milestonePlanned,
      R.milestoneRescheduled,
      R.milestoneSlipped,
      R.milestoneCompleted,
    ]),
    publications: foldById(events, evolveResearchPublicationFacts, publicationIdOf, [
      R.findingsPublished,
    ]),
    costBenefit: foldById(events, evolveResearchCostBenefitFacts, (d) => String(d['projectId']), [
      R.costBenefitAnalysed,
    ]),
  };
}

/** The same documents by view name. */
export function researchRows(events: readonly RecordedEvent[]): Record<string, Row[]> {
  const data = researchReportData(events);
  return {
    [RESEARCH_PORTFOLIO_VIEW]: data.projects as unknown as Row[],
    [RESEARCH_MILESTONES_VIEW]: data.milestones as unknown as Row[],
    [RESEARCH_PUBLICATIONS_VIEW]: data.publications as unknown as Row[],
    [RESEARCH_COST_BENEFIT_VIEW]: data.costBenefit as unknown as Row[],
  };
}
