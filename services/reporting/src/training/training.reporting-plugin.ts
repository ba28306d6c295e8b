import {
  documentsBefore,
  type ReportingPlugin,
  type ViewDocuments,
} from '../registry/reporting-plugin';
import { defineReportingView } from '../registry/reporting-view';
import type { ReportPeriod } from '../report/domain/report-period';
import {
  evolveCourseFacts,
  evolveOfferingFacts,
  evolveParticipationFacts,
  type CourseFacts,
  type OfferingFacts,
  type ParticipationFacts,
} from './domain/training.facts';
import { evolveProgrammeFacts, type ProgrammeFacts } from './domain/programme.facts';
import {
  TRAINING_EVENT_TYPES as T,
  TRAINING_SOURCE,
  trainingShapeProblems,
} from './domain/training.public-events';
import {
  capacityBuildingReportSection,
  staffTrainingReportSection,
  type TrainingReportData,
} from './domain/training.report-sections';

export const TRAINING_COURSES_VIEW = 'training-courses';
export const TRAINING_OFFERINGS_VIEW = 'training-offerings';
export const TRAINING_PARTICIPATIONS_VIEW = 'training-participations';
export const TRAINING_PROGRAMMES_VIEW = 'training-programmes';

/** One document per course: its kind, audiences and status as its latest revision has them. */
export const trainingCoursesView = defineReportingView<CourseFacts>({
  name: TRAINING_COURSES_VIEW,
  context: TRAINING_SOURCE,
  title: 'Courses (training)',
  description:
    'One row per course of the training catalogue: code, title, kind, audiences, latest revision, status.',
  version: 1,
  idField: 'courseId',
  eventTypes: [T.courseCreated, T.courseRevised, T.coursePublished, T.courseRetired],
  evolve: evolveCourseFacts,
  fields: {
    courseId: { type: 'string', description: 'The course id' },
    code: { type: 'string', description: 'Course code' },
    title: { type: 'string', description: 'Title' },
    kind: {
      type: 'string',
      description: 'brief, regional-course, turin-course, e-learning, workshop',
    },
    audiences: {
      type: 'string-list',
      description:
        'Who it is for: staff, government, employers-organisation, workers-organisation, partner-institution',
    },
    revision: { type: 'number', description: 'Latest revision' },
    status: { type: 'string', description: 'draft, published, retired' },
    createdAt: { type: 'timestamp', description: 'When it was created' },
    publishedAt: { type: 'timestamp', description: 'When it was first published' },
    retiredAt: { type: 'timestamp', description: 'When it was retired' },
  },
});

/** One document per offering: where, when, for how many, how it ended, satisfaction. */
export const trainingOfferingsView = defineReportingView<OfferingFacts>({
  name: TRAINING_OFFERINGS_VIEW,
  context: TRAINING_SOURCE,
  title: 'Course offerings (training)',
  description:
    'One row per offering of a course: course, region, country, language, delivery, dates, capacity, status, results and satisfaction (overall, 1–5). The kind and audiences of its course are in training-courses (by courseId).',
  version: 1,
  idField: 'offeringId',
  eventTypes: [
    T.offeringPlanned,
    T.offeringOpened,
    T.capacityChanged,
    T.offeringFilled,
    T.seatFreed,
    T.offeringStarted,
    T.offeringCompleted,
    T.offeringCancelled,
    T.certificateIssued,
    T.certificateRevoked,
    T.evaluationSubmitted,
  ],
  evolve: evolveOfferingFacts,
  fields: {
    offeringId: { type: 'string', description: 'The offering id' },
    courseId: { type: 'string', description: 'The course (see training-courses)' },
    courseRevision: { type: 'number', description: 'The revision of the course it runs' },
    courseCode: { type: 'string', description: 'Course code' },
    courseTitle: { type: 'string', description: 'Course title' },
    region: { type: 'string', description: 'Region where it runs' },
    country: { type: 'string', description: 'ISO 3166-1 alpha-2 country where it runs' },
    language: { type: 'string', description: 'Language (ISO 639-1)' },
    deliveryMode: { type: 'string', description: 'in-person or online' },
    startsOn: { type: 'string', description: 'First day (YYYY-MM-DD)' },
    endsOn: { type: 'string', description: 'Last day (YYYY-MM-DD)' },
    capacity: { type: 'number', description: 'Seats' },
    status: { type: 'string', description: 'planned, open, full, running, completed, cancelled' },
    plannedAt: { type: 'timestamp', description: 'When it was planned' },
    openedAt: { type: 'timestamp', description: 'When it first opened for enrolment' },
    startedAt: { type: 'timestamp', description: 'When it started' },
    completedAt: { type: 'timestamp', description: 'When it was completed (held)' },
    cancelledAt: { type: 'timestamp', description: 'When it was cancelled' },
    participantsCompleted: { type: 'number', description: 'Participants who completed' },
    participantsFailed: { type: 'number', description: 'Participants who did not complete' },
    certificatesIssued: { type: 'number', description: 'Certificates issued' },
    certificatesRevoked: { type: 'number', description: 'Certificates revoked' },
    evaluationsSubmitted: { type: 'number', description: 'Questionnaires answered' },
    satisfactionResponses: {
      type: 'number',
      description: 'Answers to the overall satisfaction item',
    },
    satisfactionMean: {
      type: 'number',
      description: 'Mean overall satisfaction (1 strongly disagree – 5 strongly agree)',
    },
  },
});

