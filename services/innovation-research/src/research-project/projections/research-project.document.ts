import {
  DECENT_WORK_DEFICITS,
  LIBRARY_THEMES,
  type ResearchProjectDefinition,
  type ResearchProjectDetail,
  type ResearchProjectListEntry,
} from '@sfp/contracts';
import { wordsOf } from '@sfp/projections';
import type { ResearchProjectEvent } from '../domain/research-project.events';

/** A flag per theme and deficit, so the list filters on declared (indexed) fields. */
export type ResearchProjectFlag = `theme_${string}` | `deficit_${string}`;

const flagName = (prefix: string, value: string) => `${prefix}_${value.replace(/-/g, '_')}`;
export const themeFlag = (theme: string) => flagName('theme', theme) as ResearchProjectFlag;
export const deficitFlag = (deficit: string) => flagName('deficit', deficit) as ResearchProjectFlag;

export const RESEARCH_PROJECT_FLAG_FIELDS: Record<string, 'boolean'> = Object.fromEntries(
  [...LIBRARY_THEMES.map(themeFlag), ...DECENT_WORK_DEFICITS.map(deficitFlag)].map((flag) => [
    flag,
    'boolean' as const,
  ]),
);

function flagsOf(project: ResearchProjectDefinition): Record<ResearchProjectFlag, boolean> {
  return {
    ...Object.fromEntries(LIBRARY_THEMES.map((t) => [themeFlag(t), project.themes.includes(t)])),
    ...Object.fromEntries(
      DECENT_WORK_DEFICITS.map((d) => [deficitFlag(d), project.deficits.includes(d)]),
    ),
  } as Record<ResearchProjectFlag, boolean>;
}

/**
 * One project's document: the list entry's fields (filtered and sorted on),
 * the flags, and the whole detail. An open milestone's days late are not
 * stored: the query computes them from today.
 */
export type ResearchProjectDocument = ResearchProjectListEntry &
  Record<ResearchProjectFlag, boolean> & {
    /** The title lower-cased, for sorting. */
    sortTitle: string;
    /** The title's words, lower-cased, for `q`. */
    titleWords: string[];
    detail: ResearchProjectDetail;
  };

export { wordsOf };

/** The list fields that follow from the detail. */
function withDetail(detail: ResearchProjectDetail): ResearchProjectDocument {
  const p = detail.definition;
  const publication = detail.publications[detail.publications.length - 1];
  return {
    projectId: detail.projectId,
    title: p.title,
    status: detail.status,
    phase: detail.phase,
    innovationKind: p.innovation.kind,
    themes: p.themes,
    deficits: p.deficits,
    countries: p.countries,
    design: p.design.method,
    partnerInstitutionIds: p.partnerInstitutionIds,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    slippingMilestones: detail.milestones.filter((m) => m.state === 'slipping').length,
    ...(publication ? { publicationVersion: publication.version } : {}),
    proposedAt: detail.proposedAt,
    updatedAt: detail.updatedAt,
    ...flagsOf(p),
    sortTitle: p.title.toLowerCase(),
    titleWords: wordsOf(p.title),
    detail,
  };
}

/** The time an event happened, as its data says. */
export function occurredAtOf(event: ResearchProjectEvent): string {
  const d = event.data as unknown as Record<string, unknown>;
  const key = Object.keys(d).find((k) => k.endsWith('At') && typeof d[k] === 'string');
  return key ? String(d[key]) : '';
}

