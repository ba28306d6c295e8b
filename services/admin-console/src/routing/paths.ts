// The console's URLs, typed: each page's path (with its parameters) and the
// query-string keys that hold its state, so every view is a link that can be
// bookmarked or shared. `href()` builds a link from a route's name (a missing
// parameter or an unknown query key is a type error); `useRouteParams()` and
// `useRouteSearch()` read them back on the page. These paths are the ones
// users have bookmarked: change one only with a redirect from the old one.
import { useCallback, useMemo } from 'react';
import { generatePath, useParams, useSearchParams, type PathParam } from 'react-router';
import { queryString } from '../api/client';

const route = <P extends string, S extends string = never>(path: P, search: readonly S[] = []) => ({
  path,
  search,
});

/** Cursor paging: the cursor of the page shown, and the ones before it (for "Previous"). */
const PAGING = ['cursor', 'trail'] as const;

/** The request list's filters and sort, as the help desk's list query names them. */
export const REQUEST_LIST_FILTERS = [
  'status',
  'priority',
  'kind',
  'region',
  'sla',
  'escalation',
  'assignee',
  'unassigned',
  'sort',
  'from',
  'to',
  'country',
  'theme',
  'origin',
] as const;

export const ROUTES = {
  home: route('/'),
  changePassword: route('/account/password'),
  // Help desk
  queue: route('/help-desk/queue', ['scope', ...REQUEST_LIST_FILTERS, ...PAGING]),
  newRequest: route('/help-desk/requests/new'),
  request: route('/help-desk/requests/:requestId'),
  statistics: route('/help-desk/statistics', ['from', 'to', 'region', 'kind', 'theme']),
  sentMail: route('/help-desk/sent-mail'),
  macros: route('/help-desk/macros'),
  // Knowledge base
  institutions: route('/knowledge-base/institutions', [
    'region',
    'legalType',
    'kind',
    'status',
    'id',
    'reportedFrom',
    'reportedTo',
    'indicator',
    ...PAGING,
  ]),
  institution: route('/knowledge-base/institutions/:institutionId', ['ratio']),
  fileReport: route('/knowledge-base/institutions/:institutionId/reports/new'),
  report: route('/knowledge-base/reports/:reportId', ['filed', 'restated', 'restate']),
  targets: route('/knowledge-base/targets', ['status', 'active', 'institution', ...PAGING]),
  reportImport: route('/knowledge-base/report-imports'),
  gni: route('/knowledge-base/gni', ['country', 'region']),
  library: route('/knowledge-base/library', ['q', 'kind', 'published']),
  newImpactAssessment: route('/knowledge-base/library/impact-assessments/new'),
  newPracticeNote: route('/knowledge-base/library/practice-notes/new'),
  practiceNote: route('/knowledge-base/library/practice-notes/:entryId'),
  impactAssessment: route('/knowledge-base/library/impact-assessments/:entryId'),
  // Reporting
  reportingViews: route('/reporting/views', ['view', 'group', 'measure', 'filter', 'asOf']),
  progressReport: route('/reporting/progress', ['period', 'asOf']),
  // Training
  trainingCourses: route('/training/courses', [
    'kind',
    'status',
    'theme',
    'priorityArea',
    'audience',
    'language',
    ...PAGING,
  ]),
  newCourse: route('/training/courses/new'),
  trainingCourse: route('/training/courses/:courseId'),
  trainingOfferings: route('/training/offerings', [
    'courseId',
    'region',
    'language',
    'courseKind',
    'status',
    'from',
    'to',
    ...PAGING,
  ]),
  newOffering: route('/training/offerings/new', ['course']),
  trainingOffering: route('/training/offerings/:offeringId'),
  trainingStatistics: route('/training/statistics', [
    'region',
    'language',
    'courseKind',
    'from',
    'to',
  ]),
  trainingProgrammes: route('/training/programmes', ['status', 'scopeKind', ...PAGING]),
  launchProgramme: route('/training/programmes/new'),
  trainingProgramme: route('/training/programmes/:programmeId'),
  // Innovation research
  researchPortfolio: route('/research/projects', [
    'theme',
    'deficit',
    'country',
    'design',
    'innovationKind',
    'q',
  ]),
  proposeResearchProject: route('/research/projects/new'),
  researchProject: route('/research/projects/:projectId'),
  researchMilestones: route('/research/milestones', ['from', 'to', 'state', ...PAGING]),
  researchFindings: route('/research/findings', ['q', 'verdict', 'outcome', 'theme', ...PAGING]),
  researchCostBenefit: route('/research/cost-benefit'),
  // Quality monitoring
  qualityQueue: route('/quality/proposals', [
    'status',
    'department',
    'instrument',
    'channel',
    'country',
    'reviewer',
    'q',
    ...PAGING,
  ]),
  submitProposal: route('/quality/proposals/new'),
  qualityProposal: route('/quality/proposals/:proposalId'),
  qualityChanges: route('/quality/proposals/:proposalId/changes', ['from', 'to']),
  qualityLinkageMap: route('/quality/linkage-map'),
  qualityReports: route('/quality/reports', ['from', 'to']),
  qualityPolicy: route('/quality/review-policy', ['version']),
  // Public: a certificate's check, without signing in
  verify: route('/verify'),
  verifyCertificate: route('/verify/:verificationCode'),
  // Public: a requester's page behind the signed link of their mail
  requester: route('/requester/:token'),
  // Operations
  projections: route('/operations/projections'),
  users: route('/operations/users', ['user', 'q']),
  clients: route('/operations/clients', ['client']),
  deadLetters: route('/operations/dead-letters', ['topic', 'status', 'letter', ...PAGING]),
  erasure: route('/operations/erasure'),
};

