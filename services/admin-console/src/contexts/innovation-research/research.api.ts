// The innovation-research context's HTTP API (/api/innovation-research) as the
// console uses it: its queries, keyed under 'innovation-research' (a command
// invalidates them all), and its commands. The shapes it answers and takes are
// @sfp/contracts (research-views, research-project), which the service
// declares its answers by too.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CostBenefitInput,
  CostBenefitResult,
  CostBenefitSummary,
  Deliverable,
  FieldedSurveyRound,
  FindingsLibraryEntry,
  MilestoneCalendarEntry,
  PartnerInstitutionEntry,
  Recommendation,
  ResearchFinding,
  ResearchPhase,
  ResearchPortfolioSummary,
  ResearchProjectDefinition,
  ResearchProjectDetail,
  ResearchProjectListEntry,
  ToolLinkedProposals,
} from '@sfp/contracts';
import { fetchText, get, post, queryString } from '../../api/client';
import { contextApi, PAGE_SIZE } from '../../api/context-api';
import type { Page } from '../../api/types';

const { base: RESEARCH, key: RESEARCH_KEY, since } = contextApi('innovation-research');
export { RESEARCH, RESEARCH_KEY };

/** What every command on a project answers. */
export interface ResearchCommandResult {
  projectId: string;
  version: number;
  position: number;
}

export type ProjectFilters = Partial<
  Record<'status' | 'theme' | 'deficit' | 'country' | 'design' | 'innovationKind' | 'q', string>
>;
export type MilestoneFilters = Partial<Record<'from' | 'to' | 'state' | 'projectId', string>>;
export type FindingFilters = Partial<
  Record<'q' | 'verdict' | 'outcome' | 'theme' | 'country' | 'projectId', string>
>;

/** A finding as the form sends it: a standard error or a 95 % interval (the API computes the other). */
export type NewFinding = Omit<ResearchFinding, 'effect'> & {
  effect: Omit<ResearchFinding['effect'], 'confidenceInterval'> & {
    confidenceInterval?: ResearchFinding['effect']['confidenceInterval'];
  };
};

const projectPath = (id: string) => `${RESEARCH}/projects/${encodeURIComponent(id)}`;
const milestonePath = (id: string, milestoneId: string) =>
  `${projectPath(id)}/milestones/${encodeURIComponent(milestoneId)}`;
const key = (...parts: unknown[]) => [...RESEARCH_KEY, ...parts];

/**
 * A project's read waits, through the list (which takes minPosition), for this
 * tab's last write to research: a command just sent reads back as written.
 */
async function readProject(id: string): Promise<ResearchProjectDetail> {
  const { minPosition } = since();
  if (minPosition !== undefined)
    await get(`${RESEARCH}/projects${queryString({ minPosition, limit: 1 })}`);
  return get<ResearchProjectDetail>(projectPath(id));
}

