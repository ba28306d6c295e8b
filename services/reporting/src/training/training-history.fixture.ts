import type { RecordedEvent } from '@sfp/event-sourcing';
import { PublicEventHistory, type EventData } from '../../test/support/public-event-history';

/** A participant as the training service enrols one (name and e-mail included: reporting must ignore them). */
export interface FixtureParticipant {
  personId: string;
  sex: 'female' | 'male' | 'other' | 'not-stated';
  country: string;
  staff: boolean;
  constituentGroup?: string;
}

/** Builds training public events in the shape of services/training's course and offering events. */
export class TrainingHistory extends PublicEventHistory {
  constructor() {
    super('training', 'training-officer-1');
  }

  createCourse(courseId: string, at: string, kind: string, audiences: string[]): RecordedEvent {
    return this.record(`course-${courseId}`, 'CourseCreated', at, {
      courseId,
      revision: 1,
      course: {
        code: `SFP-${courseId.toUpperCase()}`,
        title: `Course ${courseId}`,
        kind,
        learningObjectives: ['Apply the social finance toolkit'],
        themes: ['youth'],
        audiences,
        durationHours: 16,
        priorityArea: 'financial-inclusion',
        languages: ['en'],
        owner: 'training-officer-1',
        supervisorApprovalRequired: false,
        completionRule: { minAttendancePercent: 80, minPostTestScore: 50 },
      },
      createdBy: 'training-officer-1',
      createdAt: at,
    });
  }

  publishCourse(courseId: string, at: string): RecordedEvent {
    return this.record(`course-${courseId}`, 'CoursePublished', at, {
      courseId,
      revision: 1,
      publishedBy: 'training-officer-1',
      publishedAt: at,
    });
  }

  planOffering(
    offeringId: string,
    courseId: string,
    at: string,
    where: { region: string; country: string; startsOn: string; endsOn: string },
  ): RecordedEvent {
    return this.record(`offering-${offeringId}`, 'OfferingPlanned', at, {
      offeringId,
      courseId,
      courseRevision: 1,
      courseCode: `SFP-${courseId.toUpperCase()}`,
      courseTitle: `Course ${courseId}`,
      completionRule: { minAttendancePercent: 80, minPostTestScore: 50 },
      supervisorApprovalRequired: false,
      schedule: { startsOn: where.startsOn, endsOn: where.endsOn, timeZone: 'UTC' },
      delivery: { mode: 'in-person', venue: 'Training room' },
      region: where.region,
      country: where.country,
      language: 'en',
      capacity: 20,
      trainers: ['trainer-1'],
      funding: { kind: 'sponsored', sponsor: 'Donor' },
      plannedBy: 'training-officer-1',
      plannedAt: at,
    });
  }

  openOffering(offeringId: string, at: string): RecordedEvent {
    return this.offering(offeringId, 'OfferingOpenedForEnrolment', at, {
      openedBy: 'training-officer-1',
      openedAt: at,
    });
  }

  enrol(
    offeringId: string,
    enrolmentId: string,
    at: string,
    participant: FixtureParticipant,
  ): RecordedEvent {
    return this.offering(offeringId, 'ParticipantEnrolled', at, {
      enrolmentId,
      participant: {
        ...participant,
        name: `Participant ${participant.personId}`,
        email: `${participant.personId}@example.org`,
        organisation: participant.staff ? 'The Office' : 'Ministry of Labour',
      },
      enrolledBy: 'training-officer-1',
      enrolledAt: at,
    });
  }

  withdraw(offeringId: string, enrolmentId: string, at: string): RecordedEvent {
    return this.offering(offeringId, 'EnrolmentWithdrawn', at, {
      enrolmentId,
      from: 'enrolled',
      reason: 'Mission elsewhere',
      withdrawnBy: 'training-officer-1',
      withdrawnAt: at,
    });
  }

