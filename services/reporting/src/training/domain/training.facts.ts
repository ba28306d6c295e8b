import { TRAINING_EVENT_TYPES as T } from './training.public-events';

/** The part of a public event the folds read. */
export interface TrainingEvent {
  type: string;
  data: Record<string, unknown>;
}

type Data = Record<string, unknown>;

const str = (d: Data, field: string): string => String(d[field]);
const optionalStr = (d: Data, field: string): string | null =>
  typeof d[field] === 'string' ? (d[field] as string) : null;
const optionalNum = (d: Data, field: string): number | null =>
  typeof d[field] === 'number' ? (d[field] as number) : null;
const obj = (d: Data, field: string): Data => (d[field] ?? {}) as Data;

/** The satisfaction questionnaire's item reported as satisfaction (1–5). */
export const SATISFACTION_ITEM = 'overall-satisfaction';

// ---------------------------------------------------------------------------
// Courses

/** One course, as its latest revision describes it. */
export interface CourseFacts {
  courseId: string;
  code: string;
  title: string;
  /** brief, regional-course, turin-course, e-learning, workshop. */
  kind: string;
  /** staff and/or constituent groups. */
  audiences: string[];
  revision: number;
  /** draft, published, retired. */
  status: string;
  createdAt: string;
  publishedAt: string | null;
  retiredAt: string | null;
}

