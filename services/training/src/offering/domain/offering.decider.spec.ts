import { deciderSpec } from '@sfp/event-sourcing/testing';
import {
  CourseNotPublishedError,
  IllegalTransitionError,
  TrainingRuleError,
} from '../../course/domain/course.errors';
import type { EnrolParticipant } from './offering.commands';
import {
  attendancePercent,
  offeringDecider,
  seatsTaken,
  type OfferingState,
  type PlannedOffering,
} from './offering.decider';
import {
  AlreadyEnrolledError,
  CapacityBelowEnrolmentError,
  CertificateNotFoundError,
  EnrolmentNotFoundError,
  EnrolmentStatusError,
  EvaluationAlreadySubmittedError,
  OfferingAlreadyPlannedError,
  OfferingNotFoundError,
} from './offering.errors';
import {
  CertificateRevoked,
  EnrolmentApproved,
  EnrolmentDeclined,
  EnrolmentWithdrawn,
  EvaluationSubmitted,
  OfferingCancelled,
  OfferingCapacityChanged,
  OfferingCompleted,
  OfferingPlanned,
  OfferingSeatFreed,
  ParticipantCompleted,
  ParticipantEnrolled,
  ParticipantFailed,
  WaitlistedParticipantPromoted,
  type OfferingEvent,
} from './offering.events';
import {
  at,
  attendance,
  awaitingApproval,
  certificateOf,
  commands,
  course,
  DAYS,
  during,
  enrolled,
  enrolmentId,
  filled,
  history,
  issued,
  offeringId,
  opened,
  participants,
  planCommand,
  planned,
  scores,
  started,
  SUPERVISOR,
  waitlisted,
  type Who,
} from './testing/offering.fixtures';

const decider = offeringDecider();
const spec = deciderSpec(decider);
const stateAfter = (events: OfferingEvent[]): PlannedOffering => {
  const state: OfferingState = events.reduce(decider.evolve, decider.initialState());
  if (state.status === 'none') throw new Error('The offering was not planned');
  return state;
};
const statusOf = (state: PlannedOffering, who: Who) =>
  state.enrolments.find((e) => e.enrolmentId === enrolmentId(who))?.status;

const enrol = (who: Who, day: number, supervisor?: string): EnrolParticipant => ({
  type: 'EnrolParticipant',
  enrolmentId: enrolmentId(who),
  participant: participants[who],
  ...(supervisor ? { supervisor } : {}),
  at: at(day),
  by: 'user-registrar-1',
});
const withdraw = (who: Who, at: string) => ({
  ...commands.WithdrawEnrolment,
  enrolmentId: enrolmentId(who),
  at,
});
const withdrawn = (who: Who, from: 'enrolled' | 'waitlisted' | 'awaiting-approval', when: string) =>
  EnrolmentWithdrawn.of({
    offeringId,
    enrolmentId: enrolmentId(who),
    from,
    reason: 'Cannot travel to Dakar',
    withdrawnBy: 'user-registrar-1',
    withdrawnAt: when,
  });
const promoted = (who: Who, cause: 'withdrawal' | 'capacity-raised', when: string) =>
  WaitlistedParticipantPromoted.of({
    offeringId,
    enrolmentId: enrolmentId(who),
    cause,
    promotedAt: when,
  });
const capacityChanged = (capacity: number, previousCapacity = 2) =>
  OfferingCapacityChanged.of({
    offeringId,
    capacity,
    previousCapacity,
    changedBy: 'user-trainer-1',
    changedAt: at(5),
  });
const changeCapacity = (capacity: number) => ({ ...commands.ChangeOfferingCapacity, capacity });

/** Full (A and B enrolled, S awaiting approval), C then D on the waitlist. */
const fullWithWaitlist = [...history.full, waitlisted('C', 1, 5), waitlisted('D', 2, 6)];