/** One document per enrolment, without the participant's name or e-mail. */
export const trainingParticipationsView = defineReportingView<ParticipationFacts>({
  name: TRAINING_PARTICIPATIONS_VIEW,
  context: TRAINING_SOURCE,
  title: 'Training participations (training)',
  description:
    'One row per enrolment in an offering: staff or constituent group, sex, country, status, result, attendance, pre- and post-test scores and their difference, certificate, dates. No name, no e-mail. Region, course and kind are in training-offerings and training-courses (by offeringId).',
  version: 1,
  idField: 'enrolmentId',
  eventTypes: [
    T.participantEnrolled,
    T.participantWaitlisted,
    T.awaitingApproval,
    T.enrolmentApproved,
    T.enrolmentDeclined,
    T.enrolmentWithdrawn,
    T.waitlistPromoted,
    T.testScoresRecorded,
    T.participantCompleted,
    T.participantFailed,
    T.certificateIssued,
  ],
  evolve: evolveParticipationFacts,
  fields: {
    enrolmentId: { type: 'string', description: 'The enrolment id' },
    offeringId: { type: 'string', description: 'The offering (see training-offerings)' },
    staff: { type: 'boolean', description: 'Enrolled as staff of the Office' },
    constituentGroup: {
      type: 'string',
      description:
        'government, employers-organisation, workers-organisation, partner-institution; null for staff',
    },
    sex: { type: 'string', description: 'female, male, other, not-stated' },
    country: { type: 'string', description: "The participant's ISO 3166-1 alpha-2 country" },
    status: {
      type: 'string',
      description:
        'awaiting-approval, enrolled, waitlisted, declined, withdrawn, completed, failed',
    },
    result: { type: 'string', description: 'completed or failed, once recorded' },
    attendancePercent: { type: 'number', description: 'Share of session days attended (%)' },
    preTest: { type: 'number', description: 'Pre-test score (%)' },
    postTest: { type: 'number', description: 'Post-test score (%)' },
    knowledgeGain: { type: 'number', description: 'Post-test minus pre-test (points)' },
    certified: { type: 'boolean', description: 'A certificate was issued' },
    requestedAt: { type: 'timestamp', description: 'When the enrolment was made' },
    enrolledAt: { type: 'timestamp', description: 'When a seat was taken' },
    resultAt: { type: 'timestamp', description: 'When the result was recorded' },
    withdrawnAt: { type: 'timestamp', description: 'When the participant withdrew' },
  },
});

/**
 * One document per capacity-building programme, with its offerings and its
 * targets (the latest set). The report sets the targets against the
 * programme's participations (training-participations, by offeringId) at the
 * end of its period: see programme-targets.ts.
 */
