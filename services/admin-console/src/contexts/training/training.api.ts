// The training context's HTTP API (/api/training) as the console uses it: its
// queries, keyed under 'training' (a command invalidates them all), and its
// commands. Reference data, the shapes of a course definition, an offering's
// plan and a participant, the lifecycles (which command each status allows)
// and the shapes its queries answer (course and offering entries and details,
// the certificate check, the statistics, the programmes) are @sfp/contracts, which the
// training service declares its answers by too.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CertificateCheck,
  CourseDefinition,
  CourseDetail,
  CourseEntry,
  EvaluationRating,
  OfferingDetail,
  OfferingEntry,
  OfferingPlan,
  NewProgramme,
  Participant,
  ProgrammeProgress,
  ProgrammeTarget,
  ToolLinkedProposals,
  TrainingStatisticsAnswer,
} from '@sfp/contracts';
import { api, get, post, queryString } from '../../api/client';
import { contextApi, PAGE_SIZE } from '../../api/context-api';
import type { Page } from '../../api/types';

const { base: TRAINING, key: TRAINING_KEY, since } = contextApi('training');
export { TRAINING_KEY };

/** What every command on a record answers. */
export interface CommandResult {
  streamVersion: number;
  position: number;
  changed: boolean;
}

export interface EnrolmentResult extends CommandResult {
  enrolmentId: string;
  status: 'enrolled' | 'waitlisted' | 'awaiting-approval';
  waitlistPosition?: number;
}

export type CourseFilters = Partial<
  Record<'kind' | 'status' | 'theme' | 'priorityArea' | 'audience' | 'language', string>
>;
export type OfferingFilters = Partial<
  Record<
    'courseId' | 'region' | 'language' | 'courseKind' | 'status' | 'country' | 'from' | 'to',
    string
  >
>;

export type StatisticsFilters = Partial<
  Record<'region' | 'language' | 'courseKind' | 'from' | 'to', string>
>;

/** A participant as the enrolment form sends it (the API derives the pseudonymous id). */
export type NewParticipant = Omit<Participant, 'personId'>;

const coursePath = (id: string) => `${TRAINING}/courses/${encodeURIComponent(id)}`;
const offeringPath = (id: string) => `${TRAINING}/offerings/${encodeURIComponent(id)}`;
const enrolmentPath = (offeringId: string, enrolmentId: string) =>
  `${offeringPath(offeringId)}/enrolments/${encodeURIComponent(enrolmentId)}`;
const key = (...parts: unknown[]) => [...TRAINING_KEY, ...parts];

