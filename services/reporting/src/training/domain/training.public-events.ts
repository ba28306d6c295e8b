import { payloadShapeProblems, type PayloadShapes } from '../../consumption/payload-shape';
import type { ShapeProblem } from '../../registry/reporting-plugin';

/**
 * The training context's public events as reporting reads them (see
 * services/training, course and offering events): type names and the payload
 * fields reporting uses. Reporting does not import the training service's
 * code; a payload that lacks these fields is refused at consumption (dead
 * letter), so the views can rely on them. Personal data (a participant's name
 * and e-mail) is never read: the counts use the pseudonymous personId, sex,
 * constituent group, staff flag and country.
 */
export const TRAINING_SOURCE = 'training';

export const TRAINING_EVENT_TYPES = {
  courseCreated: 'training.CourseCreated',
  courseRevised: 'training.CourseRevised',
  coursePublished: 'training.CoursePublished',
  courseRetired: 'training.CourseRetired',
  offeringPlanned: 'training.OfferingPlanned',
  offeringOpened: 'training.OfferingOpenedForEnrolment',
  capacityChanged: 'training.OfferingCapacityChanged',
  offeringFilled: 'training.OfferingFilled',
  seatFreed: 'training.OfferingSeatFreed',
  participantEnrolled: 'training.ParticipantEnrolled',
  participantWaitlisted: 'training.ParticipantWaitlisted',
  awaitingApproval: 'training.EnrolmentAwaitingApproval',
  enrolmentApproved: 'training.EnrolmentApproved',
  enrolmentDeclined: 'training.EnrolmentDeclined',
  enrolmentWithdrawn: 'training.EnrolmentWithdrawn',
  waitlistPromoted: 'training.WaitlistedParticipantPromoted',
  offeringStarted: 'training.OfferingStarted',
  testScoresRecorded: 'training.TestScoresRecorded',
  participantCompleted: 'training.ParticipantCompleted',
  participantFailed: 'training.ParticipantFailed',
  certificateIssued: 'training.CertificateIssued',
  certificateRevoked: 'training.CertificateRevoked',
  offeringCompleted: 'training.OfferingCompleted',
  offeringCancelled: 'training.OfferingCancelled',
  evaluationSubmitted: 'training.EvaluationSubmitted',
  programmeLaunched: 'training.ProgrammeLaunched',
  programmeTargetsSet: 'training.ProgrammeTargetsSet',
  offeringAddedToProgramme: 'training.OfferingAddedToProgramme',
  programmeClosed: 'training.ProgrammeClosed',
} as const;

const T = TRAINING_EVENT_TYPES;

const ENROLMENT = { offeringId: 'string', enrolmentId: 'string' } as const;

/** The top-level fields reporting reads from each event's data, and their shape. */
const SHAPES: PayloadShapes = {
  [T.courseCreated]: {
    courseId: 'string',
    revision: 'number',
    course: 'object',
    createdAt: 'string',
  },
  [T.courseRevised]: {
    courseId: 'string',
    revision: 'number',
    course: 'object',
    revisedAt: 'string',
  },
  [T.coursePublished]: { courseId: 'string', revision: 'number', publishedAt: 'string' },
  [T.courseRetired]: { courseId: 'string', retiredAt: 'string' },
  [T.offeringPlanned]: {
    offeringId: 'string',
    courseId: 'string',
    courseRevision: 'number',
    courseCode: 'string',
    courseTitle: 'string',
    schedule: 'object',
    delivery: 'object',
    region: 'string',
    country: 'string',
    language: 'string',
    capacity: 'number',
    plannedAt: 'string',
  },
  [T.offeringOpened]: { offeringId: 'string', openedAt: 'string' },
  [T.capacityChanged]: { offeringId: 'string', capacity: 'number', changedAt: 'string' },
  [T.offeringFilled]: { offeringId: 'string', filledAt: 'string' },
  [T.seatFreed]: { offeringId: 'string', freedAt: 'string' },
  [T.participantEnrolled]: { ...ENROLMENT, participant: 'object', enrolledAt: 'string' },
  [T.participantWaitlisted]: { ...ENROLMENT, participant: 'object', waitlistedAt: 'string' },
  [T.awaitingApproval]: { ...ENROLMENT, participant: 'object', requestedAt: 'string' },
  [T.enrolmentApproved]: { ...ENROLMENT, seat: 'string', approvedAt: 'string' },
  [T.enrolmentDeclined]: { ...ENROLMENT, declinedAt: 'string' },
  [T.enrolmentWithdrawn]: { ...ENROLMENT, withdrawnAt: 'string' },
  [T.waitlistPromoted]: { ...ENROLMENT, promotedAt: 'string' },
  [T.offeringStarted]: { offeringId: 'string', startedAt: 'string' },
  [T.testScoresRecorded]: { ...ENROLMENT, recordedAt: 'string' },
  [T.participantCompleted]: { ...ENROLMENT, attendancePercent: 'number', completedAt: 'string' },
  [T.participantFailed]: {
    ...ENROLMENT,
    attendancePercent: 'number',
    shortfalls: 'string[]',
    failedAt: 'string',
  },
  [T.certificateIssued]: {
    ...ENROLMENT,
    certificateId: 'string',
    issuedAt: 'string',
  },
  [T.certificateRevoked]: { offeringId: 'string', certificateId: 'string', revokedAt: 'string' },
  [T.offeringCompleted]: {
    offeringId: 'string',
    completed: 'number',
    failed: 'number',
    completedAt: 'string',
  },
  [T.offeringCancelled]: { offeringId: 'string', cancelledAt: 'string' },
  [T.evaluationSubmitted]: { offeringId: 'string', evaluationId: 'string', submittedAt: 'string' },
  [T.programmeLaunched]: {
    programmeId: 'string',
    title: 'string',
    scope: 'object',
    startsOn: 'string',
    endsOn: 'string',
    launchedAt: 'string',
  },
  [T.programmeTargetsSet]: { programmeId: 'string', setAt: 'string' },
  [T.offeringAddedToProgramme]: { programmeId: 'string', offeringId: 'string', addedAt: 'string' },
  [T.programmeClosed]: { programmeId: 'string', closedAt: 'string' },
};

