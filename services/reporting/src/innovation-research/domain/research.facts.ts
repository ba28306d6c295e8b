import {
  RESEARCH_EVENT_TYPES as R,
  type CostBenefitShape,
  type ResearchProjectShape,
  type ResearchPublicationShape,
} from './research.public-events';

/** A research event as a view evolves it. */
export interface ResearchEvent {
  type: string;
  data: Record<string, unknown>;
}

/** The project of a research event (FindingsPublished carries it in its publication). */
export function projectIdOf(data: Record<string, unknown>): string {
  const publication = data['publication'] as { projectId?: unknown } | undefined;
  return String(data['projectId'] ?? publication?.projectId);
}

/** One document per project: what it is and the status it has, with when each status began. */
export interface ResearchProjectFacts {
  projectId: string;
  title: string;
  status: string;
  innovationKind: string;
  design: string;
  deficits: string[];
  themes: string[];
  countries: string[];
  currency: string;
  budget: number;
  proposedAt: string;
  approvedAt: string | null;
  suspendedAt: string | null;
  abandonedAt: string | null;
  abandonedInPhase: string | null;
  abandonedReason: string | null;
  closedAt: string | null;
  /** Every status with the instant it began (not queryable: the report reads the status at a date). */
  statusHistory: Array<{ status: string; at: string }>;
}

const definitionFields = (project: ResearchProjectShape) => ({
  title: project.title,
  innovationKind: project.innovation.kind,
  design: project.design.method,
  deficits: [...project.deficits],
  themes: [...project.themes],
  countries: [...project.countries],
  currency: project.currency,
  budget: project.budget,
});

const withStatus = (
  facts: ResearchProjectFacts,
  status: string,
  at: string,
): ResearchProjectFacts => ({
  ...facts,
  status,
  statusHistory: [...facts.statusHistory, { status, at }],
});