export const trainingQueries = {
  courses: (filters: CourseFilters, cursor: string | undefined) =>
    queryOptions({
      queryKey: key('courses', filters, cursor),
      queryFn: () =>
        get<Page<CourseEntry>>(
          `${TRAINING}/courses${queryString({ ...filters, cursor, limit: PAGE_SIZE, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
  /** Published courses (to plan an offering of one). */
  publishedCourses: () =>
    queryOptions({
      queryKey: key('courses', 'published'),
      queryFn: () =>
        get<Page<CourseEntry>>(
          `${TRAINING}/courses${queryString({ status: 'published', limit: 100, ...since() })}`,
        ),
    }),
  course: (id: string) =>
    queryOptions({ queryKey: key('course', id), queryFn: () => get<CourseDetail>(coursePath(id)) }),
  /** The quality-monitoring proposals linked to a course. */
  courseLinkedProposals: (id: string) =>
    queryOptions({
      queryKey: key('course', id, 'linked-proposals'),
      queryFn: () => get<ToolLinkedProposals>(`${coursePath(id)}/linked-proposals`),
    }),
  offerings: (filters: OfferingFilters, cursor: string | undefined) =>
    queryOptions({
      queryKey: key('offerings', filters, cursor),
      queryFn: () =>
        get<Page<OfferingEntry>>(
          `${TRAINING}/offerings${queryString({ ...filters, cursor, limit: PAGE_SIZE, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
  offering: (id: string) =>
    queryOptions({
      queryKey: key('offering', id),
      queryFn: () => get<OfferingDetail>(offeringPath(id)),
    }),
  /** The public check: asked without credentials, so it reads the same signed in or not. */
  certificate: (verificationCode: string) =>
    queryOptions({
      queryKey: key('certificate', verificationCode),
      queryFn: async () =>
        (
          await api<CertificateCheck>(
            `${TRAINING}/certificates/${encodeURIComponent(verificationCode)}`,
            { anonymous: true },
          )
        ).body,
    }),
  statistics: (filters: StatisticsFilters) =>
    queryOptions({
      queryKey: key('statistics', filters),
      queryFn: () =>
        get<TrainingStatisticsAnswer>(
          `${TRAINING}/statistics${queryString({ ...filters, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
};

/** Commands on an existing record send the version the page shows (If-Match): a stale one is refused. */
export const trainingCommands = {
  createCourse: (course: CourseDefinition) =>
    post<CommandResult & { courseId: string }>(`${TRAINING}/courses`, { course }),
  reviseCourse: (id: string, course: CourseDefinition, reason: string, ifMatch?: number) =>
    post<CommandResult>(`${coursePath(id)}/revisions`, { course, reason }, ifMatch),
  publishCourse: (id: string, ifMatch?: number) =>
    post<CommandResult>(`${coursePath(id)}/publish`, {}, ifMatch),
  retireCourse: (id: string, reason: string, ifMatch?: number) =>
    post<CommandResult>(`${coursePath(id)}/retire`, { reason }, ifMatch),
  planOffering: (courseId: string, plan: OfferingPlan) =>
    post<CommandResult & { offeringId: string }>(`${TRAINING}/offerings`, { courseId, plan }),
  openOffering: (id: string, ifMatch?: number) =>
    post<CommandResult>(`${offeringPath(id)}/open`, {}, ifMatch),
  changeCapacity: (id: string, capacity: number | undefined, ifMatch?: number) =>
    post<CommandResult>(`${offeringPath(id)}/capacity`, { capacity }, ifMatch),
  enrol: (id: string, participant: NewParticipant, supervisor: string | undefined) =>
    post<EnrolmentResult>(`${offeringPath(id)}/enrolments`, {
      participant,
      ...(supervisor ? { supervisor } : {}),
    }),
  approve: (id: string, enrolmentId: string, ifMatch?: number) =>
    post<CommandResult>(`${enrolmentPath(id, enrolmentId)}/approve`, {}, ifMatch),
  decline: (id: string, enrolmentId: string, reason: string, ifMatch?: number) =>
    post<CommandResult>(`${enrolmentPath(id, enrolmentId)}/decline`, { reason }, ifMatch),
  withdraw: (id: string, enrolmentId: string, reason: string, ifMatch?: number) =>
    post<CommandResult>(`${enrolmentPath(id, enrolmentId)}/withdraw`, { reason }, ifMatch),
  start: (id: string, ifMatch?: number) =>
    post<CommandResult>(`${offeringPath(id)}/start`, {}, ifMatch),
  recordAttendance: (id: string, day: string, present: string[], ifMatch?: number) =>
    post<CommandResult>(`${offeringPath(id)}/attendance`, { day, present }, ifMatch),
  recordScores: (
    id: string,
    scores: { enrolmentId: string; preTest?: number; postTest?: number },
    ifMatch?: number,
  ) => post<CommandResult>(`${offeringPath(id)}/scores`, scores, ifMatch),
  complete: (id: string, ifMatch?: number) =>
    post<CommandResult>(`${offeringPath(id)}/complete`, {}, ifMatch),
  cancel: (id: string, reason: string, ifMatch?: number) =>
    post<CommandResult>(`${offeringPath(id)}/cancel`, { reason }, ifMatch),
  revokeCertificate: (id: string, certificateId: string, reason: string, ifMatch?: number) =>
    post<CommandResult>(
      `${offeringPath(id)}/certificates/${encodeURIComponent(certificateId)}/revoke`,
      { reason },
      ifMatch,
    ),
  submitEvaluation: (
    id: string,
    evaluation: { enrolmentId: string; ratings: EvaluationRating[]; comment?: string },
  ) => post<CommandResult>(`${offeringPath(id)}/evaluations`, evaluation),
};

// Capacity-building programmes (/api/training/programmes).

export type ProgrammeFilters = Partial<Record<'status' | 'scopeKind', string>>;

const programmePath = (id: string) => `${TRAINING}/programmes/${encodeURIComponent(id)}`;

/**
 * The programme's read waits, through the list (which takes minPosition), for
 * this tab's last write to training: a programme just launched, targets just
 * set, read back as written.
 */
async function readProgramme(id: string): Promise<ProgrammeProgress> {
  const { minPosition } = since();
  if (minPosition !== undefined)
    await get(`${TRAINING}/programmes${queryString({ minPosition, limit: 1 })}`);
  return get<ProgrammeProgress>(programmePath(id));
}

export const programmeQueries = {
  programmes: (filters: ProgrammeFilters, cursor: string | undefined) =>
    queryOptions({
      queryKey: key('programmes', filters, cursor),
      queryFn: () =>
        get<Page<ProgrammeProgress>>(
          `${TRAINING}/programmes${queryString({ ...filters, cursor, limit: PAGE_SIZE, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
  programme: (id: string) =>
    queryOptions({ queryKey: key('programme', id), queryFn: () => readProgramme(id) }),
  /** The quality-monitoring proposals linked to a programme. */
  programmeLinkedProposals: (id: string) =>
    queryOptions({
      queryKey: key('programme', id, 'linked-proposals'),
      queryFn: () => get<ToolLinkedProposals>(`${programmePath(id)}/linked-proposals`),
    }),
  /** The calendar's offerings in a programme's period (to add one to it). */
  offeringsBetween: (from: string, to: string) =>
    queryOptions({
      queryKey: key('offerings', 'between', from, to),
      queryFn: () =>
        get<Page<OfferingEntry>>(
          `${TRAINING}/offerings${queryString({ from, to, limit: 100, ...since() })}`,
        ),
    }),
};

/** A programme's read answers no version: its commands go without If-Match. */
export const programmeCommands = {
  launch: (programme: NewProgramme) =>
    post<CommandResult & { programmeId: string }>(`${TRAINING}/programmes`, programme),
  setTargets: (id: string, targets: ProgrammeTarget[]) =>
    post<CommandResult>(`${programmePath(id)}/targets`, { targets }),
  addOffering: (id: string, offeringId: string) =>
    post<CommandResult>(`${programmePath(id)}/offerings`, { offeringId }),
  close: (id: string, reason: string) =>
    post<CommandResult>(`${programmePath(id)}/close`, { reason }),
};