  start(offeringId: string, at: string): RecordedEvent {
    return this.offering(offeringId, 'OfferingStarted', at, {
      startedBy: 'training-officer-1',
      startedAt: at,
    });
  }

  scores(
    offeringId: string,
    enrolmentId: string,
    at: string,
    scores: { preTest?: number; postTest?: number },
  ): RecordedEvent {
    return this.offering(offeringId, 'TestScoresRecorded', at, {
      enrolmentId,
      ...scores,
      recordedBy: 'trainer-1',
      recordedAt: at,
    });
  }

  complete(
    offeringId: string,
    enrolmentId: string,
    at: string,
    scores: { preTest?: number; postTest?: number } = {},
  ): RecordedEvent {
    return this.offering(offeringId, 'ParticipantCompleted', at, {
      enrolmentId,
      attendancePercent: 100,
      ...scores,
      completedAt: at,
    });
  }

  fail(
    offeringId: string,
    enrolmentId: string,
    at: string,
    scores: { preTest?: number; postTest?: number } = {},
  ): RecordedEvent {
    return this.offering(offeringId, 'ParticipantFailed', at, {
      enrolmentId,
      attendancePercent: 100,
      ...scores,
      shortfalls: ['post-test'],
      failedAt: at,
    });
  }

  certify(offeringId: string, enrolmentId: string, personId: string, at: string): RecordedEvent {
    return this.offering(offeringId, 'CertificateIssued', at, {
      certificateId: `cert-${enrolmentId}`,
      verificationCode: `V-${enrolmentId.toUpperCase()}`,
      enrolmentId,
      personId,
      courseId: 'c',
      courseRevision: 1,
      courseTitle: 'Course',
      startsOn: '2026-01-01',
      endsOn: '2026-01-02',
      issuedAt: at,
    });
  }

  completeOffering(offeringId: string, at: string, completed: number, failed: number) {
    return this.offering(offeringId, 'OfferingCompleted', at, {
      completed,
      failed,
      completedBy: 'training-officer-1',
      completedAt: at,
    });
  }

  cancelOffering(offeringId: string, at: string, notified: string[]): RecordedEvent {
    return this.offering(offeringId, 'OfferingCancelled', at, {
      reason: 'Venue unavailable',
      notified,
      cancelledBy: 'training-officer-1',
      cancelledAt: at,
    });
  }

  evaluate(offeringId: string, enrolmentId: string, at: string, overall: number): RecordedEvent {
    return this.offering(offeringId, 'EvaluationSubmitted', at, {
      evaluationId: `eval-${enrolmentId}`,
      enrolmentId,
      ratings: [
        { item: 'objectives-met', score: 4 },
        { item: 'overall-satisfaction', score: overall },
      ],
      comment: 'Useful',
      submittedAt: at,
    });
  }

  launchProgramme(
    programmeId: string,
    at: string,
    programme: { title: string; scope: EventData; startsOn: string; endsOn: string },
  ): RecordedEvent {
    return this.programme(programmeId, 'ProgrammeLaunched', at, {
      ...programme,
      launchedBy: 'programme-officer-1',
      launchedAt: at,
    });
  }

  setProgrammeTargets(programmeId: string, at: string, targets: EventData[]): RecordedEvent {
    return this.programme(programmeId, 'ProgrammeTargetsSet', at, {
      targets,
      setBy: 'programme-officer-1',
      setAt: at,
    });
  }

  addOfferingToProgramme(programmeId: string, offeringId: string, at: string): RecordedEvent {
    return this.programme(programmeId, 'OfferingAddedToProgramme', at, {
      offeringId,
      addedBy: 'programme-officer-1',
      addedAt: at,
    });
  }

  closeProgramme(programmeId: string, at: string): RecordedEvent {
    return this.programme(programmeId, 'ProgrammeClosed', at, {
      reason: 'Programme period over',
      closedBy: 'programme-officer-1',
      closedAt: at,
    });
  }