export function evolveCourseFacts(
  current: CourseFacts | undefined,
  event: TrainingEvent,
): CourseFacts | undefined {
  const d = event.data;
  if (event.type === T.courseCreated) {
    const course = obj(d, 'course');
    return {
      courseId: str(d, 'courseId'),
      code: str(course, 'code'),
      title: str(course, 'title'),
      kind: str(course, 'kind'),
      audiences: [...(course['audiences'] as string[])],
      revision: Number(d['revision']),
      status: 'draft',
      createdAt: str(d, 'createdAt'),
      publishedAt: null,
      retiredAt: null,
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case T.courseRevised: {
      const course = obj(d, 'course');
      return {
        ...current,
        code: str(course, 'code'),
        title: str(course, 'title'),
        kind: str(course, 'kind'),
        audiences: [...(course['audiences'] as string[])],
        revision: Number(d['revision']),
      };
    }
    case T.coursePublished:
      return {
        ...current,
        status: 'published',
        revision: Number(d['revision']),
        publishedAt: current.publishedAt ?? str(d, 'publishedAt'),
      };
    case T.courseRetired:
      return { ...current, status: 'retired', retiredAt: str(d, 'retiredAt') };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// Offerings

/** One offering of a course: where, when, for how many, how it ended, how participants rated it. */
export interface OfferingFacts {
  offeringId: string;
  courseId: string;
  courseRevision: number;
  courseCode: string;
  courseTitle: string;
  region: string;
  country: string;
  language: string;
  deliveryMode: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  /** planned, open, full, running, completed, cancelled. */
  status: string;
  plannedAt: string;
  openedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  participantsCompleted: number;
  participantsFailed: number;
  certificatesIssued: number;
  certificatesRevoked: number;
  evaluationsSubmitted: number;
  /** Answers to the overall satisfaction item (1–5), their sum and their mean. */
  satisfactionResponses: number;
  satisfactionTotal: number;
  satisfactionMean: number | null;
}

export function evolveOfferingFacts(
  current: OfferingFacts | undefined,
  event: TrainingEvent,
): OfferingFacts | undefined {
  const d = event.data;
  if (event.type === T.offeringPlanned) {
    return {
      offeringId: str(d, 'offeringId'),
      courseId: str(d, 'courseId'),
      courseRevision: Number(d['courseRevision']),
      courseCode: str(d, 'courseCode'),
      courseTitle: str(d, 'courseTitle'),
      region: str(d, 'region'),
      country: str(d, 'country'),
      language: str(d, 'language'),
      deliveryMode: str(obj(d, 'delivery'), 'mode'),
      startsOn: str(obj(d, 'schedule'), 'startsOn'),
      endsOn: str(obj(d, 'schedule'), 'endsOn'),
      capacity: Number(d['capacity']),
      status: 'planned',
      plannedAt: str(d, 'plannedAt'),
      openedAt: null,
      startedAt: null,
      completedAt: null,
      cancelledAt: null,
      participantsCompleted: 0,
      participantsFailed: 0,
      certificatesIssued: 0,
      certificatesRevoked: 0,
      evaluationsSubmitted: 0,
      satisfactionResponses: 0,
      satisfactionTotal: 0,
      satisfactionMean: null,
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case T.offeringOpened:
      return { ...current, status: 'open', openedAt: current.openedAt ?? str(d, 'openedAt') };
    case T.capacityChanged:
      return { ...current, capacity: Number(d['capacity']) };
    case T.offeringFilled:
      return { ...current, status: 'full' };
    case T.seatFreed:
      return { ...current, status: 'open' };
    case T.offeringStarted:
      return { ...current, status: 'running', startedAt: str(d, 'startedAt') };
    case T.offeringCompleted:
      return {
        ...current,
        status: 'completed',
        completedAt: str(d, 'completedAt'),
        participantsCompleted: Number(d['completed']),
        participantsFailed: Number(d['failed']),
      };
    case T.offeringCancelled:
      return { ...current, status: 'cancelled', cancelledAt: str(d, 'cancelledAt') };
    case T.certificateIssued:
      return { ...current, certificatesIssued: current.certificatesIssued + 1 };
    case T.certificateRevoked:
      return { ...current, certificatesRevoked: current.certificatesRevoked + 1 };
    case T.evaluationSubmitted: {
      const ratings = d['ratings'] as Array<{ item: string; score: number }>;
      const overall = ratings.find((r) => r.item === SATISFACTION_ITEM);
      const responses = current.satisfactionResponses + (overall ? 1 : 0);
      const total = current.satisfactionTotal + (overall ? overall.score : 0);
      return {
        ...current,
        evaluationsSubmitted: current.evaluationsSubmitted + 1,
        satisfactionResponses: responses,
        satisfactionTotal: total,
        satisfactionMean: responses === 0 ? null : Math.round((total / responses) * 100) / 100,
      };
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// Participations

/**
 * One enrolment in an offering, without personal data: the pseudonymous
 * personId (to count people once), sex, staff or constituent group, country,
 * what became of the enrolment, the test scores.
 */
export interface ParticipationFacts {
  enrolmentId: string;
  offeringId: string;
  personId: string;
  sex: string;
  staff: boolean;
  /** null for the organisation's staff. */
  constituentGroup: string | null;
  /** The participant's country (ISO 3166-1 alpha-2). */
  country: string;
  /** awaiting-approval, enrolled, waitlisted, declined, withdrawn, completed, failed. */
  status: string;
  /** completed or failed, once the result is recorded. */
  result: string | null;
  attendancePercent: number | null;
  preTest: number | null;
  postTest: number | null;
  /** Post-test minus pre-test score, in points, when both are known. */
  knowledgeGain: number | null;
  certified: boolean;
  requestedAt: string;
  enrolledAt: string | null;
  resultAt: string | null;
  withdrawnAt: string | null;
  lastEventAt: string;
}

function withScores(current: ParticipationFacts, d: Data): ParticipationFacts {
  const preTest = optionalNum(d, 'preTest') ?? current.preTest;
  const postTest = optionalNum(d, 'postTest') ?? current.postTest;
  return {
    ...current,
    preTest,
    postTest,
    knowledgeGain: preTest !== null && postTest !== null ? postTest - preTest : null,
  };
}

function requested(d: Data, status: string, at: string): ParticipationFacts {
  const participant = obj(d, 'participant');
  return {
    enrolmentId: str(d, 'enrolmentId'),
    offeringId: str(d, 'offeringId'),
    personId: str(participant, 'personId'),
    sex: str(participant, 'sex'),
    staff: participant['staff'] === true,
    constituentGroup: optionalStr(participant, 'constituentGroup'),
    country: str(participant, 'country'),
    status,
    result: null,
    attendancePercent: null,
    preTest: null,
    postTest: null,
    knowledgeGain: null,
    certified: false,
    requestedAt: at,
    enrolledAt: status === 'enrolled' ? at : null,
    resultAt: null,
    withdrawnAt: null,
    lastEventAt: at,
  };
}

export function evolveParticipationFacts(
  current: ParticipationFacts | undefined,
  event: TrainingEvent,
): ParticipationFacts | undefined {
  const d = event.data;
  switch (event.type) {
    case T.participantEnrolled:
      return requested(d, 'enrolled', str(d, 'enrolledAt'));
    case T.participantWaitlisted:
      return requested(d, 'waitlisted', str(d, 'waitlistedAt'));
    case T.awaitingApproval:
      return requested(d, 'awaiting-approval', str(d, 'requestedAt'));
  }
  if (!current) return undefined;
  switch (event.type) {
    case T.enrolmentApproved: {
      const at = str(d, 'approvedAt');
      const seat = str(d, 'seat');
      return {
        ...current,
        status: seat,
        enrolledAt: seat === 'enrolled' ? at : current.enrolledAt,
        lastEventAt: at,
      };
    }
    case T.waitlistPromoted: {
      const at = str(d, 'promotedAt');
      return { ...current, status: 'enrolled', enrolledAt: at, lastEventAt: at };
    }
    case T.enrolmentDeclined:
      return { ...current, status: 'declined', lastEventAt: str(d, 'declinedAt') };
    case T.enrolmentWithdrawn: {
      const at = str(d, 'withdrawnAt');
      return { ...current, status: 'withdrawn', withdrawnAt: at, lastEventAt: at };
    }
    case T.testScoresRecorded:
      return { ...withScores(current, d), lastEventAt: str(d, 'recordedAt') };
    case T.participantCompleted:
    case T.participantFailed: {
      const completed = event.type === T.participantCompleted;
      const at = str(d, completed ? 'completedAt' : 'failedAt');
      const result = completed ? 'completed' : 'failed';
      return {
        ...withScores(current, d),
        status: result,
        result,
        attendancePercent: Number(d['attendancePercent']),
        resultAt: at,
        lastEventAt: at,
      };
    }
    case T.certificateIssued:
      return { ...current, certified: true, lastEventAt: str(d, 'issuedAt') };
    default:
      return undefined;
  }
}
