// The quality-monitoring context's HTTP API (/api/quality-monitoring) as the
// console uses it: its queries, keyed under 'quality-monitoring' (a command
// invalidates them all), and its commands. The shapes it answers and takes are
// @sfp/contracts (quality-views, proposal, review-policy, linkage), which the
// service declares its answers by too.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CriterionRating,
  InterventionTool,
  LinkageSuggestion,
  LogframeIndicator,
  ProposalDefinition,
  QualityPartnerView,
  QualityProposalDetail,
  QualityProposalDiff,
  QualityProposalListEntry,
  ReviewDecision,
  ReviewPolicy,
  ReviewPolicyDraft,
} from '@sfp/contracts';
import { api, fetchText, get, post, queryString } from '../../api/client';
import { contextApi, PAGE_SIZE } from '../../api/context-api';
import type { Page } from '../../api/types';

const { base: QUALITY, key: QUALITY_KEY, since } = contextApi('quality-monitoring');
export { QUALITY, QUALITY_KEY };

/** What every command on a proposal answers. */
export interface QualityCommandResult {
  proposalId: string;
  version?: number;
  streamVersion?: number;
  position: number;
}

/** A proposal as far as an IATI activity gives it (an indicator may lack its figures). */
export type ImportedProposal = {
  [K in keyof ProposalDefinition]?: K extends 'logframe'
    ? Array<{
        outcome: string;
        indicators: Array<Partial<LogframeIndicator> & { indicator: string }>;
      }>
    : ProposalDefinition[K];
};

/** An IATI activity read: the proposal it carries, the fields it does not (paths), and what was odd. */
export interface IatiImport {
  proposal: ImportedProposal;
  missing: string[];
  warnings: string[];
}

export type ProposalFilters = Partial<
  Record<'status' | 'department' | 'instrument' | 'channel' | 'country' | 'reviewer' | 'q', string>
>;

export type QualityReport =
  | 'turnaround'
  | 'approval-rates'
  | 'deficiencies'
  | 'portfolio'
  | 'linkage-map';

const proposalPath = (id: string) => `${QUALITY}/proposals/${encodeURIComponent(id)}`;
const key = (...parts: unknown[]) => [...QUALITY_KEY, ...parts];

/** A proposal's read waits, through the list (which takes minPosition), for this tab's last write. */
async function readProposal(id: string): Promise<QualityProposalDetail> {
  const { minPosition } = since();
  if (minPosition !== undefined)
    await get(`${QUALITY}/proposals${queryString({ minPosition, limit: 1 })}`);
  return get<QualityProposalDetail>(proposalPath(id));
}

export const qualityQueries = {
  proposals: (filters: ProposalFilters, cursor: string | undefined) =>
    queryOptions({
      queryKey: key('proposals', filters, cursor),
      queryFn: () =>
        get<Page<QualityProposalListEntry>>(
          `${QUALITY}/proposals${queryString({ ...filters, cursor, limit: PAGE_SIZE, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
  proposal: (id: string) =>
    queryOptions({ queryKey: key('proposal', id), queryFn: () => readProposal(id) }),
  diff: (id: string, from: number, to: number) =>
    queryOptions({
      queryKey: key('diff', id, from, to),
      queryFn: () =>
        get<QualityProposalDiff>(`${proposalPath(id)}/diff${queryString({ from, to })}`),
    }),
  suggestions: (id: string) =>
    queryOptions({
      queryKey: key('suggestions', id),
      queryFn: () => get<{ items: LinkageSuggestion[] }>(`${proposalPath(id)}/linkage-suggestions`),
    }),
  policy: () =>
    queryOptions({
      queryKey: key('policy'),
      queryFn: () => get<ReviewPolicy>(`${QUALITY}/review-policy`),
    }),
  policyVersion: (version: number) =>
    queryOptions({
      queryKey: key('policy', version),
      queryFn: () => get<ReviewPolicy>(`${QUALITY}/review-policy/versions/${version}`),
    }),
  tools: () =>
    queryOptions({
      queryKey: key('tools'),
      queryFn: async () => {
        const answer = await get<Page<InterventionTool> | InterventionTool[]>(
          `${QUALITY}/tools${queryString({ limit: 200 })}`,
        );
        return Array.isArray(answer) ? answer : answer.items;
      },
    }),
  partner: (institutionId: string) =>
    queryOptions({
      queryKey: key('partner', institutionId),
      queryFn: () =>
        get<QualityPartnerView>(`${QUALITY}/partners/${encodeURIComponent(institutionId)}`),
    }),
  report: <T>(report: QualityReport, filters: Record<string, string | undefined> = {}) =>
    queryOptions({
      queryKey: key('report', report, filters),
      queryFn: () =>
        get<T>(`${QUALITY}/reports/${report}${queryString({ ...filters, ...since() })}`),
    }),
};

/** The review queue, or a report, as CSV (format=csv) with the filters shown. */
export function qualityCsv(list: 'proposals' | `reports/${QualityReport}`, filters: object) {
  return fetchText(
    `${QUALITY}/${list}${queryString({ ...(filters as Record<string, string>), format: 'csv' })}`,
    'text/csv',
  );
}

/** An IATI activity file sent as it is (application/xml): the proposal it carries, parsed. */
export async function readIatiActivity(xml: string): Promise<IatiImport> {
  return (
    await api<IatiImport>(`${QUALITY}/iati/activities`, {
      method: 'POST',
      body: xml,
      contentType: 'application/xml',
    })
  ).body;
}

export const qualityCommands = {
  submit: (proposal: ProposalDefinition) =>
    post<QualityCommandResult & { version: number }>(`${QUALITY}/proposals`, proposal),
  resubmit: (id: string, proposal: ProposalDefinition, changeNote: string) =>
    post<QualityCommandResult>(`${proposalPath(id)}/resubmit`, { proposal, changeNote }),
  assignReviewers: (id: string, reviewers: string[]) =>
    post<QualityCommandResult>(`${proposalPath(id)}/reviewers`, { reviewers }),
  rate: (id: string, ratings: CriterionRating[]) =>
    post<QualityCommandResult>(`${proposalPath(id)}/ratings`, { ratings }),
  submitReview: (id: string, ratings: CriterionRating[], summary: string) =>
    post<QualityCommandResult>(`${proposalPath(id)}/review`, { ratings, summary }),
  reconcile: (id: string, ratings: CriterionRating[], note: string) =>
    post<QualityCommandResult>(`${proposalPath(id)}/reconciliation`, { ratings, note }),
  decide: (id: string, decision: ReviewDecision, reasons: string[], conditions: string[]) =>
    post<QualityCommandResult>(`${proposalPath(id)}/decision`, { decision, reasons, conditions }),
  withdraw: (id: string, reason: string) =>
    post<QualityCommandResult>(`${proposalPath(id)}/withdraw`, { reason }),
  acceptLinkage: (id: string, toolRef: string, note: string) =>
    post<QualityCommandResult>(
      `${proposalPath(id)}/linkages`,
      note ? { toolRef, note } : { toolRef },
    ),
  dismissLinkage: (id: string, toolRef: string, reason: string) =>
    post<QualityCommandResult>(`${proposalPath(id)}/linkages/dismiss`, { toolRef, reason }),
  publishPolicy: (draft: ReviewPolicyDraft) =>
    post<{ version: number; position: number }>(`${QUALITY}/review-policy`, draft),
};