export const trainingProgrammesView = defineReportingView<ProgrammeFacts>({
  name: TRAINING_PROGRAMMES_VIEW,
  context: TRAINING_SOURCE,
  title: 'Capacity-building programmes (training)',
  description:
    'One row per capacity-building programme: title, scope (organisation, country or region), period, status, its offerings (see training-offerings) and its targets (indicator, value, sex, constituent group, due date; not queryable, in each document). The progress report evaluates the targets.',
  version: 1,
  idField: 'programmeId',
  eventTypes: [
    T.programmeLaunched,
    T.programmeTargetsSet,
    T.offeringAddedToProgramme,
    T.programmeClosed,
  ],
  evolve: evolveProgrammeFacts,
  fields: {
    programmeId: { type: 'string', description: 'The programme id' },
    title: { type: 'string', description: 'Title' },
    scopeKind: { type: 'string', description: 'organisation, country or region' },
    region: { type: 'string', description: 'Region, for a programme of a region' },
    country: { type: 'string', description: 'ISO 3166-1 alpha-2 country, when it has one' },
    organisation: { type: 'string', description: 'The constituent organisation, when it is one' },
    constituentGroup: {
      type: 'string',
      description: "The organisation's constituent group, when it is one",
    },
    startsOn: { type: 'string', description: 'First day (YYYY-MM-DD)' },
    endsOn: { type: 'string', description: 'Last day (YYYY-MM-DD)' },
    status: { type: 'string', description: 'active or closed' },
    offeringIds: { type: 'string-list', description: 'Its offerings (see training-offerings)' },
    targetCount: { type: 'number', description: 'Targets set' },
    launchedAt: { type: 'timestamp', description: 'When it was launched' },
    targetsSetAt: { type: 'timestamp', description: 'When its targets were last set' },
    closedAt: { type: 'timestamp', description: 'When it was closed' },
  },
});

/**
 * The training views as they stood before the end of `period` (everything
 * the period and the previous one count was recorded before it).
 */
async function readTrainingReportData(
  period: ReportPeriod,
  documents: ViewDocuments,
): Promise<TrainingReportData> {
  const before = documentsBefore(documents, period.to);
  return {
    courses: await before<CourseFacts>(TRAINING_COURSES_VIEW, 'createdAt'),
    offerings: await before<OfferingFacts>(TRAINING_OFFERINGS_VIEW, 'plannedAt'),
    participations: await before<ParticipationFacts>(TRAINING_PARTICIPATIONS_VIEW, 'requestedAt'),
    programmes: await before<ProgrammeFacts>(TRAINING_PROGRAMMES_VIEW, 'launchedAt'),
  };
}

/**
 * Both sections read the same views: one report (one `documents` reader, made
 * per report) reads them once. Dropped with the reader.
 */
const readsOfReport = new WeakMap<ViewDocuments, Map<string, Promise<TrainingReportData>>>();

function trainingReportData(
  period: ReportPeriod,
  documents: ViewDocuments,
): Promise<TrainingReportData> {
  const reads = readsOfReport.get(documents) ?? new Map<string, Promise<TrainingReportData>>();
  readsOfReport.set(documents, reads);
  const read = reads.get(period.to) ?? readTrainingReportData(period, documents);
  reads.set(period.to, read);
  return read;
}

/** The training context's contribution to reporting: staff training and capacity building. */
export const trainingReporting: ReportingPlugin = {
  context: TRAINING_SOURCE,
  shapeProblems: trainingShapeProblems,
  views: [
    trainingCoursesView,
    trainingOfferingsView,
    trainingParticipationsView,
    trainingProgrammesView,
  ],
  sections: [
    {
      function: 'training',
      compute: async (period, documents) =>
        staffTrainingReportSection(period, await trainingReportData(period, documents)),
    },
    {
      function: 'capacity-building',
      compute: async (period, documents) =>
        capacityBuildingReportSection(period, await trainingReportData(period, documents)),
    },
  ],
};