/** The detail after one event (undefined: nothing to write). `version` is the stream version the event made. */
export function evolveResearchProjectDetail(
  current: ResearchProjectDetail | undefined,
  event: ResearchProjectEvent,
  version: number,
): ResearchProjectDetail | undefined {
  if (event.type === 'innovation-research.ResearchProjectProposed') {
    const d = event.data;
    return {
      projectId: d.projectId,
      version,
      definition: d.project,
      status: 'proposed',
      phase: 'proposed',
      timeline: [{ phase: 'proposed', from: d.proposedAt, by: d.proposedBy }],
      milestones: [],
      surveyRounds: [],
      hypotheses: d.project.hypotheses.map((h) => ({ ...h })),
      recommendations: [],
      publications: [],
      proposedBy: d.proposedBy,
      proposedAt: d.proposedAt,
      updatedAt: d.proposedAt,
    };
  }
  if (!current) return undefined;
  const next: ResearchProjectDetail = { ...current, version, updatedAt: occurredAtOf(event) };
  switch (event.type) {
    case 'innovation-research.ResearchProjectRevised': {
      const findings = new Map(
        current.hypotheses.flatMap((h) =>
          h.finding ? [[h.hypothesisId, h.finding] as const] : [],
        ),
      );
      return {
        ...next,
        definition: event.data.project,
        hypotheses: event.data.project.hypotheses.map((h) => {
          const finding = findings.get(h.hypothesisId);
          return finding ? { ...h, finding } : { ...h };
        }),
      };
    }
    case 'innovation-research.ResearchProjectApproved':
      return {
        ...next,
        status: 'approved',
        phase: 'approved',
        timeline: [
          ...current.timeline,
          { phase: 'approved', from: event.data.approvedAt, by: event.data.approvedBy },
        ],
      };
    case 'innovation-research.ResearchPhaseStarted':
      return {
        ...next,
        status: event.data.phase,
        phase: event.data.phase,
        timeline: [
          ...current.timeline,
          { phase: event.data.phase, from: event.data.startedAt, by: event.data.startedBy },
        ],
      };
    case 'innovation-research.InnovationDesignApproved':
      return {
        ...next,
        designApproval: {
          note: event.data.note,
          by: event.data.approvedBy,
          at: event.data.approvedAt,
        },
      };
    case 'innovation-research.SurveyRoundRecorded':
      return { ...next, surveyRounds: [...current.surveyRounds, event.data.round] };
    case 'innovation-research.MilestonePlanned':
      return {
        ...next,
        milestones: [
          ...current.milestones,
          { ...event.data.milestone, state: 'planned', deliverables: [], reschedulings: [] },
        ],
      };
    case 'innovation-research.MilestoneRescheduled': {
      const d = event.data;
      return {
        ...next,
        milestones: current.milestones.map((m) =>
          m.milestoneId === d.milestoneId
            ? {
                ...m,
                plannedOn: d.plannedOn,
                state: m.state === 'done' ? 'done' : 'planned',
                reschedulings: [
                  ...m.reschedulings,
                  { from: d.previousPlannedOn, to: d.plannedOn, reason: d.reason },
                ],
              }
            : m,
        ),
      };
    }
    case 'innovation-research.MilestoneCompleted': {
      const d = event.data;
      return {
        ...next,
        milestones: current.milestones.map((m) =>
          m.milestoneId === d.milestoneId
            ? {
                ...m,
                state: 'done',
                completedOn: d.completedOn,
                daysLate: d.daysLate,
                deliverables: d.deliverables,
              }
            : m,
        ),
      };
    }
    case 'innovation-research.MilestoneSlipped': {
      const d = event.data;
      return {
        ...next,
        milestones: current.milestones.map((m) =>
          m.milestoneId === d.milestoneId && m.state === 'planned' && m.plannedOn === d.plannedOn
            ? { ...m, state: 'slipping' }
            : m,
        ),
      };
    }
    case 'innovation-research.FindingRecorded': {
      const d = event.data;
      return {
        ...next,
        hypotheses: current.hypotheses.map((h) =>
          h.hypothesisId === d.finding.hypothesisId
            ? { ...h, finding: { ...d.finding, recordedAt: d.recordedAt } }
            : h,
        ),
      };
    }
    case 'innovation-research.CostBenefitAnalysed':
      return {
        ...next,
        costBenefit: {
          input: event.data.input,
          result: event.data.result,
          recordedAt: event.data.analysedAt,
        },
      };
    case 'innovation-research.RecommendationsRecorded':
      return { ...next, recommendations: event.data.recommendations };
    case 'innovation-research.FindingsPublished': {
      const p = event.data.publication;
      const moves =
        current.status !== 'findings-published' &&
        current.status !== 'closed' &&
        current.status !== 'abandoned';
      return {
        ...next,
        ...(moves
          ? { status: 'findings-published' as const, phase: 'findings-published' as const }
          : {}),
        timeline: moves
          ? [
              ...current.timeline,
              {
                phase: 'findings-published',
                from: event.data.publishedAt,
                by: event.data.publishedBy,
              },
            ]
          : current.timeline,
        publications: [
          ...current.publications,
          {
            version: p.version,
            on: p.publishedOn,
            summary: p.summary,
            outcome: p.outcome,
            ...(p.correctionReason ? { correctionReason: p.correctionReason } : {}),
          },
        ],
      };
    }
    case 'innovation-research.ResearchProjectSuspended':
      return {
        ...next,
        status: 'suspended',
        phase: event.data.phase,
        suspension: {
          reason: event.data.reason,
          by: event.data.suspendedBy,
          at: event.data.suspendedAt,
        },
        timeline: [
          ...current.timeline,
          {
            phase: 'suspended',
            from: event.data.suspendedAt,
            by: event.data.suspendedBy,
            reason: event.data.reason,
          },
        ],
      };
    case 'innovation-research.ResearchProjectResumed': {
      const { suspension: _ended, ...rest } = next;
      return {
        ...rest,
        status: event.data.phase,
        phase: event.data.phase,
        timeline: [
          ...current.timeline,
          { phase: event.data.phase, from: event.data.resumedAt, by: event.data.resumedBy },
        ],
      };
    }
    case 'innovation-research.ResearchProjectAbandoned':
      return {
        ...next,
        status: 'abandoned',
        phase: event.data.phase,
        abandonment: {
          reason: event.data.reason,
          by: event.data.abandonedBy,
          at: event.data.abandonedAt,
        },
        timeline: [
          ...current.timeline,
          {
            phase: 'abandoned',
            from: event.data.abandonedAt,
            by: event.data.abandonedBy,
            reason: event.data.reason,
          },
        ],
      };
    case 'innovation-research.ResearchProjectClosed':
      return {
        ...next,
        status: 'closed',
        phase: 'closed',
        timeline: [
          ...current.timeline,
          { phase: 'closed', from: event.data.closedAt, by: event.data.closedBy },
        ],
      };
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled research project event ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The project's document after one event. */
export function applyResearchProjectEvent(
  current: ResearchProjectDocument | undefined,
  event: ResearchProjectEvent,
  version: number,
): ResearchProjectDocument | undefined {
  const detail = evolveResearchProjectDetail(current?.detail, event, version);
  return detail ? withDetail(detail) : undefined;
}
