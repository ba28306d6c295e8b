// The knowledge base's HTTP API (/api/knowledge-base) as the console uses it:
// its queries, keyed under 'knowledge-base' (a command invalidates them all),
// and its commands. Reference data, indicators, the figures of a report and
// the status changes an institution's status allows are @sfp/contracts, and
// so are the shapes the knowledge base declares for its own records (an
// institution's details, a library entry, a GNI row). The other answers'
// shapes are declared here, as the API documents them (/api/docs-json).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  INSTITUTION_STATUS_CHANGE_ACTIONS,
  type AssessmentStatus,
  type Comparator,
  type Design,
  type Finding,
  type Indicator,
  type GniRow,
  type InstitutionDetails,
  type InstitutionStatus,
  type InstitutionStatusChange,
  type LegalType,
  type LibraryEntrySummary,
  type LibraryKind,
  type LibraryTheme,
  type Outcome,
  type PracticeKind,
  type Region,
  type TargetScopeKind,
  type TargetStatus,
  type HistoryEntry,
  type ToolLinkedProposals,
} from '@sfp/contracts';
import { api, currentSession, get, post, queryString } from '../../api/client';
import { contextApi, PAGE_SIZE } from '../../api/context-api';
import type { Page } from '../../api/types';

const { base: KB, key: KNOWLEDGE_BASE_KEY, since } = contextApi('knowledge-base');
export { KNOWLEDGE_BASE_KEY };

export type { GniRow, LibraryKind } from '@sfp/contracts';

export interface Institution extends InstitutionDetails {
  institutionId: string;
  status: InstitutionStatus;
  registeredAt: string;
  reports?: number;
  targetsOffTrack?: number;
  latestPeriodEnd?: string;
  /** In the list: the latest report (its ratios). */
  latest?: SeriesPoint;
}

/** A ratio of a report: its value, or why it cannot be computed. */
export interface Ratio {
  value: number | null;
  reason?: string;
}

export interface Target {
  targetId: string;
  indicator: Indicator;
  comparator: Comparator;
  threshold: number;
  tolerance: number;
  dueDate: string;
  status: TargetStatus;
  active: boolean;
  value?: number | null;
  description?: string;
  scopeKind?: TargetScopeKind;
  institutionId?: string;
  programme?: string;
  statusChangedAt?: string;
}

/** One report (its version that counts) in an institution's series. */
export interface SeriesPoint {
  reportId: string;
  period: { start: string; end: string };
  year: number;
  version: number;
  currency: string;
  restated: boolean;
  ratios: Partial<Record<Indicator, Ratio>>;
}

export interface Profile extends Institution {
  series: SeriesPoint[];
  targets: Target[];
}

/** The peers of a region and legal type in a year: medians of each ratio. */
export interface BenchmarkGroup {
  region: Region;
  legalType: LegalType;
  year: number;
  institutions: number;
  ratios: Partial<Record<Indicator, { count: number; median?: number }>>;
}

export interface ReportVersion {
  reportId: string;
  institutionId: string;
  version: number;
  period: { start: string; end: string };
  year: number;
  currency: string;
  fx: { periodAverage: number; periodEnd: number };
  inputs: Record<string, unknown>;
  ratios: Partial<Record<Indicator, Ratio>>;
  gniPerCapitaUsd?: number;
  institution?: { name: string };
  filedBy?: string;
  filedAt?: string;
  reason?: string;
}

export interface PerformanceReport {
  version: number;
  current: ReportVersion;
  versions: ReportVersion[];
  history: HistoryEntry[];
}

/** Where a library entry comes from when research made it: the project, the version, the link back. */
export interface LibrarySource {
  context: 'innovation-research';
  projectId: string;
  publicationVersion: number;
  /** The project's page in the console. */
  url: string;
}

/** A practice note or an impact assessment as last revised (its fields the entry page shows). */
export interface LibraryEntryDetail {
  kind: LibraryKind;
  streamVersion: number;
  current: {
    title: string;
    summary: string;
    body?: string;
    practiceKind?: string;
    country?: string;
    status?: string;
    investigators?: string[];
    design?: { method: string };
    sample?: { planned?: number; achieved?: number };
    outcomes?: Array<{ outcome: string; estimator: string; effectSize?: number; finding: string }>;
    institutionIds?: string[];
    themes: string[];
    tags: string[];
    source?: LibrarySource;
  };
}

/** An entry found by words (score 0 when listed without words). */
export interface LibraryEntry extends LibraryEntrySummary {
  score: number;
  revision?: number;
  country?: string;
  source?: LibrarySource;
}

export type NewInstitution = InstitutionDetails;

export interface NewTarget {
  scope: TargetScopeKind;
  institutionId?: string;
  programme?: string;
  indicator: Indicator;
  comparator: Comparator;
  threshold?: number;
  tolerance?: number;
  dueDate: string;
  description?: string;
}

