import type { CourseDefinition, OfferingPlan, Participant } from '@sfp/contracts';
import {
  CourseCreated,
  CoursePublished,
  CourseRevised,
} from '../../../course/domain/course.events';
import {
  AttendanceRecorded,
  CertificateIssued,
  EnrolmentApproved,
  EnrolmentAwaitingApproval,
  EnrolmentWithdrawn,
  EvaluationSubmitted,
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
  WaitlistedParticipantPromoted,
} from '../../domain/offering.events';
import { courseStreamId, offeringStreamId } from '../../../training.context';

/**
 * One year of training for the read side's specs, as the write side records
 * it: two courses, an offering run to its end in Dakar (March 2026) with a
 * waitlist, a promotion, a staff enrolment approved onto the waitlist, a pass
 * and a fail, a certificate and an evaluation; and an offering in Bangkok
 * (November 2025) cancelled after one enrolment.
 */
export const COURSE_A = '0b7c4a52-3e1f-4d6a-9c8b-2f5e7a1d3c90';
export const COURSE_B = '5d2e8f14-7a3b-4c9d-8e6f-1a2b3c4d5e6f';
export const DAKAR = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
export const BANGKOK = '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910';

export const definitionA: CourseDefinition = {
  code: 'SFP-MF-101',
  title: 'Microfinance for decent work',
  kind: 'regional-course',
  learningObjectives: ['Assess the social performance of a microfinance institution'],
  themes: ['youth', 'poverty'],
  audiences: ['government', 'workers-organisation', 'staff'],
  durationHours: 24,
  priorityArea: 'financial-inclusion',
  languages: ['en', 'fr'],
  owner: 'user-trainer-1',
  supervisorApprovalRequired: true,
  completionRule: { minAttendancePercent: 80, minPostTestScore: 60 },
};

export const definitionB: CourseDefinition = {
  ...definitionA,
  code: 'SFP-MI-201',
  title: 'Microinsurance basics',
  kind: 'e-learning',
  themes: ['gender'],
  audiences: ['employers-organisation'],
  priorityArea: 'microinsurance-and-social-protection',
  languages: ['es'],
  supervisorApprovalRequired: false,
  completionRule: { minAttendancePercent: 100 },
};

const person = (
  n: number,
  name: string,
  rest: Omit<Participant, 'personId' | 'name' | 'email'>,
): Participant => ({
  personId: `person-${n}`,
  name,
  email: `${name.toLowerCase().replace(/ /g, '.')}@example.org`,
  ...rest,
});

export const AMINA = person(1, 'Amina Diallo', {
  organisation: 'Ministry of Labour, Senegal',
  constituentGroup: 'government',
  country: 'SN',
  sex: 'female',
  staff: false,
});
export const OUSMANE = person(2, 'Ousmane Ba', {
  organisation: 'National Federation of Workers',
  constituentGroup: 'workers-organisation',
  country: 'SN',
  sex: 'male',
  staff: false,
});
export const FATOU = person(3, 'Fatou Ndiaye', {
  organisation: 'National Federation of Workers',
  constituentGroup: 'workers-organisation',
  country: 'SN',
  sex: 'female',
  staff: false,
});
export const KOFI = person(4, 'Kofi Mensah', {
  organisation: 'Ghana Employers Association',
  constituentGroup: 'employers-organisation',
  country: 'GH',
  sex: 'male',
  staff: false,
});
export const CLAIRE = person(5, 'Claire Martin', {
  organisation: 'Social Finance Programme',
  country: 'CH',
  sex: 'not-stated',
  staff: true,
});
export const SOMCHAI = person(6, 'Somchai Wong', {
  organisation: 'Ministry of Finance, Thailand',
  constituentGroup: 'government',
  country: 'TH',
  sex: 'male',
  staff: false,
});

export const ENROLMENT = {
  amina: 'e0000001-0000-4000-8000-000000000001',
  ousmane: 'e0000002-0000-4000-8000-000000000002',
  fatou: 'e0000003-0000-4000-8000-000000000003',
  kofi: 'e0000004-0000-4000-8000-000000000004',
  claire: 'e0000005-0000-4000-8000-000000000005',
  somchai: 'e0000006-0000-4000-8000-000000000006',
} as const;

export const CERTIFICATE_ID = 'c0000001-0000-4000-8000-000000000001';
export const VERIFICATION_CODE = 'K7QX-2M9R-TB4W';

export const dakarPlan: OfferingPlan = {
  schedule: { startsOn: '2026-03-09', endsOn: '2026-03-10', timeZone: 'Africa/Dakar' },
  delivery: { mode: 'in-person', venue: 'ILO Office, Dakar' },
  region: 'africa',
  country: 'SN',
  language: 'fr',
  capacity: 2,
  trainers: ['user-trainer-1'],
  funding: { kind: 'sponsored', sponsor: 'Social Finance Programme' },
};