describe('offering decider', () => {
  describe('planning', () => {
    it('plans an offering of a published course, with the revision it is planned with', () => {
      spec.given([]).when(planCommand).then([planned]);
    });

    it('refuses to plan the same offering twice', () => {
      spec.given([planned]).when(planCommand).thenThrows(OfferingAlreadyPlannedError);
    });

    it('refuses a course in draft or retired', () => {
      for (const status of ['draft', 'retired'] as const) {
        spec
          .given([])
          .when({ ...planCommand, course: { ...course, status } })
          .thenThrows(CourseNotPublishedError, (e) => expect(e.status).toBe(status));
      }
    });

    it('refuses an offering that ends before it starts; one day is fine', () => {
      const schedule = (startsOn: string, endsOn: string) => ({
        ...planCommand,
        plan: { ...planCommand.plan, schedule: { ...planCommand.plan.schedule, startsOn, endsOn } },
      });
      spec
        .given([])
        .when(schedule('2026-03-11', '2026-03-09'))
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('plan.schedule.endsOn'));
      spec
        .given([])
        .when(schedule('2026-03-09', '2026-02-30'))
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('plan.schedule.endsOn'));
      const oneDay = schedule('2026-03-09', '2026-03-09');
      spec
        .given([])
        .when(oneDay)
        .then([OfferingPlanned.of({ ...planned.data, schedule: oneDay.plan.schedule })]);
    });

    it('refuses a capacity below one seat', () => {
      for (const capacity of [0, -3, 1.5]) {
        spec
          .given([])
          .when({ ...planCommand, plan: { ...planCommand.plan, capacity } })
          .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('plan.capacity'));
      }
    });

    it('refuses any other command on an offering that was not planned', () => {
      for (const command of Object.values(commands)) {
        spec.given([]).when(command).thenThrows(OfferingNotFoundError);
      }
    });

    it('opens a planned offering for enrolment', () => {
      spec.given(history.planned).when(commands.OpenOfferingForEnrolment).then([opened]);
      spec
        .given(history.open)
        .when(commands.OpenOfferingForEnrolment)
        .thenThrows(IllegalTransitionError);
    });
  });

  describe('enrolment', () => {
    it('gives a free seat', () => {
      spec
        .given([planned, opened])
        .when(enrol('A', 2))
        .then([enrolled('A', 2)]);
    });

    it('fills the offering with the last seat', () => {
      spec
        .given([planned, opened, enrolled('A', 2)])
        .when(enrol('B', 3))
        .then([enrolled('B', 3), filled(3)]);
      expect(
        stateAfter([planned, opened, enrolled('A', 2), enrolled('B', 3), filled(3)]).status,
      ).toBe('full');
    });

    it('puts enrolments past capacity on the waitlist in arrival order', () => {
      spec
        .given(history.full)
        .when(enrol('C', 5))
        .then([waitlisted('C', 1, 5)]);
      spec
        .given([...history.full, waitlisted('C', 1, 5)])
        .when(enrol('D', 6))
        .then([waitlisted('D', 2, 6)]);
      expect(stateAfter(fullWithWaitlist).waitlist).toEqual([enrolmentId('C'), enrolmentId('D')]);
    });

    it('refuses a second active enrolment of the same person', () => {
      const again = { ...enrol('A', 5), enrolmentId: 'enrolment-a-again' };
      spec
        .given(history.open)
        .when(again)
        .thenThrows(AlreadyEnrolledError, (e) => expect(e.enrolmentId).toBe(enrolmentId('A')));
      spec
        .given(fullWithWaitlist)
        .when({ ...enrol('C', 7), enrolmentId: 'enrolment-c-again' })
        .thenThrows(AlreadyEnrolledError);
      spec
        .given(history.open)
        .when({ ...enrol('S', 5), enrolmentId: 'enrolment-s-again', supervisor: SUPERVISOR })
        .thenThrows(AlreadyEnrolledError);
    });

    it('refuses an enrolment id already used, even by someone else', () => {
      spec
        .given(history.open)
        .when({ ...enrol('B', 5), enrolmentId: enrolmentId('A') })
        .thenThrows(AlreadyEnrolledError);
    });

    it('takes a new enrolment of a person who withdrew', () => {
      const again = { ...enrol('A', 9), enrolmentId: 'enrolment-a-again' };
      spec
        .given([...history.open, withdrawn('A', 'enrolled', at(8))])
        .when(again)
        .then([
          ParticipantEnrolled.of({ ...enrolled('A', 9).data, enrolmentId: 'enrolment-a-again' }),
        ]);
    });

    it("holds a staff member's enrolment for the supervisor's approval, without a seat", () => {
      spec
        .given([planned, opened])
        .when(enrol('S', 3, SUPERVISOR))
        .then([awaitingApproval('S', 3)]);
      spec
        .given([planned, opened, enrolled('A', 2), enrolled('B', 2), filled(2)])
        .when(enrol('S', 3, SUPERVISOR))
        .then([awaitingApproval('S', 3)]);
      expect(seatsTaken(stateAfter(history.open))).toBe(1);
    });

    it('requires the supervisor of a staff member when the course needs approval', () => {
      for (const supervisor of [undefined, '  ']) {
        spec
          .given([planned, opened])
          .when({ ...enrol('S', 3), ...(supervisor !== undefined ? { supervisor } : {}) })
          .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('supervisor'));
      }
    });

    it('enrols staff directly when the course needs no approval', () => {
      const noApproval = OfferingPlanned.of({ ...planned.data, supervisorApprovalRequired: false });
      spec
        .given([noApproval, opened])
        .when(enrol('S', 3))
        .then([enrolled('S', 3)]);
    });

    it('refuses enrolment before the offering is open or once it runs', () => {
      spec.given(history.planned).when(enrol('A', 2)).thenThrows(IllegalTransitionError);
      spec.given(history.running).when(enrol('C', 60)).thenThrows(IllegalTransitionError);
    });
  });

  describe('approval', () => {
    const approved = (seat: 'enrolled' | 'waitlisted', waitlistPosition?: number) =>
      EnrolmentApproved.of({
        offeringId,
        enrolmentId: enrolmentId('S'),
        seat,
        ...(waitlistPosition ? { waitlistPosition } : {}),
        approvedBy: SUPERVISOR,
        approvedAt: at(7),
      });

    it('gives an approved enrolment a seat, filling the offering with the last one', () => {
      spec
        .given(history.open)
        .when(commands.ApproveEnrolment)
        .then([approved('enrolled'), filled(7)]);
      spec
        .given([...history.open, capacityChanged(3)])
        .when(commands.ApproveEnrolment)
        .then([approved('enrolled')]);
    });

    it('puts an approved enrolment on the waitlist when the offering is full', () => {
      spec
        .given(history.full)
        .when(commands.ApproveEnrolment)
        .then([approved('waitlisted', 1)]);
      spec
        .given(fullWithWaitlist)
        .when(commands.ApproveEnrolment)
        .then([approved('waitlisted', 3)]);
      expect(stateAfter([...history.full, approved('waitlisted', 1)]).waitlist).toEqual([
        enrolmentId('S'),
      ]);
    });

    it('declines an enrolment awaiting approval, also once the offering runs', () => {
      const declined = EnrolmentDeclined.of({
        offeringId,
        enrolmentId: enrolmentId('S'),
        reason: 'Mission in Abidjan that week',
        declinedBy: SUPERVISOR,
        declinedAt: at(7),
      });
      spec.given(history.open).when(commands.DeclineEnrolment).then([declined]);
      spec.given(history.running).when(commands.DeclineEnrolment).then([declined]);
      expect(statusOf(stateAfter([...history.open, declined]), 'S')).toBe('declined');
    });

    it('approves or declines only an enrolment awaiting approval', () => {
      for (const command of [commands.ApproveEnrolment, commands.DeclineEnrolment]) {
        spec
          .given(history.open)
          .when({ ...command, enrolmentId: enrolmentId('A') })
          .thenThrows(EnrolmentStatusError, (e) => expect(e.status).toBe('enrolled'));
        spec
          .given(history.open)
          .when({ ...command, enrolmentId: 'enrolment-unknown' })
          .thenThrows(EnrolmentNotFoundError);
      }
    });
  });

  describe('withdrawal', () => {
    it('promotes the first waiting when an enrolled participant withdraws', () => {
      spec
        .given(fullWithWaitlist)
        .when(withdraw('A', at(8)))
        .then([withdrawn('A', 'enrolled', at(8)), promoted('C', 'withdrawal', at(8))]);
      const after = stateAfter([
        ...fullWithWaitlist,
        withdrawn('A', 'enrolled', at(8)),
        promoted('C', 'withdrawal', at(8)),
      ]);
      expect(after.status).toBe('full');
      expect(after.waitlist).toEqual([enrolmentId('D')]);
      expect(statusOf(after, 'C')).toBe('enrolled');
    });

    it('frees a seat of a full offering when nobody waits, opening it again', () => {
      const freed = OfferingSeatFreed.of({ offeringId, seatsFree: 1, freedAt: at(8) });
      spec
        .given(history.full)
        .when(withdraw('A', at(8)))
        .then([withdrawn('A', 'enrolled', at(8)), freed]);
      expect(stateAfter([...history.full, withdrawn('A', 'enrolled', at(8)), freed]).status).toBe(
        'open',
      );
    });

    it('only records the withdrawal from an open offering', () => {
      spec
        .given(history.open)
        .when(commands.WithdrawEnrolment)
        .then([withdrawn('A', 'enrolled', at(8))]);
    });

    it('withdraws from the waitlist, the others moving up', () => {
      spec
        .given(fullWithWaitlist)
        .when(withdraw('C', at(8)))
        .then([withdrawn('C', 'waitlisted', at(8))]);
      spec
        .given([...fullWithWaitlist, withdrawn('C', 'waitlisted', at(8))])
        .when(withdraw('A', at(9)))
        .then([withdrawn('A', 'enrolled', at(9)), promoted('D', 'withdrawal', at(9))]);
    });

    it('withdraws an enrolment awaiting approval', () => {
      spec
        .given(history.open)
        .when(withdraw('S', at(8)))
        .then([withdrawn('S', 'awaiting-approval', at(8))]);
    });

    it('promotes nobody once the offering runs', () => {
      spec
        .given([...fullWithWaitlist, started])
        .when(withdraw('A', during(2, 9)))
        .then([withdrawn('A', 'enrolled', during(2, 9))]);
    });

    it('refuses to withdraw an enrolment that is no longer active, or unknown', () => {
      spec
        .given([...history.open, withdrawn('A', 'enrolled', at(8))])
        .when(withdraw('A', at(9)))
        .thenThrows(EnrolmentStatusError, (e) => expect(e.status).toBe('withdrawn'));
      spec
        .given(history.open)
        .when({ ...commands.WithdrawEnrolment, enrolmentId: 'enrolment-unknown' })
        .thenThrows(EnrolmentNotFoundError);
    });
  });

  describe('capacity', () => {
    it('changes the capacity of a planned offering', () => {
      spec
        .given(history.planned)
        .when(changeCapacity(25))
        .then([capacityChanged(25)]);
    });

    it('does nothing when the capacity is the same', () => {
      spec.given(history.full).when(changeCapacity(2)).thenNothingHappens();
    });

    it('refuses a capacity below the participants enrolled', () => {
      spec
        .given(history.full)
        .when(changeCapacity(1))
        .thenThrows(CapacityBelowEnrolmentError, (e) => {
          expect(e.capacity).toBe(1);
          expect(e.enrolled).toBe(2);
        });
    });

    it('refuses a capacity below one seat', () => {
      spec
        .given(history.planned)
        .when(changeCapacity(0))
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('capacity'));
    });

    it('promotes from the waitlist as many as the new seats allow, in order', () => {
      spec
        .given(fullWithWaitlist)
        .when(changeCapacity(3))
        .then([capacityChanged(3), promoted('C', 'capacity-raised', at(5))]);
      spec
        .given(fullWithWaitlist)
        .when(changeCapacity(5))
        .then([
          capacityChanged(5),
          promoted('C', 'capacity-raised', at(5)),
          promoted('D', 'capacity-raised', at(5)),
          OfferingSeatFreed.of({ offeringId, seatsFree: 1, freedAt: at(5) }),
        ]);
    });

    it('opens a full offering with nobody waiting when seats are added', () => {
      spec
        .given(history.full)
        .when(changeCapacity(3))
        .then([
          capacityChanged(3),
          OfferingSeatFreed.of({ offeringId, seatsFree: 1, freedAt: at(5) }),
        ]);
    });

    it('fills an open offering whose capacity comes down to the participants enrolled', () => {
      spec
        .given(history.open)
        .when(changeCapacity(1))
        .then([capacityChanged(1), filled(5, 1)]);
    });
  });

  describe('start and cancellation', () => {
    it('starts an offering, waitlisted and awaiting enrolments staying as they are', () => {
      spec.given(fullWithWaitlist).when(commands.StartOffering).then([started]);
      const after = stateAfter([...fullWithWaitlist, started]);
      expect(after.status).toBe('running');
      expect(statusOf(after, 'C')).toBe('waitlisted');
      expect(statusOf(after, 'S')).toBe('awaiting-approval');
    });

    it('starts an open offering with nobody enrolled', () => {
      spec.given([planned, opened]).when(commands.StartOffering).then([started]);
    });

    it('cancels an offering, notifying every active enrolment in arrival order', () => {
      const cancelledNotifying = (notified: Who[]) =>
        OfferingCancelled.of({
          offeringId,
          reason: 'The venue is closed for renovation',
          notified: notified.map(enrolmentId),
          cancelledBy: 'user-trainer-1',
          cancelledAt: at(9),
        });
      spec
        .given(fullWithWaitlist)
        .when(commands.CancelOffering)
        .then([cancelledNotifying(['A', 'S', 'B', 'C', 'D'])]);
      spec
        .given([...fullWithWaitlist, withdrawn('D', 'waitlisted', at(8))])
        .when(commands.CancelOffering)
        .then([cancelledNotifying(['A', 'S', 'B', 'C'])]);
      const after = stateAfter([
        ...fullWithWaitlist,
        cancelledNotifying(['A', 'S', 'B', 'C', 'D']),
      ]);
      expect(after.status).toBe('cancelled');
      expect(after.enrolments.map((e) => e.status)).toEqual(Array(5).fill('cancelled'));
      expect(after.waitlist).toEqual([]);
    });

    it('cancels a planned offering with nobody to notify', () => {
      spec
        .given(history.planned)
        .when(commands.CancelOffering)
        .then([
          OfferingCancelled.of({
            offeringId,
            reason: 'The venue is closed for renovation',
            notified: [],
            cancelledBy: 'user-trainer-1',
            cancelledAt: at(9),
          }),
        ]);
    });
  });

  describe('attendance', () => {
    const record = (day: 1 | 2 | 3, present: Who[]) => ({
      ...commands.RecordAttendance,
      day: DAYS[day - 1],
      present: present.map(enrolmentId),
      at: during(day),
    });

    it('records who was there, the other enrolled participants absent', () => {
      spec
        .given(history.running)
        .when(record(1, ['B']))
        .then([attendance(1, ['B'], ['A'])]);
      spec
        .given(history.running)
        .when(record(3, []))
        .then([attendance(3, [], ['A', 'B'])]);
    });

    it('replaces a day recorded again, and does nothing when it is the same', () => {
      const given = [...history.running, attendance(1, ['A'], ['B'])];
      spec
        .given(given)
        .when(record(1, ['B', 'A']))
        .then([attendance(1, ['A', 'B'], [])]);
      spec
        .given(given)
        .when(record(1, ['A']))
        .thenNothingHappens();
      const after = stateAfter([...given, attendance(1, ['A', 'B'], [])]);
      expect(after.attendance).toEqual({ [DAYS[0]]: [enrolmentId('A'), enrolmentId('B')] });
    });

    it('refuses a day outside the offering', () => {
      for (const day of ['2026-03-08', '2026-03-12', '9 March 2026']) {
        spec
          .given(history.running)
          .when({ ...commands.RecordAttendance, day })
          .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('day'));
      }
    });

    it('refuses as present an unknown enrolment, one not enrolled, or one named twice', () => {
      spec
        .given(history.running)
        .when({ ...commands.RecordAttendance, present: ['enrolment-unknown'] })
        .thenThrows(EnrolmentNotFoundError);
      spec
        .given(history.running)
        .when(record(1, ['A', 'S']))
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('present'));
      spec
        .given(history.running)
        .when(record(1, ['A', 'A']))
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('present'));
    });

    it('computes attendance in per cent, to one decimal', () => {
      expect(attendancePercent(2, 3)).toBe(66.7);
      expect(attendancePercent(1, 3)).toBe(33.3);
      expect(attendancePercent(4, 5)).toBe(80);
      expect(attendancePercent(0, 0)).toBe(0);
    });
  });

  describe('test scores', () => {
    it('records the scores of an enrolled participant', () => {
      spec
        .given(history.running)
        .when(commands.RecordTestScores)
        .then([scores('A', 45, 82)]);
    });

    it('records one score alone, and nothing when it is already recorded', () => {
      const postOnly = { ...commands.RecordTestScores, preTest: undefined, postTest: 90 };
      const { preTest: _pre, ...data } = scores('A', 45, 90).data;
      spec
        .given([...history.running, scores('A', 45, 82)])
        .when(postOnly)
        .then([{ ...scores('A', 45, 90), data }]);
      spec
        .given([...history.running, scores('A', 45, 82)])
        .when({ ...commands.RecordTestScores, postTest: undefined })
        .thenNothingHappens();
    });

    it('refuses scores outside 0–100, or none', () => {
      spec
        .given(history.running)
        .when({ ...commands.RecordTestScores, preTest: -1 })
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('preTest'));
      spec
        .given(history.running)
        .when({ ...commands.RecordTestScores, postTest: 101 })
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('postTest'));
      spec
        .given(history.running)
        .when({ ...commands.RecordTestScores, preTest: undefined, postTest: undefined })
        .thenThrows(TrainingRuleError);
    });

    it('refuses scores of an enrolment not enrolled, or unknown', () => {
      spec
        .given(history.running)
        .when({ ...commands.RecordTestScores, enrolmentId: enrolmentId('S') })
        .thenThrows(EnrolmentStatusError);
      spec
        .given(history.running)
        .when({ ...commands.RecordTestScores, enrolmentId: 'enrolment-unknown' })
        .thenThrows(EnrolmentNotFoundError);
    });
  });

  describe('completion', () => {
    const completeWith = (n: number) => ({
      ...commands.CompleteOffering,
      certificates: Array.from({ length: n }, (_, i) => certificateOf(i + 1)),
    });
    const completedEvent = (
      who: Who,
      attendancePercent: number,
      preTest: number,
      postTest: number,
    ) =>
      ParticipantCompleted.of({
        offeringId,
        enrolmentId: enrolmentId(who),
        attendancePercent,
        preTest,
        postTest,
        completedAt: during(3),
      });
    const failedEvent = (
      who: Who,
      attendancePercent: number,
      shortfalls: Array<'attendance' | 'post-test'>,
      testScores: { preTest?: number; postTest?: number },
    ) =>
      ParticipantFailed.of({
        offeringId,
        enrolmentId: enrolmentId(who),
        attendancePercent,
        ...testScores,
        shortfalls,
        failedAt: during(3),
      });
    const offeringCompleted = (completed: number, failed: number) =>
      OfferingCompleted.of({
        offeringId,
        completed,
        failed,
        completedBy: 'user-trainer-1',
        completedAt: during(3),
      });
    const allThere = [
      attendance(1, ['A', 'B'], []),
      attendance(2, ['A', 'B'], []),
      attendance(3, ['A', 'B'], []),
    ];

    it('completes those who meet the rule, certificates in enrolment order from the command', () => {
      spec
        .given([...history.running, ...allThere, scores('A', 45, 82), scores('B', 50, 60)])
        .when(completeWith(3))
        .then([
          completedEvent('A', 100, 45, 82),
          issued('A', 1),
          completedEvent('B', 100, 50, 60),
          issued('B', 2),
          offeringCompleted(2, 0),
        ]);
    });

    it('fails those short of attendance or of the post-test, giving the next certificate to the next who completes', () => {
      spec
        .given([
          ...history.running,
          attendance(1, ['A', 'B'], []),
          attendance(2, ['B'], ['A']),
          attendance(3, ['B'], ['A']),
          scores('A', 45, 82),
          scores('B', 50, 70),
        ])
        .when(completeWith(2))
        .then([
          failedEvent('A', 33.3, ['attendance'], { preTest: 45, postTest: 82 }),
          completedEvent('B', 100, 50, 70),
          issued('B', 1),
          offeringCompleted(1, 1),
        ]);
      spec
        .given([...history.running, ...allThere, scores('A', 45, 82), scores('B', 50, 59)])
        .when(completeWith(2))
        .then([
          completedEvent('A', 100, 45, 82),
          issued('A', 1),
          failedEvent('B', 100, ['post-test'], { preTest: 50, postTest: 59 }),
          offeringCompleted(1, 1),
        ]);
    });

    it('fails on the post-test one who never took it, and on both counts when nothing was recorded', () => {
      spec
        .given([...history.running, ...allThere, scores('A', 45, 82)])
        .when(completeWith(1))
        .then([
          completedEvent('A', 100, 45, 82),
          issued('A', 1),
          failedEvent('B', 100, ['post-test'], {}),
          offeringCompleted(1, 1),
        ]);
      spec
        .given(history.running)
        .when(completeWith(0))
        .then([
          failedEvent('A', 0, ['attendance', 'post-test'], {}),
          failedEvent('B', 0, ['attendance', 'post-test'], {}),
          offeringCompleted(0, 2),
        ]);
    });

    it('completes on attendance alone when the course sets no post-test', () => {
      const noTest = OfferingPlanned.of({
        ...planned.data,
        completionRule: { minAttendancePercent: 66.7 },
      });
      spec
        .given([
          noTest,
          ...history.running.slice(1),
          attendance(1, ['A', 'B'], []),
          attendance(2, ['A'], ['B']),
          attendance(3, ['A', 'B'], []),
        ])
        .when(completeWith(2))
        .then([
          ParticipantCompleted.of({
            offeringId,
            enrolmentId: enrolmentId('A'),
            attendancePercent: 100,
            completedAt: during(3),
          }),
          issued('A', 1),
          ParticipantCompleted.of({
            offeringId,
            enrolmentId: enrolmentId('B'),
            attendancePercent: 66.7,
            completedAt: during(3),
          }),
          issued('B', 2),
          offeringCompleted(2, 0),
        ]);
    });

    it('refuses too few certificates, or repeated ones', () => {
      spec
        .given([...history.running, ...allThere, scores('A', 45, 82), scores('B', 50, 60)])
        .when(completeWith(1))
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('certificates'));
      spec
        .given(history.running)
        .when({ ...commands.CompleteOffering, certificates: [certificateOf(1), certificateOf(1)] })
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('certificates'));
    });

    it('ends the waitlisted and awaiting enrolments as cancelled', () => {
      const after = stateAfter([
        ...fullWithWaitlist,
        started,
        failedEvent('A', 0, ['attendance'], {}),
        failedEvent('B', 0, ['attendance'], {}),
        offeringCompleted(0, 2),
      ]);
      expect(after.status).toBe('completed');
      expect(['A', 'B', 'C', 'D', 'S'].map((who) => statusOf(after, who as Who))).toEqual([
        'failed',
        'failed',
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
    });
  });

  describe('certificates', () => {
    const revoked = CertificateRevoked.of({
      offeringId,
      certificateId: 'certificate-1',
      reason: 'Issued to the wrong enrolment',
      revokedBy: 'user-trainer-1',
      revokedAt: '2026-03-20T10:00:00.000Z',
    });

    it('revokes a certificate issued in the offering, once', () => {
      spec.given(history.completed).when(commands.RevokeCertificate).then([revoked]);
      spec
        .given([...history.completed, revoked])
        .when(commands.RevokeCertificate)
        .thenNothingHappens();
    });

    it('refuses a certificate not issued here', () => {
      spec
        .given(history.completed)
        .when({ ...commands.RevokeCertificate, certificateId: 'certificate-9' })
        .thenThrows(CertificateNotFoundError);
    });
  });

  describe('evaluation', () => {
    const submitted = (who: Who, submittedAt: string) =>
      EvaluationSubmitted.of({
        offeringId,
        evaluationId: 'evaluation-1',
        enrolmentId: enrolmentId(who),
        ratings: commands.SubmitEvaluation.ratings,
        comment: 'Very practical case studies',
        submittedAt,
      });

    it('takes the answers of a participant who attended, while it runs or once completed', () => {
      spec
        .given(history.running)
        .when(commands.SubmitEvaluation)
        .then([submitted('A', during(3, 18))]);
      spec
        .given(history.completed)
        .when({ ...commands.SubmitEvaluation, enrolmentId: enrolmentId('B') })
        .then([submitted('B', during(3, 18))]);
    });

    it('takes one evaluation per enrolment', () => {
      spec
        .given([...history.running, submitted('A', during(3, 18))])
        .when({ ...commands.SubmitEvaluation, evaluationId: 'evaluation-2' })
        .thenThrows(EvaluationAlreadySubmittedError);
    });

    it('refuses an enrolment that did not attend, or unknown', () => {
      spec
        .given(history.running)
        .when({ ...commands.SubmitEvaluation, enrolmentId: enrolmentId('S') })
        .thenThrows(EnrolmentStatusError, (e) => expect(e.status).toBe('awaiting-approval'));
      spec
        .given(history.running)
        .when({ ...commands.SubmitEvaluation, enrolmentId: 'enrolment-unknown' })
        .thenThrows(EnrolmentNotFoundError);
    });

    it('refuses ratings off the scale, repeated items, or none', () => {
      const rated = (ratings: typeof commands.SubmitEvaluation.ratings) => ({
        ...commands.SubmitEvaluation,
        ratings,
      });
      for (const ratings of [
        [{ item: 'objectives-met' as const, score: 6 }],
        [{ item: 'objectives-met' as const, score: 0 }],
        [{ item: 'objectives-met' as const, score: 3.5 }],
        [
          { item: 'objectives-met' as const, score: 4 },
          { item: 'objectives-met' as const, score: 5 },
        ],
        [],
      ]) {
        spec
          .given(history.running)
          .when(rated(ratings))
          .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('ratings'));
      }
    });
  });
});