/** What reporting reads of a course definition. */
const COURSE = { code: 'string', title: 'string', kind: 'string', audiences: 'string[]' } as const;

/** What reporting reads of a participant: no name, no e-mail (staff is checked below: a boolean). */
const PARTICIPANT = {
  personId: 'string',
  sex: 'string',
  country: 'string',
  constituentGroup: 'string?',
} as const;

/** The fields reporting reads inside an object of the data (checked when the object itself is one). */
const NESTED_SHAPES: Readonly<Record<string, Readonly<Record<string, PayloadShapes[string]>>>> = {
  [T.courseCreated]: { course: COURSE },
  [T.courseRevised]: { course: COURSE },
  [T.offeringPlanned]: {
    schedule: { startsOn: 'string', endsOn: 'string' },
    delivery: { mode: 'string' },
  },
  [T.participantEnrolled]: { participant: PARTICIPANT },
  [T.participantWaitlisted]: { participant: PARTICIPANT },
  [T.awaitingApproval]: { participant: PARTICIPANT },
  [T.programmeLaunched]: {
    scope: {
      kind: 'string',
      region: 'string?',
      country: 'string?',
      organisation: 'string?',
      constituentGroup: 'string?',
    },
  },
};

/** Scores that are optional in the payload, but numbers when present. */
const OPTIONAL_SCORES: Readonly<Record<string, readonly string[]>> = {
  [T.testScoresRecorded]: ['preTest', 'postTest'],
  [T.participantCompleted]: ['preTest', 'postTest'],
  [T.participantFailed]: ['preTest', 'postTest'],
};

/** The `string` fields named `...At` are timestamps. */
const TIME_FIELDS = /At$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * What is wrong with a training event's data for reporting ([] when it can be
 * used). Types reporting does not read (attendance, for one) are not checked.
 */
export function trainingShapeProblems(type: string, data: unknown): ShapeProblem[] {
  const problems = payloadShapeProblems(SHAPES, type, data, TIME_FIELDS);
  if (!isObject(data)) return problems;
  for (const [field, shape] of Object.entries(NESTED_SHAPES[type] ?? {})) {
    const inner = data[field];
    if (!isObject(inner)) continue; // already reported as not an object
    for (const problem of payloadShapeProblems({ [type]: shape }, type, inner))
      problems.push({ ...problem, field: problem.field.replace(/^data\./, `data.${field}.`) });
  }
  const participant = data['participant'];
  if (NESTED_SHAPES[type]?.['participant'] && isObject(participant)) {
    if (typeof participant['staff'] !== 'boolean')
      problems.push({ field: 'data.participant.staff', messages: ['must be true or false'] });
  }
  for (const field of OPTIONAL_SCORES[type] ?? []) {
    if (data[field] !== undefined && !isNumber(data[field]))
      problems.push({ field: `data.${field}`, messages: ['must be a number when present'] });
  }
  if (type === T.evaluationSubmitted && !isRatings(data['ratings']))
    problems.push({
      field: 'data.ratings',
      messages: ['must be an array of { item: string, score: number }'],
    });
  if (type === T.programmeTargetsSet && !isTargets(data['targets']))
    problems.push({
      field: 'data.targets',
      messages: [
        'must be an array of { indicator: string, value: number, dueOn: string, sex?: string, constituentGroup?: string }',
      ],
    });
  return problems;
}

const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';

function isTargets(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (t) =>
        isObject(t) &&
        typeof t['indicator'] === 'string' &&
        isNumber(t['value']) &&
        typeof t['dueOn'] === 'string' &&
        isOptionalString(t['sex']) &&
        isOptionalString(t['constituentGroup']),
    )
  );
}

function isRatings(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((r) => isObject(r) && typeof r['item'] === 'string' && isNumber(r['score']))
  );
}