export const bangkokPlan: OfferingPlan = {
  schedule: { startsOn: '2025-11-17', endsOn: '2025-11-21', timeZone: 'Asia/Bangkok' },
  delivery: { mode: 'online', url: 'https://meet.example.org/sfp-mf-101' },
  region: 'asia-pacific',
  country: 'TH',
  language: 'en',
  capacity: 20,
  trainers: ['user-trainer-2'],
  funding: { kind: 'fee', amount: 450, currency: 'USD' },
};

type Step = readonly [streamId: string, events: ReadonlyArray<{ type: string; data: unknown }>];

const by = 'user-coordinator-1';

/** The courses: A created, published, then revised (revision 2); B a draft. */
export const courseSteps: Step[] = [
  [
    courseStreamId(COURSE_A),
    [
      CourseCreated.of({
        courseId: COURSE_A,
        revision: 1,
        course: definitionA,
        createdBy: 'user-trainer-1',
        createdAt: '2025-09-15T08:30:00.000Z',
      }),
      CoursePublished.of({
        courseId: COURSE_A,
        revision: 1,
        publishedBy: 'user-trainer-1',
        publishedAt: '2025-09-25T10:00:00.000Z',
      }),
    ],
  ],
  [
    courseStreamId(COURSE_B),
    [
      CourseCreated.of({
        courseId: COURSE_B,
        revision: 1,
        course: definitionB,
        createdBy: 'user-trainer-2',
        createdAt: '2025-10-01T08:00:00.000Z',
      }),
    ],
  ],
];

/** Bangkok, planned from revision 1 and cancelled after one enrolment. */
export const bangkokSteps: Step[] = [
  [
    offeringStreamId(BANGKOK),
    [
      OfferingPlanned.of({
        ...bangkokPlan,
        offeringId: BANGKOK,
        courseId: COURSE_A,
        courseRevision: 1,
        courseCode: definitionA.code,
        courseTitle: definitionA.title,
        completionRule: definitionA.completionRule,
        supervisorApprovalRequired: true,
        plannedBy: by,
        plannedAt: '2025-10-01T09:00:00.000Z',
      }),
      OfferingOpenedForEnrolment.of({
        offeringId: BANGKOK,
        openedBy: by,
        openedAt: '2025-10-02T09:00:00.000Z',
      }),
      ParticipantEnrolled.of({
        offeringId: BANGKOK,
        enrolmentId: ENROLMENT.somchai,
        participant: SOMCHAI,
        enrolledBy: by,
        enrolledAt: '2025-10-10T09:00:00.000Z',
      }),
      OfferingCancelled.of({
        offeringId: BANGKOK,
        reason: 'Too few participants',
        notified: [ENROLMENT.somchai],
        cancelledBy: by,
        cancelledAt: '2025-11-03T09:00:00.000Z',
      }),
    ],
  ],
];

/** Course A revised once published: revision 2 (the offerings keep revision 1). */
export const revisionSteps: Step[] = [
  [
    courseStreamId(COURSE_A),
    [
      CourseRevised.of({
        courseId: COURSE_A,
        revision: 2,
        course: { ...definitionA, durationHours: 21 },
        reason: 'Three days instead of four',
        revisedBy: 'user-trainer-1',
        revisedAt: '2025-12-01T10:00:00.000Z',
      }),
    ],
  ],
];

const dakar = offeringStreamId(DAKAR);

/** Dakar up to its start: two seats, two waiting, a withdrawal and a promotion, an approval onto the waitlist. */
export const dakarEnrolmentSteps: Step[] = [
  [
    dakar,
    [
      OfferingPlanned.of({
        ...dakarPlan,
        offeringId: DAKAR,
        courseId: COURSE_A,
        courseRevision: 1,
        courseCode: definitionA.code,
        courseTitle: definitionA.title,
        completionRule: definitionA.completionRule,
        supervisorApprovalRequired: true,
        plannedBy: by,
        plannedAt: '2026-01-12T09:00:00.000Z',
      }),
      OfferingOpenedForEnrolment.of({
        offeringId: DAKAR,
        openedBy: by,
        openedAt: '2026-01-13T09:00:00.000Z',
      }),
    ],
  ],
  [
    dakar,
    [
      ParticipantEnrolled.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.amina,
        participant: AMINA,
        enrolledBy: by,
        enrolledAt: '2026-01-20T09:00:00.000Z',
      }),
    ],
  ],
  [
    dakar,
    [
      ParticipantEnrolled.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.ousmane,
        participant: OUSMANE,
        enrolledBy: by,
        enrolledAt: '2026-01-21T09:00:00.000Z',
      }),
      OfferingFilled.of({ offeringId: DAKAR, capacity: 2, filledAt: '2026-01-21T09:00:00.000Z' }),
    ],
  ],
  [
    dakar,
    [
      ParticipantWaitlisted.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.fatou,
        participant: FATOU,
        waitlistPosition: 1,
        waitlistedBy: by,
        waitlistedAt: '2026-01-22T09:00:00.000Z',
      }),
    ],
  ],
  [
    dakar,
    [
      ParticipantWaitlisted.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.kofi,
        participant: KOFI,
        waitlistPosition: 2,
        waitlistedBy: by,
        waitlistedAt: '2026-01-23T09:00:00.000Z',
      }),
    ],
  ],
  [
    dakar,
    [
      EnrolmentAwaitingApproval.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.claire,
        participant: CLAIRE,
        supervisor: 'user-supervisor-1',
        requestedBy: by,
        requestedAt: '2026-01-24T09:00:00.000Z',
      }),
    ],
  ],
  [
    dakar,
    [
      EnrolmentWithdrawn.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.ousmane,
        from: 'enrolled',
        reason: 'Called to a ministerial meeting',
        withdrawnBy: by,
        withdrawnAt: '2026-02-02T09:00:00.000Z',
      }),
      WaitlistedParticipantPromoted.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.fatou,
        cause: 'withdrawal',
        promotedAt: '2026-02-02T09:00:00.000Z',
      }),
    ],
  ],
  [
    dakar,
    [
      EnrolmentApproved.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.claire,
        seat: 'waitlisted',
        waitlistPosition: 2,
        approvedBy: 'user-supervisor-1',
        approvedAt: '2026-02-03T09:00:00.000Z',
      }),
    ],
  ],
];