  private programme(programmeId: string, type: string, at: string, data: EventData): RecordedEvent {
    return this.record(`programme-${programmeId}`, type, at, { programmeId, ...data });
  }

  private offering(offeringId: string, type: string, at: string, data: EventData): RecordedEvent {
    return this.record(`offering-${offeringId}`, type, at, { offeringId, ...data });
  }
}

const staff = (personId: string, sex: FixtureParticipant['sex']): FixtureParticipant => ({
  personId,
  sex,
  country: 'CH',
  staff: true,
});

const constituent = (
  personId: string,
  sex: FixtureParticipant['sex'],
  constituentGroup: string,
  country: string,
): FixtureParticipant => ({ personId, sex, country, staff: false, constituentGroup });

/**
 * A year of training, worked by hand (figures in training.report-sections.spec.ts):
 *  - 2025-Q4: o4 (brief, staff) held 2025-12-05: p6 (staff, male, 55 → 75) and
 *    p9 (government, female, KE, no tests) completed; one answer, overall 5.
 *  - 2026-Q1:
 *    o1 (regional course, Africa) held 2026-02-20: p1 (government, female, SN, 40 → 70) and
 *    p2 (workers, male, CI, 50 → 60) completed, p3 (employers, female, SN, 30 → 35) failed,
 *    p4 withdrew; answers 4 and 5.
 *    o2 (brief, Europe and Central Asia) held 2026-03-10: p5 (staff, female, 60 → 80) and
 *    p6 (staff, male, no tests) completed; one answer, overall 3.
 *    o3 (e-learning, Asia and the Pacific) held 2026-03-25: p5 again (70 → 90) completed,
 *    p7 (staff, not stated, 50 → 45) failed, p8 (partner institution, male, TH, 20 → 60) completed.
 *    o5 (regional course) cancelled 2026-02-01 with p10 enrolled.
 */