type Routes = typeof ROUTES;
export type RouteName = keyof Routes;
type PathOf<N extends RouteName> = Routes[N]['path'];
export type SearchKey<N extends RouteName> = Routes[N]['search'][number];
export type RouteParams<N extends RouteName> = { [K in PathParam<PathOf<N>>]: string };
export type RouteSearch<N extends RouteName> = Partial<Record<SearchKey<N>, string | undefined>>;
/** The routes a link can reach without parameters (the navigation's). */
export type PlainRouteName = {
  [N in RouteName]: [PathParam<PathOf<N>>] extends [never] ? N : never;
}[RouteName];
type HrefArgs<N extends RouteName> = N extends PlainRouteName
  ? [search?: RouteSearch<N>]
  : [params: RouteParams<N>, search?: RouteSearch<N>];

/** A link to a page: `href('request', { requestId })`, `href('queue', { scope: 'all' })`. */
export function href<N extends RouteName>(name: N, ...args: HrefArgs<N>): string {
  const { path } = ROUTES[name];
  const plain = !path.includes(':');
  const params = (plain ? {} : args[0]) as Record<string, string>;
  const search = (plain ? args[0] : args[1]) as Record<string, string | undefined> | undefined;
  return generatePath(path, params) + queryString(search ?? {});
}

/** The path parameters of the page shown (decoded). */
export function useRouteParams<N extends RouteName>(_route: N): RouteParams<N> {
  return useParams() as RouteParams<N>;
}

export interface RouteSearchState<N extends RouteName> {
  /** The value of a key, or undefined when absent or empty. */
  get: (key: SearchKey<N>) => string | undefined;
  /** Every key's value (for a filter form). */
  values: RouteSearch<N>;
}

export type UpdateSearch<N extends RouteName> = (
  changes: RouteSearch<N>,
  options?: { replace?: boolean },
) => void;

/**
 * The page's query string as state: `update({ status: 'open', cursor: undefined })`
 * changes the URL (undefined or '' removes a key), pushing a history entry
 * unless `replace`.
 */
export function useRouteSearch<N extends RouteName>(
  name: N,
): [RouteSearchState<N>, UpdateSearch<N>] {
  const [params, setParams] = useSearchParams();
  const state = useMemo<RouteSearchState<N>>(() => {
    const values: Record<string, string> = {};
    for (const key of ROUTES[name].search as readonly string[]) {
      const value = params.get(key);
      if (value) values[key] = value;
    }
    return { get: (key) => values[key], values: values as RouteSearch<N> };
  }, [name, params]);
  const update = useCallback<UpdateSearch<N>>(
    (changes, options) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value as string);
          }
          return next;
        },
        { replace: options?.replace },
      ),
    [setParams],
  );
  return [state, update];
}