/** A report's figures as the form gives them: the API names what is missing or does not add up. */
export type ReportBody = Record<string, unknown>;

export interface NewImpactAssessment {
  title: string;
  summary: string;
  themes: LibraryTheme[];
  tags: string[];
  investigators: string[];
  country: string;
  status: AssessmentStatus;
  design: { method: Design; unitOfRandomisation?: string; clusters?: number };
  sample: { planned?: number; achieved?: number };
  surveyRounds: [];
  outcomes: Array<{ outcome: Outcome; estimator: string; effectSize?: number; finding: Finding }>;
  links: [];
}

export interface NewPracticeNote {
  title: string;
  summary: string;
  practiceKind: PracticeKind;
  themes: LibraryTheme[];
  tags: string[];
  body?: string;
  institutionIds: string[];
  assessmentIds: string[];
}

export type InstitutionFilters = Partial<
  Record<
    'region' | 'legalType' | 'kind' | 'status' | 'id' | 'reportedFrom' | 'reportedTo',
    string | undefined
  >
>;

/** A refused cell of an import (column empty: the whole row), the row as the spreadsheet numbers it. */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** What an import did (also the `details` of its 422 when nothing was filed). */
export interface ReportImportResult {
  rows: number;
  validRowsOnly: boolean;
  imported: Array<{
    row: number;
    reportId: string;
    institutionId: string;
    period: { start: string; end: string };
  }>;
  errors: ImportRowError[];
}