/** The next facts of a project after one of its events (pure). */
export function evolveResearchProjectFacts(
  current: ResearchProjectFacts | undefined,
  event: ResearchEvent,
): ResearchProjectFacts | undefined {
  const d = event.data;
  if (event.type === R.projectProposed) {
    const at = String(d['proposedAt']);
    return {
      projectId: String(d['projectId']),
      ...definitionFields(d['project'] as ResearchProjectShape),
      status: 'proposed',
      proposedAt: at,
      approvedAt: null,
      suspendedAt: null,
      abandonedAt: null,
      abandonedInPhase: null,
      abandonedReason: null,
      closedAt: null,
      statusHistory: [{ status: 'proposed', at }],
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case R.projectRevised:
      return { ...current, ...definitionFields(d['project'] as ResearchProjectShape) };
    case R.projectApproved:
      return {
        ...withStatus(current, 'approved', String(d['approvedAt'])),
        approvedAt: String(d['approvedAt']),
      };
    case R.phaseStarted:
      return withStatus(current, String(d['phase']), String(d['startedAt']));
    case R.projectSuspended:
      return {
        ...withStatus(current, 'suspended', String(d['suspendedAt'])),
        suspendedAt: String(d['suspendedAt']),
      };
    case R.projectResumed:
      return withStatus(current, String(d['phase']), String(d['resumedAt']));
    case R.projectAbandoned:
      return {
        ...withStatus(current, 'abandoned', String(d['abandonedAt'])),
        abandonedAt: String(d['abandonedAt']),
        abandonedInPhase: String(d['phase']),
        abandonedReason: String(d['reason']),
      };
    case R.projectClosed:
      return {
        ...withStatus(current, 'closed', String(d['closedAt'])),
        closedAt: String(d['closedAt']),
      };
    case R.findingsPublished: {
      // The first publication from cost-benefit analysis moves the project on;
      // a correction, or an abandoned project's publication, leaves its status.
      if (current.status !== 'cost-benefit-analysis') return current;
      return withStatus(current, 'findings-published', String(d['publishedAt']));
    }
    default:
      return current;
  }
}

/** The status a project had at `instant` (null: not yet proposed). */
export function statusAt(facts: ResearchProjectFacts, instant: string): string | null {
  let status: string | null = null;
  for (const step of facts.statusHistory) if (step.at < instant) status = step.status;
  return status;
}

/** One document per milestone. */
export interface ResearchMilestoneFacts {
  milestoneId: string;
  projectId: string;
  phase: string;
  title: string;
  /** The planned date now (YYYY-MM-DD), and the first one. */
  plannedOn: string;
  firstPlannedOn: string;
  reschedules: number;
  status: 'planned' | 'slipping' | 'done';
  completedOn: string | null;
  daysLate: number | null;
  /** The last day the slippage check flagged its current planned date (null once rescheduled), and how often it was flagged. */
  slippedOn: string | null;
  timesSlipped: number;
  plannedAt: string;
  completedAt: string | null;
}

/** The document id of a milestone event (MilestonePlanned carries it in `milestone`). */
export function milestoneIdOf(data: Record<string, unknown>): string {
  const milestone = data['milestone'] as { milestoneId?: unknown } | undefined;
  return String(data['milestoneId'] ?? milestone?.milestoneId);
}

export function evolveResearchMilestoneFacts(
  current: ResearchMilestoneFacts | undefined,
  event: ResearchEvent,
): ResearchMilestoneFacts | undefined {
  const d = event.data;
  if (event.type === R.milestonePlanned) {
    const m = d['milestone'] as {
      milestoneId: string;
      phase: string;
      title: string;
      plannedOn: string;
    };
    return {
      milestoneId: m.milestoneId,
      projectId: String(d['projectId']),
      phase: m.phase,
      title: m.title,
      plannedOn: m.plannedOn,
      firstPlannedOn: m.plannedOn,
      reschedules: 0,
      status: 'planned',
      completedOn: null,
      daysLate: null,
      slippedOn: null,
      timesSlipped: 0,
      plannedAt: String(d['plannedAt']),
      completedAt: null,
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case R.milestoneRescheduled:
      return {
        ...current,
        plannedOn: String(d['plannedOn']),
        reschedules: current.reschedules + 1,
        status: current.status === 'done' ? 'done' : 'planned',
        // Rescheduling clears the flag: the new date has not slipped (yet).
        slippedOn: null,
      };
    case R.milestoneSlipped:
      return {
        ...current,
        status: current.status === 'done' ? 'done' : 'slipping',
        slippedOn: String(d['flaggedOn']),
        timesSlipped: current.timesSlipped + 1,
      };
    case R.milestoneCompleted:
      return {
        ...current,
        status: 'done',
        completedOn: String(d['completedOn']),
        daysLate: Number(d['daysLate']),
        completedAt: String(d['completedAt']),
      };
    default:
      return current;
  }
}

/** One document per publication (version 1 and each correction). */
export interface ResearchPublicationFacts {
  publicationId: string;
  projectId: string;
  version: number;
  correction: boolean;
  outcome: string;
  title: string;
  innovationKind: string;
  design: string;
  themes: string[];
  countries: string[];
  findings: number;
  supported: number;
  notSupported: number;
  inconclusive: number;
  publishedOn: string;
  publishedAt: string;
}

export const publicationIdOf = (data: Record<string, unknown>): string => {
  const p = data['publication'] as { projectId: string; version: number };
  return `${p.projectId}/v${p.version}`;
};

export function evolveResearchPublicationFacts(
  current: ResearchPublicationFacts | undefined,
  event: ResearchEvent,
): ResearchPublicationFacts | undefined {
  if (event.type !== R.findingsPublished) return current;
  const p = event.data['publication'] as ResearchPublicationShape;
  const verdicts = p.hypotheses.flatMap((h) => (h.finding ? [h.finding.verdict] : []));
  const count = (verdict: string) => verdicts.filter((v) => v === verdict).length;
  return {
    publicationId: publicationIdOf(event.data),
    projectId: p.projectId,
    version: p.version,
    correction: p.version > 1,
    outcome: p.outcome,
    title: p.title,
    innovationKind: p.innovation.kind,
    design: p.design.method,
    themes: [...p.themes],
    countries: [...p.countries],
    findings: verdicts.length,
    supported: count('supported'),
    notSupported: count('not-supported'),
    inconclusive: count('inconclusive'),
    publishedOn: p.publishedOn,
    publishedAt: String(event.data['publishedAt']),
  };
}

/** One analysis of a project's costs and benefits. */
export interface CostBenefitAnalysis {
  currency: string;
  discountRate: number;
  horizonYears: number;
  presentValueOfCosts: number;
  presentValueOfBenefits: number;
  netPresentValue: number;
  benefitCostRatio: number | null;
  analysedAt: string;
}

/** One document per project with an analysis: the latest, and every one before it (not queryable). */
export interface ResearchCostBenefitFacts extends CostBenefitAnalysis {
  projectId: string;
  analyses: number;
  firstAnalysedAt: string;
  history: CostBenefitAnalysis[];
}

export function evolveResearchCostBenefitFacts(
  current: ResearchCostBenefitFacts | undefined,
  event: ResearchEvent,
): ResearchCostBenefitFacts | undefined {
  if (event.type !== R.costBenefitAnalysed) return current;
  const { input, result } = event.data as unknown as CostBenefitShape;
  const analysis: CostBenefitAnalysis = {
    currency: input.currency,
    discountRate: input.discountRate,
    horizonYears: input.horizonYears,
    presentValueOfCosts: result.presentValueOfCosts,
    presentValueOfBenefits: result.presentValueOfBenefits,
    netPresentValue: result.netPresentValue,
    benefitCostRatio: result.benefitCostRatio,
    analysedAt: String(event.data['analysedAt']),
  };
  return {
    projectId: String(event.data['projectId']),
    ...analysis,
    analyses: (current?.analyses ?? 0) + 1,
    firstAnalysedAt: current?.firstAnalysedAt ?? analysis.analysedAt,
    history: [...(current?.history ?? []), analysis],
  };
}

/** The latest analysis recorded before `instant` (undefined: none yet). */
export function analysisBefore(
  facts: ResearchCostBenefitFacts,
  instant: string,
): CostBenefitAnalysis | undefined {
  return facts.history.filter((a) => a.analysedAt < instant).at(-1);
}
