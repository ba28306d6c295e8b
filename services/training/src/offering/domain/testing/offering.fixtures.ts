import type {
  OfferingCommandType,
  OfferingPlan,
  OfferingStatus,
  Participant,
} from '@sfp/contracts';
import type { OfferingCommand, PlanOffering, PlannedCourse } from '../offering.commands';
import {
  AttendanceRecorded,
  CertificateIssued,
  EnrolmentAwaitingApproval,
  OfferingCancelled,
  OfferingCompleted,
  OfferingFilled,
  OfferingOpenedForEnrolment,
  OfferingPlanned,
  OfferingStarted,
  ParticipantCompleted,
  ParticipantEnrolled,
  ParticipantFailed,
  ParticipantWaitlisted,
  TestScoresRecorded,
  type OfferingEvent,
} from '../offering.events';

/**
 * One offering for the domain's specs: a three-day regional course in Dakar
 * for two participants, planned on T0, opened the next day, enrolments over
 * the following days (`at`), run on 9–11 March 2026 (`during`). A
 * well-formed command of every type given on an offering, and the events
 * that bring it to each status.
 */
export const offeringId = 'offering-8d2f4e6a-1b3c-4d5e-8f90-a1b2c3d4e5f6';
export const courseId = 'course-3f1d2c4b-6a7e-4b8c-9d0e-1f2a3b4c5d6e';
export const T0 = '2026-01-12T09:00:00.000Z';
export const at = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();
/** A time on a session day: day 1 is 9 March 2026 (Dakar is on UTC). */
export const during = (day: 1 | 2 | 3, hour = 17) =>
  `2026-03-${String(8 + day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
export const DAYS = ['2026-03-09', '2026-03-10', '2026-03-11'] as const;

export const course: PlannedCourse = {
  courseId,
  revision: 2,
  code: 'SFP-MF-101',
  title: 'Microfinance for decent work',
  status: 'published',
  completionRule: { minAttendancePercent: 80, minPostTestScore: 60 },
  supervisorApprovalRequired: true,
};

export const offeringPlan: OfferingPlan = {
  schedule: { startsOn: DAYS[0], endsOn: DAYS[2], timeZone: 'Africa/Dakar' },
  delivery: { mode: 'in-person', venue: 'ILO Country Office, Dakar' },
  region: 'africa',
  country: 'SN',
  language: 'fr',
  capacity: 2,
  trainers: ['user-trainer-1', 'user-trainer-2'],
  funding: { kind: 'sponsored', sponsor: 'Government of Luxembourg' },
};

export const planCommand: PlanOffering = {
  type: 'PlanOffering',
  offeringId,
  course,
  plan: offeringPlan,
  at: T0,
  by: 'user-trainer-1',
};

/** Participants: A, B, C and D from constituents and partners, S a staff member (whose enrolment needs approval). */
export const participants = {
  A: {
    personId: 'person-a1',
    name: 'Awa Ndiaye',
    email: 'awa.ndiaye@example.sn',
    organisation: 'Ministère du Travail',
    constituentGroup: 'government',
    country: 'SN',
    sex: 'female',
    staff: false,
  },
  B: {
    personId: 'person-b2',
    name: 'Moussa Sarr',
    email: 'moussa.sarr@example.sn',
    organisation: 'CNTS',
    constituentGroup: 'workers-organisation',
    country: 'SN',
    sex: 'male',
    staff: false,
  },
  C: {
    personId: 'person-c3',
    name: 'Fatou Diop',
    email: 'fatou.diop@example.ml',
    organisation: 'CNPM',
    constituentGroup: 'employers-organisation',
    country: 'ML',
    sex: 'female',
    staff: false,
  },
  D: {
    personId: 'person-d5',
    name: 'Kwame Mensah',
    email: 'k.mensah@example.gh',
    organisation: 'Bank of Ghana',
    constituentGroup: 'partner-institution',
    country: 'GH',
    sex: 'male',
    staff: false,
  },
  S: {
    personId: 'person-s4',
    name: 'Jean Kouassi',
    email: 'kouassi@ilo.example.org',
    organisation: 'ILO Regional Office for Africa',
    country: 'CI',
    sex: 'male',
    staff: true,
  },
} satisfies Record<string, Participant>;
export type Who = keyof typeof participants;
export const enrolmentId = (who: Who) => `enrolment-${who.toLowerCase()}`;
export const SUPERVISOR = 'supervisor@ilo.example.org';

export const planned = OfferingPlanned.of({
  ...offeringPlan,
  offeringId,
  courseId,
  courseRevision: 2,
  courseCode: 'SFP-MF-101',
  courseTitle: 'Microfinance for decent work',
  completionRule: { minAttendancePercent: 80, minPostTestScore: 60 },
  supervisorApprovalRequired: true,
  plannedBy: 'user-trainer-1',
  plannedAt: T0,
});
export const opened = OfferingOpenedForEnrolment.of({
  offeringId,
  openedBy: 'user-trainer-1',
  openedAt: at(1),
});
export const enrolled = (who: Who, day: number) =>
  ParticipantEnrolled.of({
    offeringId,
    enrolmentId: enrolmentId(who),
    participant: participants[who],
    enrolledBy: 'user-registrar-1',
    enrolledAt: at(day),
  });
export const waitlisted = (who: Who, position: number, day: number) =>
  ParticipantWaitlisted.of({
    offeringId,
    enrolmentId: enrolmentId(who),
    participant: participants[who],
    waitlistPosition: position,
    waitlistedBy: 'user-registrar-1',
    waitlistedAt: at(day),
  });
export const awaitingApproval = (who: Who, day: number) =>
  EnrolmentAwaitingApproval.of({
    offeringId,
    enrolmentId: enrolmentId(who),
    participant: participants[who],
    supervisor: SUPERVISOR,
    requestedBy: 'user-registrar-1',
    requestedAt: at(day),
  });
export const filled = (day: number, capacity = 2) =>
  OfferingFilled.of({ offeringId, capacity, filledAt: at(day) });
export const started = OfferingStarted.of({
  offeringId,
  startedBy: 'user-trainer-1',
  startedAt: during(1, 8),
});
export const attendance = (day: 1 | 2 | 3, present: Who[], absent: Who[]) =>
  AttendanceRecorded.of({
    offeringId,
    day: DAYS[day - 1],
    present: present.map(enrolmentId),
    absent: absent.map(enrolmentId),
    recordedBy: 'user-trainer-1',
    recordedAt: during(day),
  });
export const scores = (who: Who, preTest: number, postTest: number) =>
  TestScoresRecorded.of({
    offeringId,
    enrolmentId: enrolmentId(who),
    preTest,
    postTest,
    recordedBy: 'user-trainer-1',
    recordedAt: during(3, 15),
  });
export const certificateOf = (n: number) => ({
  certificateId: `certificate-${n}`,
  verificationCode: `SFP-7Q4K-${n}X2M`,
});
export const issued = (who: Who, n: number) =>
  CertificateIssued.of({
    offeringId,
    ...certificateOf(n),
    enrolmentId: enrolmentId(who),
    personId: participants[who].personId,
    courseId,
    courseRevision: 2,
    courseTitle: 'Microfinance for decent work',
    startsOn: DAYS[0],
    endsOn: DAYS[2],
    issuedAt: during(3),
  });

/** A well-formed command of each type given on an offering: only its status can refuse it. */
export const commands: {
  [C in OfferingCommandType]: Extract<OfferingCommand, { type: C }>;
} = {
  OpenOfferingForEnrolment: { type: 'OpenOfferingForEnrolment', at: at(1), by: 'user-trainer-1' },
  ChangeOfferingCapacity: {
    type: 'ChangeOfferingCapacity',
    capacity: 3,
    at: at(5),
    by: 'user-trainer-1',
  },
  EnrolParticipant: {
    type: 'EnrolParticipant',
    enrolmentId: enrolmentId('C'),
    participant: participants.C,
    at: at(6),
    by: 'user-registrar-1',
  },
  ApproveEnrolment: {
    type: 'ApproveEnrolment',
    enrolmentId: enrolmentId('S'),
    at: at(7),
    by: SUPERVISOR,
  },
  DeclineEnrolment: {
    type: 'DeclineEnrolment',
    enrolmentId: enrolmentId('S'),
    reason: 'Mission in Abidjan that week',
    at: at(7),
    by: SUPERVISOR,
  },
  WithdrawEnrolment: {
    type: 'WithdrawEnrolment',
    enrolmentId: enrolmentId('A'),
    reason: 'Cannot travel to Dakar',
    at: at(8),
    by: 'user-registrar-1',
  },
  StartOffering: { type: 'StartOffering', at: during(1, 8), by: 'user-trainer-1' },
  RecordAttendance: {
    type: 'RecordAttendance',
    day: DAYS[0],
    present: [enrolmentId('A')],
    at: during(1),
    by: 'user-trainer-1',
  },
  RecordTestScores: {
    type: 'RecordTestScores',
    enrolmentId: enrolmentId('A'),
    preTest: 45,
    postTest: 82,
    at: during(3, 15),
    by: 'user-trainer-1',
  },
  CompleteOffering: {
    type: 'CompleteOffering',
    certificates: [certificateOf(1), certificateOf(2)],
    at: during(3),
    by: 'user-trainer-1',
  },
  CancelOffering: {
    type: 'CancelOffering',
    reason: 'The venue is closed for renovation',
    at: at(9),
    by: 'user-trainer-1',
  },
  RevokeCertificate: {
    type: 'RevokeCertificate',
    certificateId: 'certificate-1',
    reason: 'Issued to the wrong enrolment',
    at: '2026-03-20T10:00:00.000Z',
    by: 'user-trainer-1',
  },
  SubmitEvaluation: {
    type: 'SubmitEvaluation',
    evaluationId: 'evaluation-1',
    enrolmentId: enrolmentId('A'),
    ratings: [
      { item: 'objectives-met', score: 5 },
      { item: 'overall-satisfaction', score: 4 },
    ],
    comment: 'Very practical case studies',
    at: during(3, 18),
    by: 'person-a1',
  },
};

/** Open: A enrolled, S (staff) waiting for approval, one seat free. */
const openHistory = [planned, opened, enrolled('A', 2), awaitingApproval('S', 3)];
/** Full: B took the last seat. */
const fullHistory = [...openHistory, enrolled('B', 4), filled(4)];
const runningHistory = [...fullHistory, started];
/** A attended all three days and passed the post-test; B missed two days. */
const completedHistory = [
  ...runningHistory,
  attendance(1, ['A', 'B'], []),
  attendance(2, ['A'], ['B']),
  attendance(3, ['A'], ['B']),
  scores('A', 45, 82),
  scores('B', 50, 70),
  ParticipantCompleted.of({
    offeringId,
    enrolmentId: enrolmentId('A'),
    attendancePercent: 100,
    preTest: 45,
    postTest: 82,
    completedAt: during(3),
  }),
  issued('A', 1),
  ParticipantFailed.of({
    offeringId,
    enrolmentId: enrolmentId('B'),
    attendancePercent: 33.3,
    preTest: 50,
    postTest: 70,
    shortfalls: ['attendance'],
    failedAt: during(3),
  }),
  OfferingCompleted.of({
    offeringId,
    completed: 1,
    failed: 1,
    completedBy: 'user-trainer-1',
    completedAt: during(3),
  }),
];
export const cancelled = OfferingCancelled.of({
  offeringId,
  reason: 'The venue is closed for renovation',
  notified: [enrolmentId('A'), enrolmentId('S')],
  cancelledBy: 'user-trainer-1',
  cancelledAt: at(9),
});

/** The events that bring the offering to each status. */
export const history: Record<OfferingStatus, OfferingEvent[]> = {
  planned: [planned],
  open: openHistory,
  full: fullHistory,
  running: runningHistory,
  completed: completedHistory,
  cancelled: [...openHistory, cancelled],
};
