import type {
  CostBenefitInput,
  CostBenefitResult,
  Deliverable,
  FieldedSurveyRound,
  Milestone,
  Recommendation,
  ResearchFinding,
  ResearchPhase,
  ResearchProjectDefinition,
  ResearchPublication,
} from '@sfp/contracts';
import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/** A research project put forward, in phase `proposed`. */
export interface ResearchProjectProposedData {
  projectId: string;
  project: ResearchProjectDefinition;
  proposedBy: string;
  proposedAt: string;
}
export class ResearchProjectProposed extends defineEventType<ResearchProjectProposedData>()({
  type: 'innovation-research.ResearchProjectProposed',
  schemaVersion: 1,
}) {}

/** The project as edited (its hypotheses and design only before the baseline survey starts). */
export interface ResearchProjectRevisedData {
  projectId: string;
  project: ResearchProjectDefinition;
  reason: string;
  revisedBy: string;
  revisedAt: string;
}
export class ResearchProjectRevised extends defineEventType<ResearchProjectRevisedData>()({
  type: 'innovation-research.ResearchProjectRevised',
  schemaVersion: 1,
}) {}

export interface ResearchProjectApprovedData {
  projectId: string;
  note?: string;
  approvedBy: string;
  approvedAt: string;
}
export class ResearchProjectApproved extends defineEventType<ResearchProjectApprovedData>()({
  type: 'innovation-research.ResearchProjectApproved',
  schemaVersion: 1,
}) {}

/** The project moved from one phase to the next (approval, publication and closing have their own events). */
export interface ResearchPhaseStartedData {
  projectId: string;
  from: ResearchPhase;
  phase: ResearchPhase;
  startedBy: string;
  startedAt: string;
}
export class ResearchPhaseStarted extends defineEventType<ResearchPhaseStartedData>()({
  type: 'innovation-research.ResearchPhaseStarted',
  schemaVersion: 1,
}) {}

/** The design of the innovation approved: the baseline survey may start. */
export interface InnovationDesignApprovedData {
  projectId: string;
  note: string;
  approvedBy: string;
  approvedAt: string;
}
export class InnovationDesignApproved extends defineEventType<InnovationDesignApprovedData>()({
  type: 'innovation-research.InnovationDesignApproved',
  schemaVersion: 1,
}) {}

export interface SurveyRoundRecordedData {
  projectId: string;
  round: FieldedSurveyRound;
  recordedBy: string;
  recordedAt: string;
}
export class SurveyRoundRecorded extends defineEventType<SurveyRoundRecordedData>()({
  type: 'innovation-research.SurveyRoundRecorded',
  schemaVersion: 1,
}) {}

export interface MilestonePlannedData {
  projectId: string;
  milestone: Milestone;
  plannedBy: string;
  plannedAt: string;
}
export class MilestonePlanned extends defineEventType<MilestonePlannedData>()({
  type: 'innovation-research.MilestonePlanned',
  schemaVersion: 1,
}) {}

/** A new planned date; a slipping milestone rescheduled is no longer flagged. */
export interface MilestoneRescheduledData {
  projectId: string;
  milestoneId: string;
  previousPlannedOn: string;
  plannedOn: string;
  reason: string;
  rescheduledBy: string;
  rescheduledAt: string;
}
export class MilestoneRescheduled extends defineEventType<MilestoneRescheduledData>()({
  type: 'innovation-research.MilestoneRescheduled',
  schemaVersion: 1,
}) {}

export interface MilestoneCompletedData {
  projectId: string;
  milestoneId: string;
  completedOn: string;
  /** Days after its planned date (0 when on time or early). */
  daysLate: number;
  deliverables: Deliverable[];
  completedBy: string;
  completedAt: string;
}
export class MilestoneCompleted extends defineEventType<MilestoneCompletedData>()({
  type: 'innovation-research.MilestoneCompleted',
  schemaVersion: 1,
}) {}

/** Flagged by the scheduled check: not done by its planned date. Once per planned date. */
export interface MilestoneSlippedData {
  projectId: string;
  milestoneId: string;
  plannedOn: string;
  /** The day the check saw it, and how many days late it was then. */
  flaggedOn: string;
  daysLate: number;
  flaggedBy: string;
  flaggedAt: string;
}
export class MilestoneSlipped extends defineEventType<MilestoneSlippedData>()({
  type: 'innovation-research.MilestoneSlipped',
  schemaVersion: 1,
}) {}

