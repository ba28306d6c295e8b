import type {
  CostBenefitInput,
  Deliverable,
  FieldedSurveyRound,
  Milestone,
  Recommendation,
  ResearchFinding,
  ResearchPhase,
  ResearchProjectDefinition,
} from '@sfp/contracts';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

/**
 * Proposing a project. The application has checked its partner institutions
 * against those the knowledge base published (`unknownPartners` lists those it
 * does not know, for the decider to refuse with their fields).
 */
export interface ProposeProject extends Timed {
  type: 'ProposeProject';
  projectId: string;
  project: ResearchProjectDefinition;
  unknownPartners: string[];
}

export interface ReviseProject extends Timed {
  type: 'ReviseProject';
  project: ResearchProjectDefinition;
  reason: string;
  unknownPartners: string[];
}

export interface ApproveProject extends Timed {
  type: 'ApproveProject';
  note?: string;
}

/** To the next phase (NEXT_PHASE); `to` names it, so a stale screen cannot skip one. */
export interface AdvancePhase extends Timed {
  type: 'AdvancePhase';
  to: ResearchPhase;
}

export interface ApproveInnovationDesign extends Timed {
  type: 'ApproveInnovationDesign';
  note: string;
}

/** The baseline in baseline-survey; follow-ups (numbered from 1, in order) in follow-up-survey. */
export interface RecordSurveyRound extends Timed {
  type: 'RecordSurveyRound';
  round: FieldedSurveyRound;
}

export interface PlanMilestone extends Timed {
  type: 'PlanMilestone';
  milestone: Milestone;
}

export interface RescheduleMilestone extends Timed {
  type: 'RescheduleMilestone';
  milestoneId: string;
  plannedOn: string;
  reason: string;
}

export interface CompleteMilestone extends Timed {
  type: 'CompleteMilestone';
  milestoneId: string;
  completedOn: string;
  deliverables: Deliverable[];
}

/** The scheduled check: flags each open milestone past its planned date on `today` (once per planned date). */
export interface FlagSlippingMilestones extends Timed {
  type: 'FlagSlippingMilestones';
  today: string;
}

/**
 * A finding on a hypothesis. The effect's interval may come as a standard
 * error alone: the decider then computes the 95 % interval (size ± 1.96 SE).
 */
export interface RecordFinding extends Timed {
  type: 'RecordFinding';
  finding: Omit<ResearchFinding, 'effect'> & {
    effect: Omit<ResearchFinding['effect'], 'confidenceInterval'> & {
      confidenceInterval?: { lower: number; upper: number };
    };
  };
}

export interface RecordCostBenefit extends Timed {
  type: 'RecordCostBenefit';
  input: CostBenefitInput;
}

export interface RecordRecommendations extends Timed {
  type: 'RecordRecommendations';
  recommendations: Recommendation[];
}

/** Version 1 from cost-benefit analysis; a correction (with its reason) after that. */
export interface PublishFindings extends Timed {
  type: 'PublishFindings';
  summary: string;
  correctionReason?: string;
}

export interface SuspendProject extends Timed {
  type: 'SuspendProject';
  reason: string;
}

export interface ResumeProject extends Timed {
  type: 'ResumeProject';
}

export interface AbandonProject extends Timed {
  type: 'AbandonProject';
  reason: string;
}

export interface CloseProject extends Timed {
  type: 'CloseProject';
  note?: string;
}

export type ResearchProjectCommand =
  | ProposeProject
  | ReviseProject
  | ApproveProject
  | AdvancePhase
  | ApproveInnovationDesign
  | RecordSurveyRound
  | PlanMilestone
  | RescheduleMilestone
  | CompleteMilestone
  | FlagSlippingMilestones
  | RecordFinding
  | RecordCostBenefit
  | RecordRecommendations
  | PublishFindings
  | SuspendProject
  | ResumeProject
  | AbandonProject
  | CloseProject;