export const researchQueries = {
  /** Every project the filters keep (the board shows them all, by phase). */
  projects: (filters: ProjectFilters) =>
    queryOptions({
      queryKey: key('projects', filters),
      queryFn: async () => {
        const items: ResearchProjectListEntry[] = [];
        let cursor: string | undefined;
        do {
          const page = await get<Page<ResearchProjectListEntry>>(
            `${RESEARCH}/projects${queryString({ ...filters, cursor, limit: 100, ...since() })}`,
          );
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor && items.length < 1000);
        return items;
      },
      placeholderData: keepPreviousData,
    }),
  project: (id: string) =>
    queryOptions({ queryKey: key('project', id), queryFn: () => readProject(id) }),
  /** The quality-monitoring proposals linked to a project. */
  projectLinkedProposals: (id: string) =>
    queryOptions({
      queryKey: key('project', id, 'linked-proposals'),
      queryFn: () => get<ToolLinkedProposals>(`${projectPath(id)}/linked-proposals`),
    }),
  portfolio: () =>
    queryOptions({
      queryKey: key('portfolio'),
      queryFn: () =>
        get<ResearchPortfolioSummary>(`${RESEARCH}/portfolio${queryString({ ...since() })}`),
    }),
  milestones: (filters: MilestoneFilters, cursor: string | undefined) =>
    queryOptions({
      queryKey: key('milestones', filters, cursor),
      queryFn: () =>
        get<Page<MilestoneCalendarEntry>>(
          `${RESEARCH}/milestones${queryString({ ...filters, cursor, limit: PAGE_SIZE, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
  findings: (filters: FindingFilters, cursor: string | undefined) =>
    queryOptions({
      queryKey: key('findings', filters, cursor),
      queryFn: () =>
        get<Page<FindingsLibraryEntry>>(
          `${RESEARCH}/findings${queryString({ ...filters, cursor, limit: PAGE_SIZE, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
  costBenefit: () =>
    queryOptions({
      queryKey: key('cost-benefit'),
      queryFn: () =>
        get<CostBenefitSummary>(`${RESEARCH}/cost-benefit${queryString({ ...since() })}`),
    }),
  partners: () =>
    queryOptions({
      queryKey: key('partners'),
      queryFn: () =>
        get<Page<PartnerInstitutionEntry>>(
          `${RESEARCH}/partner-institutions${queryString({ limit: 100 })}`,
        ),
    }),
};

/** A list as CSV (format=csv), with the filters shown. */
export function researchCsv(list: 'milestones' | 'findings' | 'cost-benefit', filters: object) {
  return fetchText(
    `${RESEARCH}/${list}${queryString({ ...(filters as Record<string, string>), format: 'csv' })}`,
    'text/csv',
  );
}

/** Commands on an existing project send the version the page shows (If-Match): a stale one is refused. */
export const researchCommands = {
  propose: (project: ResearchProjectDefinition) =>
    post<ResearchCommandResult>(`${RESEARCH}/projects`, project),
  approve: (id: string, note: string, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/approve`, note ? { note } : {}, ifMatch),
  advance: (id: string, to: ResearchPhase, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/advance`, { to }, ifMatch),
  approveDesign: (id: string, note: string, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/approve-design`, { note }, ifMatch),
  recordSurveyRound: (id: string, round: FieldedSurveyRound, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/survey-rounds`, round, ifMatch),
  planMilestone: (
    id: string,
    milestone: { phase: ResearchPhase; title: string; plannedOn: string },
    ifMatch?: number,
  ) =>
    post<ResearchCommandResult & { milestoneId: string }>(
      `${projectPath(id)}/milestones`,
      milestone,
      ifMatch,
    ),
  rescheduleMilestone: (
    id: string,
    milestoneId: string,
    plannedOn: string,
    reason: string,
    ifMatch?: number,
  ) =>
    post<ResearchCommandResult>(
      `${milestonePath(id, milestoneId)}/reschedule`,
      { plannedOn, reason },
      ifMatch,
    ),
  completeMilestone: (
    id: string,
    milestoneId: string,
    completedOn: string,
    deliverables: Deliverable[],
    ifMatch?: number,
  ) =>
    post<ResearchCommandResult>(
      `${milestonePath(id, milestoneId)}/complete`,
      { completedOn, deliverables },
      ifMatch,
    ),
  recordFinding: (id: string, finding: NewFinding, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/findings`, finding, ifMatch),
  recordCostBenefit: (id: string, input: CostBenefitInput, ifMatch?: number) =>
    post<ResearchCommandResult & { result: CostBenefitResult }>(
      `${projectPath(id)}/cost-benefit`,
      input,
      ifMatch,
    ),
  recordRecommendations: (id: string, recommendations: Recommendation[], ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/recommendations`, { recommendations }, ifMatch),
  publish: (id: string, summary: string, correctionReason: string, ifMatch?: number) =>
    post<ResearchCommandResult & { publicationVersion: number }>(
      `${projectPath(id)}/publish`,
      correctionReason ? { summary, correctionReason } : { summary },
      ifMatch,
    ),
  suspend: (id: string, reason: string, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/suspend`, { reason }, ifMatch),
  resume: (id: string, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/resume`, undefined, ifMatch),
  abandon: (id: string, reason: string, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/abandon`, { reason }, ifMatch),
  close: (id: string, note: string, ifMatch?: number) =>
    post<ResearchCommandResult>(`${projectPath(id)}/close`, note ? { note } : {}, ifMatch),
};