export type ImportFormat = 'csv' | 'xlsx';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads the import template (a binary file for XLSX: fetched as a blob, with the session's token). */
export async function downloadImportTemplate(format: ImportFormat): Promise<void> {
  const token = currentSession()?.accessToken;
  const response = await fetch(
    `${KB}/performance-report-imports/template${queryString({ format })}`,
    { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' },
  );
  if (!response.ok) throw new Error(`The template could not be downloaded (${response.status})`);
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `performance-reports-template.${format}`;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

const institutionPath = (id: string) => `${KB}/institutions/${encodeURIComponent(id)}`;
const reportPath = (id: string) => `${KB}/performance-reports/${encodeURIComponent(id)}`;
const entryPath = (kind: LibraryKind, id: string) =>
  `${KB}/${kind === 'impact-assessment' ? 'impact-assessments' : 'practice-notes'}/${encodeURIComponent(id)}`;
const key = (...parts: unknown[]) => [...KNOWLEDGE_BASE_KEY, ...parts];

export const knowledgeBaseQueries = {
  institutions: (filters: InstitutionFilters, cursor: string | undefined) =>
    queryOptions({
      queryKey: key('institutions', filters, cursor),
      queryFn: () => {
        // `id` holds several ids, comma-separated: the API takes the parameter repeated.
        const { id, ...rest } = filters;
        const ids = (id ?? '').split(',').filter(Boolean);
        const more = ids.map((one) => `&id=${encodeURIComponent(one)}`).join('');
        return get<Page<Institution>>(
          `${KB}/institutions${queryString({ ...rest, cursor, limit: PAGE_SIZE, ...since() })}${more}`,
        );
      },
      placeholderData: keepPreviousData,
    }),
  institution: (id: string) =>
    queryOptions({
      queryKey: key('institution', id),
      queryFn: () => get<Institution>(institutionPath(id)),
    }),
  profile: (id: string) =>
    queryOptions({
      queryKey: key('institution', id, 'profile'),
      queryFn: () => get<Profile>(`${institutionPath(id)}/profile${queryString(since())}`),
    }),
  benchmarks: (region: Region, legalType: LegalType) =>
    queryOptions({
      queryKey: key('benchmarks', region, legalType),
      queryFn: () =>
        get<{ groups: BenchmarkGroup[] }>(
          `${KB}/benchmarks${queryString({ region, legalType, ...since() })}`,
        ),
    }),
  report: (reportId: string) =>
    queryOptions({
      queryKey: key('report', reportId),
      queryFn: () => get<PerformanceReport>(reportPath(reportId)),
    }),
  targets: (status: string | undefined, active: string | undefined, cursor: string | undefined) =>
    queryOptions({
      queryKey: key('targets', status, active, cursor),
      queryFn: () =>
        get<Page<Target>>(
          `${KB}/targets${queryString({ status, active, cursor, limit: PAGE_SIZE, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
  /** Entries matching words (both kinds, or one); with no words, the latest of one kind. */
  library: (words: string, kind: LibraryKind | undefined) =>
    queryOptions({
      queryKey: key('library', words, kind),
      queryFn: () => (words.trim() ? searchLibrary(words, kind) : latestEntries(kind)),
    }),
  /** The entries about an institution: assessments of it as a partner, notes that name it. */
  institutionLibrary: (institutionId: string) =>
    queryOptions({
      queryKey: key('institution', institutionId, 'library'),
      queryFn: async () => {
        const [assessments, notes] = await Promise.all(
          (['impact-assessment', 'practice-note'] as const).map((kind) =>
            listedEntries(kind, { institutionId }),
          ),
        );
        return { assessments: assessments ?? [], notes: notes ?? [] };
      },
    }),
  /** A practice note or an impact assessment as last revised. */
  entry: (kind: LibraryKind, id: string) =>
    queryOptions({
      queryKey: key('library', kind, id),
      queryFn: () => get<LibraryEntryDetail>(entryPath(kind, id)),
    }),
  /** The quality-monitoring proposals linked to a practice note or an impact assessment. */
  entryLinkedProposals: (kind: LibraryKind, id: string) =>
    queryOptions({
      queryKey: key('library', kind, id, 'linked-proposals'),
      queryFn: () => get<ToolLinkedProposals>(`${entryPath(kind, id)}/linked-proposals`),
    }),
  gni: (country: string | undefined) =>
    queryOptions({
      queryKey: key('gni', country),
      queryFn: () =>
        get<{ items: GniRow[] }>(
          `${KB}/reference/gni-per-capita${queryString({ country, ...since() })}`,
        ),
    }),
};

function searchLibrary(words: string, kind: LibraryKind | undefined) {
  return get<{ items: LibraryEntry[] }>(
    `${KB}/search${queryString({ q: words, kind, ...since() })}`,
  );
}

async function latestEntries(kind: LibraryKind | undefined): Promise<{ items: LibraryEntry[] }> {
  return { items: await listedEntries(kind ?? 'practice-note', {}) };
}

/** A page of one kind of entry, latest first (score 0: listed, not found by words). */
async function listedEntries(
  kind: LibraryKind,
  filters: { institutionId?: string },
): Promise<LibraryEntry[]> {
  const page = await get<{ items: Array<Record<string, unknown>> }>(
    `${KB}/${kind === 'impact-assessment' ? 'impact-assessments' : 'practice-notes'}${queryString({ limit: PAGE_SIZE, ...filters, ...since() })}`,
  );
  return page.items.map((item) => ({
    score: 0,
    kind,
    entryId: String(item.entryId ?? item.id ?? ''),
    title: String(item.title ?? ''),
    summary: String(item.summary ?? ''),
    tags: (item.tags as string[] | undefined) ?? [],
    themes: (item.themes as string[] | undefined) ?? [],
    recordedAt: String(item.recordedAt ?? ''),
    ...(typeof item.revision === 'number' ? { revision: item.revision } : {}),
    ...(typeof item.country === 'string' ? { country: item.country } : {}),
    ...(item.source ? { source: item.source as LibrarySource } : {}),
  }));
}

export const knowledgeBaseCommands = {
  registerInstitution: (institution: NewInstitution) =>
    post<{ id: string; streamVersion: number }>(`${KB}/institutions`, institution),
  /** A status change its status allows (@sfp/contracts), with a reason where one is asked. */
  changeStatus: (
    institutionId: string,
    change: InstitutionStatusChange,
    body: { reason?: string },
    ifMatch?: number,
  ) =>
    post(
      `${institutionPath(institutionId)}/${INSTITUTION_STATUS_CHANGE_ACTIONS[change]}`,
      body,
      ifMatch,
    ),
  setTarget: (target: NewTarget) => post(`${KB}/targets`, target),
  /** Withdraws a target, with the reason (it stays listed among the withdrawn). */
  withdrawTarget: (targetId: string, reason: string) =>
    post(`${KB}/targets/${encodeURIComponent(targetId)}/withdraw`, { reason }),
  /**
   * Imports reports from a CSV or XLSX file in the template; with an invalid
   * row nothing is filed (an ApiError 422 whose `details` is the result)
   * unless `validRowsOnly`.
   */
  importReports: async (file: File, validRowsOnly: boolean) =>
    (
      await api<ReportImportResult>(
        `${KB}/performance-report-imports${queryString({ validRowsOnly: validRowsOnly ? 'true' : undefined })}`,
        {
          method: 'POST',
          body: file,
          contentType: /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv',
        },
      )
    ).body,
  fileReport: (institutionId: string, report: ReportBody) =>
    post<{ id: string }>(`${institutionPath(institutionId)}/performance-reports`, report),
  /** A new version of the report, refused (409) unless `ifMatch` is still its version. */
  restateReport: (reportId: string, report: ReportBody, ifMatch: number | undefined) =>
    post(`${reportPath(reportId)}/restatements`, report, ifMatch),
  recordImpactAssessment: (assessment: NewImpactAssessment) =>
    post(`${KB}/impact-assessments`, assessment),
  publishPracticeNote: (note: NewPracticeNote) => post(`${KB}/practice-notes`, note),
  /** Adds or corrects GNI per capita values; a value for the same country and year replaces the one before. */
  recordGni: (values: {
    entries: Array<{ country: string; year?: number; usd?: number }>;
    source: string;
  }) => post(`${KB}/reference/gni-per-capita`, values),
};