export function scriptedTrainingHistory(): TrainingHistory {
  const h = new TrainingHistory();
  h.createCourse('c1', '2025-09-01T09:00:00.000Z', 'regional-course', [
    'government',
    'employers-organisation',
    'workers-organisation',
  ]);
  h.publishCourse('c1', '2025-09-01T10:00:00.000Z');
  h.createCourse('c2', '2025-09-02T09:00:00.000Z', 'brief', ['staff']);
  h.publishCourse('c2', '2025-09-02T10:00:00.000Z');
  h.createCourse('c3', '2025-09-03T09:00:00.000Z', 'e-learning', ['staff', 'partner-institution']);
  h.publishCourse('c3', '2025-09-03T10:00:00.000Z');

  // 2025-Q4: o4.
  h.planOffering('o4', 'c2', '2025-10-01T09:00:00.000Z', {
    region: 'europe-central-asia',
    country: 'CH',
    startsOn: '2025-12-03',
    endsOn: '2025-12-04',
  });
  h.openOffering('o4', '2025-10-02T09:00:00.000Z');
  h.enrol('o4', 'e10', '2025-10-10T09:00:00.000Z', staff('p6', 'male'));
  h.enrol('o4', 'e11', '2025-10-11T09:00:00.000Z', constituent('p9', 'female', 'government', 'KE'));
  h.start('o4', '2025-12-03T08:00:00.000Z');
  h.complete('o4', 'e10', '2025-12-04T17:00:00.000Z', { preTest: 55, postTest: 75 });
  h.complete('o4', 'e11', '2025-12-04T17:00:00.000Z');
  h.completeOffering('o4', '2025-12-05T09:00:00.000Z', 2, 0);
  h.evaluate('o4', 'e10', '2025-12-06T09:00:00.000Z', 5);

  // 2026-Q1: o1.
  h.planOffering('o1', 'c1', '2025-11-01T09:00:00.000Z', {
    region: 'africa',
    country: 'SN',
    startsOn: '2026-02-16',
    endsOn: '2026-02-19',
  });
  h.openOffering('o1', '2025-11-02T09:00:00.000Z');
  h.enrol('o1', 'e1', '2026-01-05T09:00:00.000Z', constituent('p1', 'female', 'government', 'SN'));
  h.enrol(
    'o1',
    'e2',
    '2026-01-06T09:00:00.000Z',
    constituent('p2', 'male', 'workers-organisation', 'CI'),
  );
  h.enrol(
    'o1',
    'e3',
    '2026-01-07T09:00:00.000Z',
    constituent('p3', 'female', 'employers-organisation', 'SN'),
  );
  h.enrol('o1', 'e4', '2026-01-08T09:00:00.000Z', constituent('p4', 'male', 'government', 'GH'));
  h.withdraw('o1', 'e4', '2026-01-20T09:00:00.000Z');
  h.start('o1', '2026-02-16T08:00:00.000Z');
  h.scores('o1', 'e1', '2026-02-16T09:00:00.000Z', { preTest: 40 });
  h.complete('o1', 'e1', '2026-02-19T17:00:00.000Z', { preTest: 40, postTest: 70 });
  h.complete('o1', 'e2', '2026-02-19T17:00:00.000Z', { preTest: 50, postTest: 60 });
  h.fail('o1', 'e3', '2026-02-19T17:00:00.000Z', { preTest: 30, postTest: 35 });
  h.certify('o1', 'e1', 'p1', '2026-02-19T17:05:00.000Z');
  h.completeOffering('o1', '2026-02-20T09:00:00.000Z', 2, 1);
  h.evaluate('o1', 'e1', '2026-02-21T09:00:00.000Z', 4);
  h.evaluate('o1', 'e2', '2026-02-22T09:00:00.000Z', 5);

  // 2026-Q1: o2.
  h.planOffering('o2', 'c2', '2026-01-10T09:00:00.000Z', {
    region: 'europe-central-asia',
    country: 'CH',
    startsOn: '2026-03-09',
    endsOn: '2026-03-09',
  });
  h.openOffering('o2', '2026-01-11T09:00:00.000Z');
  h.enrol('o2', 'e5', '2026-01-12T09:00:00.000Z', staff('p5', 'female'));
  h.enrol('o2', 'e6', '2026-01-13T09:00:00.000Z', staff('p6', 'male'));
  h.start('o2', '2026-03-09T08:00:00.000Z');
  h.complete('o2', 'e5', '2026-03-09T17:00:00.000Z', { preTest: 60, postTest: 80 });
  h.complete('o2', 'e6', '2026-03-09T17:00:00.000Z');
  h.completeOffering('o2', '2026-03-10T09:00:00.000Z', 2, 0);
  h.evaluate('o2', 'e6', '2026-03-11T09:00:00.000Z', 3);

  // 2026-Q1: o3.
  h.planOffering('o3', 'c3', '2026-01-15T09:00:00.000Z', {
    region: 'asia-pacific',
    country: 'TH',
    startsOn: '2026-03-02',
    endsOn: '2026-03-24',
  });
  h.openOffering('o3', '2026-01-16T09:00:00.000Z');
  h.enrol('o3', 'e7', '2026-02-01T09:00:00.000Z', staff('p5', 'female'));
  h.enrol('o3', 'e8', '2026-02-02T09:00:00.000Z', staff('p7', 'not-stated'));
  h.enrol(
    'o3',
    'e9',
    '2026-02-03T09:00:00.000Z',
    constituent('p8', 'male', 'partner-institution', 'TH'),
  );
  h.start('o3', '2026-03-02T08:00:00.000Z');
  h.complete('o3', 'e7', '2026-03-24T17:00:00.000Z', { preTest: 70, postTest: 90 });
  h.fail('o3', 'e8', '2026-03-24T17:00:00.000Z', { preTest: 50, postTest: 45 });
  h.complete('o3', 'e9', '2026-03-24T17:00:00.000Z', { preTest: 20, postTest: 60 });
  h.completeOffering('o3', '2026-03-25T09:00:00.000Z', 2, 1);

  // 2026-Q1: o5, cancelled.
  h.planOffering('o5', 'c1', '2026-01-20T09:00:00.000Z', {
    region: 'africa',
    country: 'KE',
    startsOn: '2026-03-16',
    endsOn: '2026-03-19',
  });
  h.openOffering('o5', '2026-01-21T09:00:00.000Z');
  h.enrol('o5', 'e12', '2026-01-22T09:00:00.000Z', constituent('p10', 'male', 'government', 'KE'));
  h.cancelOffering('o5', '2026-02-01T09:00:00.000Z', ['e12']);
  return h;
}