/** A finding on one hypothesis; a later one on the same hypothesis replaces it. */
export interface FindingRecordedData {
  projectId: string;
  finding: ResearchFinding;
  recordedBy: string;
  recordedAt: string;
}
export class FindingRecorded extends defineEventType<FindingRecordedData>()({
  type: 'innovation-research.FindingRecorded',
  schemaVersion: 1,
}) {}

/** The flows as entered and what they come to (computed, never typed in). */
export interface CostBenefitAnalysedData {
  projectId: string;
  input: CostBenefitInput;
  result: CostBenefitResult;
  analysedBy: string;
  analysedAt: string;
}
export class CostBenefitAnalysed extends defineEventType<CostBenefitAnalysedData>()({
  type: 'innovation-research.CostBenefitAnalysed',
  schemaVersion: 1,
}) {}

export interface RecommendationsRecordedData {
  projectId: string;
  recommendations: Recommendation[];
  recordedBy: string;
  recordedAt: string;
}
export class RecommendationsRecorded extends defineEventType<RecommendationsRecordedData>()({
  type: 'innovation-research.RecommendationsRecorded',
  schemaVersion: 1,
}) {}

/**
 * Public: the findings as published, version 1 and each correction after it.
 * The knowledge base makes impact assessments and a practice note of it.
 */
export interface FindingsPublishedData {
  publication: ResearchPublication;
  publishedBy: string;
  publishedAt: string;
}
export class FindingsPublished extends defineEventType<FindingsPublishedData>()({
  type: 'innovation-research.FindingsPublished',
  schemaVersion: 1,
}) {}

export interface ResearchProjectSuspendedData {
  projectId: string;
  /** The phase it resumes in. */
  phase: ResearchPhase;
  reason: string;
  suspendedBy: string;
  suspendedAt: string;
}
export class ResearchProjectSuspended extends defineEventType<ResearchProjectSuspendedData>()({
  type: 'innovation-research.ResearchProjectSuspended',
  schemaVersion: 1,
}) {}

export interface ResearchProjectResumedData {
  projectId: string;
  phase: ResearchPhase;
  resumedBy: string;
  resumedAt: string;
}
export class ResearchProjectResumed extends defineEventType<ResearchProjectResumedData>()({
  type: 'innovation-research.ResearchProjectResumed',
  schemaVersion: 1,
}) {}

/** Given up for good; it may still publish what it learnt. */
export interface ResearchProjectAbandonedData {
  projectId: string;
  /** The phase it was in (or had when suspended). */
  phase: ResearchPhase;
  reason: string;
  abandonedBy: string;
  abandonedAt: string;
}
export class ResearchProjectAbandoned extends defineEventType<ResearchProjectAbandonedData>()({
  type: 'innovation-research.ResearchProjectAbandoned',
  schemaVersion: 1,
}) {}

export interface ResearchProjectClosedData {
  projectId: string;
  note?: string;
  closedBy: string;
  closedAt: string;
}
export class ResearchProjectClosed extends defineEventType<ResearchProjectClosedData>()({
  type: 'innovation-research.ResearchProjectClosed',
  schemaVersion: 1,
}) {}

export const RESEARCH_PROJECT_EVENT_CLASSES = [
  ResearchProjectProposed,
  ResearchProjectRevised,
  ResearchProjectApproved,
  ResearchPhaseStarted,
  InnovationDesignApproved,
  SurveyRoundRecorded,
  MilestonePlanned,
  MilestoneRescheduled,
  MilestoneCompleted,
  MilestoneSlipped,
  FindingRecorded,
  CostBenefitAnalysed,
  RecommendationsRecorded,
  FindingsPublished,
  ResearchProjectSuspended,
  ResearchProjectResumed,
  ResearchProjectAbandoned,
  ResearchProjectClosed,
] as const;

export type ResearchProjectEvent = EventOf<(typeof RESEARCH_PROJECT_EVENT_CLASSES)[number]>;