/** Dakar run to its end: attendance on both days, scores, Amina completes (certified), Fatou fails. */
export const dakarRunSteps: Step[] = [
  [
    dakar,
    [
      OfferingStarted.of({
        offeringId: DAKAR,
        startedBy: by,
        startedAt: '2026-03-09T08:00:00.000Z',
      }),
      AttendanceRecorded.of({
        offeringId: DAKAR,
        day: '2026-03-09',
        present: [ENROLMENT.amina, ENROLMENT.fatou],
        absent: [],
        recordedBy: 'user-trainer-1',
        recordedAt: '2026-03-09T17:00:00.000Z',
      }),
      AttendanceRecorded.of({
        offeringId: DAKAR,
        day: '2026-03-10',
        present: [ENROLMENT.amina],
        absent: [ENROLMENT.fatou],
        recordedBy: 'user-trainer-1',
        recordedAt: '2026-03-10T17:00:00.000Z',
      }),
      TestScoresRecorded.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.amina,
        preTest: 40,
        postTest: 85,
        recordedBy: 'user-trainer-1',
        recordedAt: '2026-03-10T16:00:00.000Z',
      }),
      TestScoresRecorded.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.fatou,
        preTest: 50,
        recordedBy: 'user-trainer-1',
        recordedAt: '2026-03-09T09:00:00.000Z',
      }),
      TestScoresRecorded.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.fatou,
        postTest: 55,
        recordedBy: 'user-trainer-1',
        recordedAt: '2026-03-10T16:00:00.000Z',
      }),
    ],
  ],
  [
    dakar,
    [
      ParticipantCompleted.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.amina,
        attendancePercent: 100,
        preTest: 40,
        postTest: 85,
        completedAt: '2026-03-10T18:00:00.000Z',
      }),
      ParticipantFailed.of({
        offeringId: DAKAR,
        enrolmentId: ENROLMENT.fatou,
        attendancePercent: 50,
        preTest: 50,
        postTest: 55,
        shortfalls: ['attendance', 'post-test'],
        failedAt: '2026-03-10T18:00:00.000Z',
      }),
      CertificateIssued.of({
        offeringId: DAKAR,
        certificateId: CERTIFICATE_ID,
        verificationCode: VERIFICATION_CODE,
        enrolmentId: ENROLMENT.amina,
        personId: AMINA.personId,
        courseId: COURSE_A,
        courseRevision: 1,
        courseTitle: definitionA.title,
        startsOn: dakarPlan.schedule.startsOn,
        endsOn: dakarPlan.schedule.endsOn,
        issuedAt: '2026-03-10T18:00:00.000Z',
      }),
      OfferingCompleted.of({
        offeringId: DAKAR,
        completed: 1,
        failed: 1,
        completedBy: by,
        completedAt: '2026-03-10T18:00:00.000Z',
      }),
    ],
  ],
  [
    dakar,
    [
      EvaluationSubmitted.of({
        offeringId: DAKAR,
        evaluationId: 'a0000001-0000-4000-8000-000000000001',
        enrolmentId: ENROLMENT.amina,
        ratings: [
          { item: 'objectives-met', score: 5 },
          { item: 'overall-satisfaction', score: 4 },
        ],
        comment: 'Very practical',
        submittedAt: '2026-03-11T09:00:00.000Z',
      }),
      EvaluationSubmitted.of({
        offeringId: DAKAR,
        evaluationId: 'a0000002-0000-4000-8000-000000000002',
        enrolmentId: ENROLMENT.fatou,
        ratings: [
          { item: 'objectives-met', score: 3 },
          { item: 'overall-satisfaction', score: 3 },
          { item: 'materials-useful', score: 2 },
        ],
        submittedAt: '2026-03-12T09:00:00.000Z',
      }),
    ],
  ],
];

/** Every step, in the order the write side recorded them. */
export const wholeStory: Step[] = [
  ...courseSteps,
  ...bangkokSteps,
  ...revisionSteps,
  ...dakarEnrolmentSteps,
  ...dakarRunSteps,
];