/** Staff training figures of 2026-Q1 (and 2025-Q4 as the previous period), worked by hand from scriptedTrainingHistory. */
export const STAFF_TRAINING_FIGURES_2026_Q1 = {
  // o2 and o3 held; p5 (twice) and p6 completed, p7 failed: 3 of 4 results completed.
  offeringsHeld: 2,
  staffTrained: 2,
  courseCompletions: 3,
  completionRatePercent: 75,
  // Gains 20 (p5, o2), 20 (p5, o3), -5 (p7); p6 took no test: 35 / 3 = 11.67.
  knowledgeGainMeanPoints: 11.7,
  knowledgeGainParticipants: 3,
  satisfactionMean: 3,
  satisfactionResponses: 1,
  'offeringsHeldByKind.Brief': 1,
  'offeringsHeldByKind.E-learning': 1,
  'staffTrainedBySex.Female': 1,
  'staffTrainedBySex.Male': 1,
  // 2025-Q4: o4 held, p6 completed (55 → 75), one answer of 5.
  previousPeriodOfferingsHeld: 1,
  previousPeriodStaffTrained: 1,
  previousPeriodCourseCompletions: 1,
  previousPeriodCompletionRatePercent: 100,
  previousPeriodKnowledgeGainMeanPoints: 20,
  previousPeriodKnowledgeGainParticipants: 1,
  previousPeriodSatisfactionMean: 5,
  previousPeriodSatisfactionResponses: 1,
  'previousPeriodOfferingsHeldByKind.Brief': 1,
  'previousPeriodStaffTrainedBySex.Male': 1,
};

/** Capacity building figures of 2026-Q1 (and 2025-Q4 as the previous period), worked by hand from scriptedTrainingHistory. */
export const CAPACITY_BUILDING_FIGURES_2026_Q1 = {
  // o1 and o3 held; p1, p2, p8 completed, p3 failed (p4 withdrew: no result).
  offeringsHeld: 2,
  peopleTrained: 3,
  courseCompletions: 3,
  countriesReached: 3,
  completionRatePercent: 75,
  // Gains 30, 10, 5, 40: 85 / 4 = 21.25.
  knowledgeGainMeanPoints: 21.3,
  knowledgeGainParticipants: 4,
  // o1: answers 4 and 5 (o3 has none).
  satisfactionMean: 4.5,
  satisfactionResponses: 2,
  'offeringsHeldByKind.Regional course': 1,
  'offeringsHeldByKind.E-learning': 1,
  'peopleTrainedByConstituentGroup.Government': 1,
  "peopleTrainedByConstituentGroup.Workers' organisation": 1,
  'peopleTrainedByConstituentGroup.Partner institution': 1,
  'peopleTrainedBySex.Female': 1,
  'peopleTrainedBySex.Male': 2,
  'peopleTrainedByRegion.Africa': 2,
  'peopleTrainedByRegion.Asia and the Pacific': 1,
  // 2025-Q4: o4 held, p9 (government, female, KE, no tests) completed.
  previousPeriodOfferingsHeld: 1,
  previousPeriodPeopleTrained: 1,
  previousPeriodCourseCompletions: 1,
  previousPeriodCountriesReached: 1,
  previousPeriodCompletionRatePercent: 100,
  previousPeriodKnowledgeGainMeanPoints: null,
  previousPeriodKnowledgeGainParticipants: 0,
  previousPeriodSatisfactionMean: 5,
  previousPeriodSatisfactionResponses: 1,
  'previousPeriodOfferingsHeldByKind.Brief': 1,
  'previousPeriodPeopleTrainedByConstituentGroup.Government': 1,
  'previousPeriodPeopleTrainedBySex.Female': 1,
  'previousPeriodPeopleTrainedByRegion.Europe and Central Asia': 1,
};

