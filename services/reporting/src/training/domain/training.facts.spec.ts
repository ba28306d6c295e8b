import { foldFacts } from '../../../test/support/report-figures';
import { scriptedTrainingHistory, TrainingHistory } from '../training-history.fixture';
import {
  evolveCourseFacts,
  evolveOfferingFacts,
  evolveParticipationFacts,
  type CourseFacts,
  type OfferingFacts,
  type ParticipationFacts,
} from './training.facts';

const events = () => scriptedTrainingHistory().events;
const byId = <T>(rows: T[], field: keyof T) =>
  Object.fromEntries(rows.map((r) => [String(r[field]), r])) as Record<string, T>;

describe('training facts as the reporting views keep them', () => {
  it('keeps one participation per enrolment, without name or e-mail', () => {
    const rows = byId(
      foldFacts<ParticipationFacts>(events(), evolveParticipationFacts, 'enrolmentId'),
      'enrolmentId',
    );
    expect(Object.keys(rows)).toHaveLength(12);
    expect(rows['e1']).toEqual({
      enrolmentId: 'e1',
      offeringId: 'o1',
      personId: 'p1',
      sex: 'female',
      staff: false,
      constituentGroup: 'government',
      country: 'SN',
      status: 'completed',
      result: 'completed',
      attendancePercent: 100,
      preTest: 40,
      postTest: 70,
      knowledgeGain: 30,
      certified: true,
      requestedAt: '2026-01-05T09:00:00.000Z',
      enrolledAt: '2026-01-05T09:00:00.000Z',
      resultAt: '2026-02-19T17:00:00.000Z',
      withdrawnAt: null,
      lastEventAt: '2026-02-19T17:05:00.000Z',
    });
    expect(JSON.stringify(rows)).not.toMatch(/Participant p|@example\.org/);
    expect(rows['e4']).toMatchObject({
      status: 'withdrawn',
      result: null,
      withdrawnAt: '2026-01-20T09:00:00.000Z',
    });
    expect(rows['e6']).toMatchObject({ staff: true, constituentGroup: null, knowledgeGain: null });
    expect(rows['e8']).toMatchObject({ status: 'failed', knowledgeGain: -5 });
  });

  it('follows an enrolment through approval and the waitlist', () => {
    const h = new TrainingHistory();
    const participant = { personId: 'p1', sex: 'male', country: 'CH', staff: true };
    const fold = (list: Array<{ type: string; data: Record<string, unknown> }>) =>
      list.reduce<ParticipationFacts | undefined>(
        (c, e) => evolveParticipationFacts(c, e) ?? c,
        undefined,
      );
    const awaiting = {
      type: 'training.EnrolmentAwaitingApproval',
      data: {
        offeringId: 'o1',
        enrolmentId: 'e1',
        participant,
        supervisor: 's',
        requestedBy: 'p1',
        requestedAt: '2026-01-05T09:00:00.000Z',
      },
    };
    const approved = {
      type: 'training.EnrolmentApproved',
      data: {
        offeringId: 'o1',
        enrolmentId: 'e1',
        seat: 'waitlisted',
        waitlistPosition: 1,
        approvedBy: 's',
        approvedAt: '2026-01-06T09:00:00.000Z',
      },
    };
    const promoted = {
      type: 'training.WaitlistedParticipantPromoted',
      data: {
        offeringId: 'o1',
        enrolmentId: 'e1',
        cause: 'withdrawal',
        promotedAt: '2026-01-09T09:00:00.000Z',
      },
    };
    expect(fold([awaiting])).toMatchObject({ status: 'awaiting-approval', enrolledAt: null });
    expect(fold([awaiting, approved])).toMatchObject({ status: 'waitlisted', enrolledAt: null });
    expect(fold([awaiting, approved, promoted])).toMatchObject({
      status: 'enrolled',
      enrolledAt: '2026-01-09T09:00:00.000Z',
    });
    // An event of an enrolment never seen changes nothing.
    const withdrawn = h.withdraw('o1', 'zz', '2026-01-10T09:00:00.000Z');
    expect(
      evolveParticipationFacts(undefined, {
        type: withdrawn.type,
        data: withdrawn.data as Record<string, unknown>,
      }),
    ).toBeUndefined();
  });

  it('keeps one offering per offering: status, results, certificates, satisfaction', () => {
    const rows = byId(
      foldFacts<OfferingFacts>(events(), evolveOfferingFacts, 'offeringId'),
      'offeringId',
    );
    expect(rows['o1']).toMatchObject({
      courseId: 'c1',
      region: 'africa',
      country: 'SN',
      deliveryMode: 'in-person',
      startsOn: '2026-02-16',
      endsOn: '2026-02-19',
      status: 'completed',
      completedAt: '2026-02-20T09:00:00.000Z',
      participantsCompleted: 2,
      participantsFailed: 1,
      certificatesIssued: 1,
      evaluationsSubmitted: 2,
      satisfactionResponses: 2,
      satisfactionTotal: 9,
      satisfactionMean: 4.5,
    });
    expect(rows['o3']).toMatchObject({ satisfactionResponses: 0, satisfactionMean: null });
    expect(rows['o5']).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2026-02-01T09:00:00.000Z',
    });
  });

  it('keeps one course per course, with its kind and audiences', () => {
    const rows = byId(foldFacts<CourseFacts>(events(), evolveCourseFacts, 'courseId'), 'courseId');
    expect(rows['c3']).toMatchObject({
      kind: 'e-learning',
      audiences: ['staff', 'partner-institution'],
      status: 'published',
      publishedAt: '2025-09-03T10:00:00.000Z',
    });
  });
});