/**
 * The scripted year, with a capacity-building programme for Africa over 2026
 * (launched 2025-12-10) of o1 and o5 (o5 cancelled), and its targets, worked by
 * hand at the end of 2026-Q1 (2026-04-01, 90 of the 365 days to 2026-12-31
 * elapsed): o1's constituents p1 (female, government, 40 → 70) and p2 (male,
 * workers, 50 → 60) completed, p3 (female, employers, 30 → 35) failed.
 */
export function scriptedProgrammeHistory(): TrainingHistory {
  const h = scriptedTrainingHistory();
  h.launchProgramme('pg1', '2025-12-10T09:00:00.000Z', {
    title: 'Social finance in West Africa',
    scope: { kind: 'region', region: 'africa' },
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  h.setProgrammeTargets('pg1', '2025-12-11T09:00:00.000Z', PROGRAMME_TARGETS);
  h.addOfferingToProgramme('pg1', 'o1', '2025-12-12T09:00:00.000Z');
  h.addOfferingToProgramme('pg1', 'o5', '2026-01-21T10:00:00.000Z');
  return h;
}

export const PROGRAMME_TARGETS = [
  { indicator: 'people-trained', value: 8, dueOn: '2026-12-31' },
  { indicator: 'people-trained', value: 5, sex: 'female', dueOn: '2026-12-31' },
  {
    indicator: 'people-trained',
    value: 10,
    constituentGroup: 'workers-organisation',
    dueOn: '2026-12-31',
  },
  { indicator: 'completion-rate', value: 80, dueOn: '2026-12-31' },
  { indicator: 'knowledge-gain', value: 15, dueOn: '2026-03-31' },
];

/** The programme's results against its targets at the end of 2026-Q1, worked by hand. */
export const PROGRAMME_TARGET_FIGURES_2026_Q1 = {
  programmeTargets: 5,
  'programmeTargetsByStatus.On track': 2,
  'programmeTargetsByStatus.At risk': 2,
  'programmeTargetsByStatus.Off track': 1,
  // 8 × 90/365 = 1.97 expected by now; p1 and p2: 2.
  'resultsAgainstTargetsByTarget.Social finance in West Africa — Constituents trained (people) (target 8, due 2026-12-31): On track': 2,
  // 5 × 90/365 = 1.23; p1: 1, at least 80 % of it (0.99).
  'resultsAgainstTargetsByTarget.Social finance in West Africa — Constituents trained (people), Female (target 5, due 2026-12-31): At risk': 1,
  // 10 × 90/365 = 2.47; p2: 1, below 80 % of it (1.97).
  "resultsAgainstTargetsByTarget.Social finance in West Africa — Constituents trained (people), Workers' organisation (target 10, due 2026-12-31): Off track": 1,
  // 2 of 3 results completed: 66.7, below 80 but at least 64.
  'resultsAgainstTargetsByTarget.Social finance in West Africa — Completion rate (%) (target 80, due 2026-12-31): At risk': 66.7,
  // Due 2026-03-31 (passed): gains 30, 10, 5 = 15, met.
  'resultsAgainstTargetsByTarget.Social finance in West Africa — Knowledge gain, mean (post-test minus pre-test, points) (target 15, due 2026-03-31): On track': 15,
};
