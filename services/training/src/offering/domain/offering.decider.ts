import {
  LIKERT_RANGE,
  OFFERING_COMMAND_ALLOWED_FROM,
  TEST_SCORE_RANGE,
  type CompletionRule,
  type EnrolmentStatus,
  type EvaluationRating,
  type OfferingCommandType,
  type OfferingStatus,
} from '@sfp/contracts';
import type { Decider } from '@sfp/event-sourcing/domain';
import {
  CourseNotPublishedError,
  IllegalTransitionError,
  TrainingRuleError,
} from '../../course/domain/course.errors';
import type {
  ApproveEnrolment,
  ChangeOfferingCapacity,
  CompleteOffering,
  EnrolParticipant,
  OfferingCommand,
  PlanOffering,
  RecordAttendance,
  RecordTestScores,
  SubmitEvaluation,
  WithdrawEnrolment,
} from './offering.commands';
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
  AttendanceRecorded,
  CertificateIssued,
  CertificateRevoked,
  EnrolmentApproved,
  EnrolmentAwaitingApproval,
  EnrolmentDeclined,
  EnrolmentWithdrawn,
  EvaluationSubmitted,
  OfferingCancelled,
  OfferingCapacityChanged,
  OfferingCompleted,
  OfferingFilled,
  OfferingOpenedForEnrolment,
  OfferingPlanned,
  OfferingSeatFreed,
  OfferingStarted,
  ParticipantCompleted,
  ParticipantEnrolled,
  ParticipantFailed,
  ParticipantWaitlisted,
  TestScoresRecorded,
  WaitlistedParticipantPromoted,
  type CompletionShortfall,
  type OfferingEvent,
} from './offering.events';

/** One enrolment, without personal data: the person by pseudonymous id only. */
export interface OfferingEnrolment {
  enrolmentId: string;
  personId: string;
  status: EnrolmentStatus;
  preTest?: number;
  postTest?: number;
  /** Answered the satisfaction questionnaire. */
  evaluated: boolean;
}

export interface OfferingCertificate {
  certificateId: string;
  enrolmentId: string;
  revoked: boolean;
}

export interface PlannedOffering {
  status: OfferingStatus;
  offeringId: string;
  courseId: string;
  courseRevision: number;
  courseTitle: string;
  completionRule: CompletionRule;
  supervisorApprovalRequired: boolean;
  startsOn: string;
  endsOn: string;
  capacity: number;
  /** In arrival order (the order enrolments were asked for). */
  enrolments: OfferingEnrolment[];
  /** Waitlisted enrolment ids, next first. */
  waitlist: string[];
  /** Each recorded session day (calendar date) with the enrolment ids present. */
  attendance: Record<string, string[]>;
  certificates: OfferingCertificate[];
}

/** No personal data in state: snapshots are not encrypted (see libs/event-sourcing). */
export type OfferingState = { status: 'none' } | PlannedOffering;

/** Enrolments that still count: they hold a seat, a waitlist place, or wait for approval. */
export const ACTIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = [
  'awaiting-approval',
  'enrolled',
  'waitlisted',
];

export function offeringDecider(): Decider<OfferingState, OfferingCommand, OfferingEvent> {
  return { initialState: () => ({ status: 'none' }), decide, evolve };
}

/** Seats taken: enrolments that hold one. */
export function seatsTaken(state: PlannedOffering): number {
  return state.enrolments.filter((e) => e.status === 'enrolled').length;
}

/** Days present over days recorded, in per cent rounded to one decimal; 0 when no day was recorded. */
export function attendancePercent(daysPresent: number, daysRecorded: number): number {
  if (daysRecorded <= 0) return 0;
  return Math.round((daysPresent * 1000) / daysRecorded) / 10;
}

/** One enrolment's attendance over the days recorded in the offering. */
export function enrolmentAttendancePercent(state: PlannedOffering, enrolmentId: string): number {
  const days = Object.values(state.attendance);
  return attendancePercent(
    days.filter((present) => present.includes(enrolmentId)).length,
    days.length,
  );
}

function decide(command: OfferingCommand, state: OfferingState): OfferingEvent[] {
  if (command.type === 'PlanOffering') {
    if (state.status !== 'none') throw new OfferingAlreadyPlannedError(state.offeringId);
    return plan(command);
  }
  if (state.status === 'none') throw new OfferingNotFoundError();
  allowedFrom(command.type, state);
  const offeringId = state.offeringId;

  switch (command.type) {
    case 'OpenOfferingForEnrolment':
      return [
        OfferingOpenedForEnrolment.of({ offeringId, openedBy: command.by, openedAt: command.at }),
      ];
    case 'ChangeOfferingCapacity':
      return changeCapacity(command, state);
    case 'EnrolParticipant':
      return enrol(command, state);
    case 'ApproveEnrolment':
      return approve(command, state);
    case 'DeclineEnrolment': {
      const enrolment = enrolmentOf(state, command.enrolmentId);
      if (enrolment.status !== 'awaiting-approval')
        throw new EnrolmentStatusError(enrolment.enrolmentId, enrolment.status, 'declined');
      return [
        EnrolmentDeclined.of({
          offeringId,
          enrolmentId: enrolment.enrolmentId,
          reason: command.reason,
          declinedBy: command.by,
          declinedAt: command.at,
        }),
      ];
    }
    case 'WithdrawEnrolment':
      return withdraw(command, state);
    case 'StartOffering':
      return [OfferingStarted.of({ offeringId, startedBy: command.by, startedAt: command.at })];
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'RecordTestScores':
      return recordTestScores(command, state);
    case 'CompleteOffering':
      return complete(command, state);
    case 'CancelOffering':
      return [
        OfferingCancelled.of({
          offeringId,
          reason: command.reason,
          notified: state.enrolments.filter(isActive).map((e) => e.enrolmentId),
          cancelledBy: command.by,
          cancelledAt: command.at,
        }),
      ];
    case 'RevokeCertificate': {
      const certificate = state.certificates.find((c) => c.certificateId === command.certificateId);
      if (!certificate) throw new CertificateNotFoundError(command.certificateId);
      if (certificate.revoked) return [];
      return [
        CertificateRevoked.of({
          offeringId,
          certificateId: certificate.certificateId,
          reason: command.reason,
          revokedBy: command.by,
          revokedAt: command.at,
        }),
      ];
    }
    case 'SubmitEvaluation':
      return submitEvaluation(command, state);
    default:
      return assertNever(command);
  }
}

function plan(command: PlanOffering): OfferingEvent[] {
  const { course, plan } = command;
  if (course.status !== 'published')
    throw new CourseNotPublishedError(course.courseId, course.status);
  if (!isCalendarDate(plan.schedule.startsOn))
    throw new TrainingRuleError('plan.schedule.startsOn', 'The first day is a calendar date');
  if (!isCalendarDate(plan.schedule.endsOn))
    throw new TrainingRuleError('plan.schedule.endsOn', 'The last day is a calendar date');
  if (plan.schedule.endsOn < plan.schedule.startsOn)
    throw new TrainingRuleError('plan.schedule.endsOn', 'The offering cannot end before it starts');
  checkCapacity(plan.capacity, 'plan.capacity');
  return [
    OfferingPlanned.of({
      ...plan,
      offeringId: command.offeringId,
      courseId: course.courseId,
      courseRevision: course.revision,
      courseCode: course.code,
      courseTitle: course.title,
      completionRule: {
        minAttendancePercent: course.completionRule.minAttendancePercent,
        ...(course.completionRule.minPostTestScore !== undefined
          ? { minPostTestScore: course.completionRule.minPostTestScore }
          : {}),
      },
      supervisorApprovalRequired: course.supervisorApprovalRequired,
      plannedBy: command.by,
      plannedAt: command.at,
    }),
  ];
}

function changeCapacity(command: ChangeOfferingCapacity, state: PlannedOffering): OfferingEvent[] {
  checkCapacity(command.capacity, 'capacity');
  if (command.capacity === state.capacity) return [];
  const enrolled = seatsTaken(state);
  if (command.capacity < enrolled)
    throw new CapacityBelowEnrolmentError(command.capacity, enrolled);
  const offeringId = state.offeringId;
  const events: OfferingEvent[] = [
    OfferingCapacityChanged.of({
      offeringId,
      capacity: command.capacity,
      previousCapacity: state.capacity,
      changedBy: command.by,
      changedAt: command.at,
    }),
  ];
  const promoted = state.waitlist.slice(0, command.capacity - enrolled);
  for (const enrolmentId of promoted) {
    events.push(
      WaitlistedParticipantPromoted.of({
        offeringId,
        enrolmentId,
        cause: 'capacity-raised',
        promotedAt: command.at,
      }),
    );
  }
  if (state.status === 'planned') return events;
  const seatsFree = command.capacity - enrolled - promoted.length;
  if (seatsFree === 0 && state.status !== 'full') {
    events.push(
      OfferingFilled.of({ offeringId, capacity: command.capacity, filledAt: command.at }),
    );
  } else if (seatsFree > 0 && state.status === 'full') {
    events.push(OfferingSeatFreed.of({ offeringId, seatsFree, freedAt: command.at }));
  }
  return events;
}

function enrol(command: EnrolParticipant, state: PlannedOffering): OfferingEvent[] {
  const { enrolmentId, participant } = command;
  if (state.enrolments.some((e) => e.enrolmentId === enrolmentId))
    throw new AlreadyEnrolledError(enrolmentId);
  const existing = state.enrolments.find((e) => e.personId === participant.personId && isActive(e));
  if (existing) throw new AlreadyEnrolledError(existing.enrolmentId);
  const offeringId = state.offeringId;

  if (participant.staff && state.supervisorApprovalRequired) {
    const supervisor = command.supervisor?.trim();
    if (!supervisor)
      throw new TrainingRuleError(
        'supervisor',
        "This course needs the supervisor's approval of a staff member's enrolment: name the supervisor",
      );
    return [
      EnrolmentAwaitingApproval.of({
        offeringId,
        enrolmentId,
        participant,
        supervisor,
        requestedBy: command.by,
        requestedAt: command.at,
      }),
    ];
  }
  if (seatsTaken(state) < state.capacity) {
    return [
      ParticipantEnrolled.of({
        offeringId,
        enrolmentId,
        participant,
        enrolledBy: command.by,
        enrolledAt: command.at,
      }),
      ...filledByOneMore(state, command.at),
    ];
  }
  return [
    ParticipantWaitlisted.of({
      offeringId,
      enrolmentId,
      participant,
      waitlistPosition: state.waitlist.length + 1,
      waitlistedBy: command.by,
      waitlistedAt: command.at,
    }),
  ];
}

function approve(command: ApproveEnrolment, state: PlannedOffering): OfferingEvent[] {
  const enrolment = enrolmentOf(state, command.enrolmentId);
  if (enrolment.status !== 'awaiting-approval')
    throw new EnrolmentStatusError(enrolment.enrolmentId, enrolment.status, 'approved');
  const common = {
    offeringId: state.offeringId,
    enrolmentId: enrolment.enrolmentId,
    approvedBy: command.by,
    approvedAt: command.at,
  };
  if (seatsTaken(state) < state.capacity) {
    return [
      EnrolmentApproved.of({ ...common, seat: 'enrolled' }),
      ...filledByOneMore(state, command.at),
    ];
  }
  return [
    EnrolmentApproved.of({
      ...common,
      seat: 'waitlisted',
      waitlistPosition: state.waitlist.length + 1,
    }),
  ];
}

function withdraw(command: WithdrawEnrolment, state: PlannedOffering): OfferingEvent[] {
  const enrolment = enrolmentOf(state, command.enrolmentId);
  const from = enrolment.status;
  if (from !== 'awaiting-approval' && from !== 'enrolled' && from !== 'waitlisted')
    throw new EnrolmentStatusError(enrolment.enrolmentId, from, 'withdrawn');
  const offeringId = state.offeringId;
  const events: OfferingEvent[] = [
    EnrolmentWithdrawn.of({
      offeringId,
      enrolmentId: enrolment.enrolmentId,
      from,
      reason: command.reason,
      withdrawnBy: command.by,
      withdrawnAt: command.at,
    }),
  ];
  if (from !== 'enrolled' || state.status === 'running') return events;
  const next = state.waitlist[0];
  if (next !== undefined) {
    events.push(
      WaitlistedParticipantPromoted.of({
        offeringId,
        enrolmentId: next,
        cause: 'withdrawal',
        promotedAt: command.at,
      }),
    );
  } else if (state.status === 'full') {
    events.push(
      OfferingSeatFreed.of({
        offeringId,
        seatsFree: state.capacity - seatsTaken(state) + 1,
        freedAt: command.at,
      }),
    );
  }
  return events;
}

function recordAttendance(command: RecordAttendance, state: PlannedOffering): OfferingEvent[] {
  const { day } = command;
  if (!isCalendarDate(day) || day < state.startsOn || day > state.endsOn)
    throw new TrainingRuleError(
      'day',
      `Attendance is recorded for a day from ${state.startsOn} to ${state.endsOn}`,
    );
  if (new Set(command.present).size !== command.present.length)
    throw new TrainingRuleError('present', 'A participant is named present once');
  for (const enrolmentId of command.present) {
    const enrolment = enrolmentOf(state, enrolmentId);
    if (enrolment.status !== 'enrolled')
      throw new TrainingRuleError(
        'present',
        `Enrolment ${enrolmentId} is ${enrolment.status}: only enrolled participants attend`,
      );
  }
  const enrolled = state.enrolments
    .filter((e) => e.status === 'enrolled')
    .map((e) => e.enrolmentId);
  const present = enrolled.filter((id) => command.present.includes(id));
  const before = state.attendance[day];
  if (before && sameMembers(before, present)) return [];
  return [
    AttendanceRecorded.of({
      offeringId: state.offeringId,
      day,
      present,
      absent: enrolled.filter((id) => !command.present.includes(id)),
      recordedBy: command.by,
      recordedAt: command.at,
    }),
  ];
}

function recordTestScores(command: RecordTestScores, state: PlannedOffering): OfferingEvent[] {
  const enrolment = enrolmentOf(state, command.enrolmentId);
  if (enrolment.status !== 'enrolled')
    throw new EnrolmentStatusError(enrolment.enrolmentId, enrolment.status, 'given test scores');
  const { preTest, postTest } = command;
  if (preTest === undefined && postTest === undefined)
    throw new TrainingRuleError('preTest', 'Give a pre-test score, a post-test score or both');
  checkScore(preTest, 'preTest');
  checkScore(postTest, 'postTest');
  const unchanged =
    (preTest === undefined || preTest === enrolment.preTest) &&
    (postTest === undefined || postTest === enrolment.postTest);
  if (unchanged) return [];
  return [
    TestScoresRecorded.of({
      offeringId: state.offeringId,
      enrolmentId: enrolment.enrolmentId,
      ...(preTest !== undefined ? { preTest } : {}),
      ...(postTest !== undefined ? { postTest } : {}),
      recordedBy: command.by,
      recordedAt: command.at,
    }),
  ];
}

/** Whether one enrolment meets the completion rule, and if not, why. */
export function completionShortfalls(
  rule: CompletionRule,
  attendance: number,
  postTest: number | undefined,
): CompletionShortfall[] {
  const shortfalls: CompletionShortfall[] = [];
  if (attendance < rule.minAttendancePercent) shortfalls.push('attendance');
  if (rule.minPostTestScore !== undefined && (postTest ?? -1) < rule.minPostTestScore)
    shortfalls.push('post-test');
  return shortfalls;
}

function complete(command: CompleteOffering, state: PlannedOffering): OfferingEvent[] {
  const offeringId = state.offeringId;
  const results = state.enrolments
    .filter((e) => e.status === 'enrolled')
    .map((enrolment) => {
      const attendance = enrolmentAttendancePercent(state, enrolment.enrolmentId);
      return {
        enrolment,
        attendance,
        shortfalls: completionShortfalls(state.completionRule, attendance, enrolment.postTest),
      };
    });
  const completions = results.filter((r) => r.shortfalls.length === 0).length;
  const ids = command.certificates.map((c) => c.certificateId);
  const codes = command.certificates.map((c) => c.verificationCode);
  if (new Set(ids).size !== ids.length || new Set(codes).size !== codes.length)
    throw new TrainingRuleError(
      'certificates',
      'Certificate ids and verification codes are unique',
    );
  if (command.certificates.length < completions)
    throw new TrainingRuleError(
      'certificates',
      `${completions} participants complete: give at least as many certificates (${command.certificates.length} given)`,
    );

  const events: OfferingEvent[] = [];
  let issued = 0;
  for (const { enrolment, attendance, shortfalls } of results) {
    const scores = {
      ...(enrolment.preTest !== undefined ? { preTest: enrolment.preTest } : {}),
      ...(enrolment.postTest !== undefined ? { postTest: enrolment.postTest } : {}),
    };
    const enrolmentId = enrolment.enrolmentId;
    if (shortfalls.length > 0) {
      events.push(
        ParticipantFailed.of({
          offeringId,
          enrolmentId,
          attendancePercent: attendance,
          ...scores,
          shortfalls,
          failedAt: command.at,
        }),
      );
      continue;
    }
    const certificate = command.certificates[issued++];
    if (!certificate) throw new Error('Unreachable: the certificates were counted above');
    events.push(
      ParticipantCompleted.of({
        offeringId,
        enrolmentId,
        attendancePercent: attendance,
        ...scores,
        completedAt: command.at,
      }),
      CertificateIssued.of({
        offeringId,
        certificateId: certificate.certificateId,
        verificationCode: certificate.verificationCode,
        enrolmentId,
        personId: enrolment.personId,
        courseId: state.courseId,
        courseRevision: state.courseRevision,
        courseTitle: state.courseTitle,
        startsOn: state.startsOn,
        endsOn: state.endsOn,
        issuedAt: command.at,
      }),
    );
  }
  events.push(
    OfferingCompleted.of({
      offeringId,
      completed: completions,
      failed: results.length - completions,
      completedBy: command.by,
      completedAt: command.at,
    }),
  );
  return events;
}

function submitEvaluation(command: SubmitEvaluation, state: PlannedOffering): OfferingEvent[] {
  const enrolment = enrolmentOf(state, command.enrolmentId);
  if (!['enrolled', 'completed', 'failed'].includes(enrolment.status))
    throw new EnrolmentStatusError(
      enrolment.enrolmentId,
      enrolment.status,
      'evaluating the offering',
    );
  if (enrolment.evaluated) throw new EvaluationAlreadySubmittedError(enrolment.enrolmentId);
  checkRatings(command.ratings);
  return [
    EvaluationSubmitted.of({
      offeringId: state.offeringId,
      evaluationId: command.evaluationId,
      enrolmentId: enrolment.enrolmentId,
      ratings: command.ratings,
      ...(command.comment ? { comment: command.comment } : {}),
      submittedAt: command.at,
    }),
  ];
}

export function evolve(state: OfferingState, event: OfferingEvent): OfferingState {
  if (event.type === 'training.OfferingPlanned') {
    const d = event.data;
    return {
      status: 'planned',
      offeringId: d.offeringId,
      courseId: d.courseId,
      courseRevision: d.courseRevision,
      courseTitle: d.courseTitle,
      completionRule: d.completionRule,
      supervisorApprovalRequired: d.supervisorApprovalRequired,
      startsOn: d.schedule.startsOn,
      endsOn: d.schedule.endsOn,
      capacity: d.capacity,
      enrolments: [],
      waitlist: [],
      attendance: {},
      certificates: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'training.OfferingOpenedForEnrolment':
      return { ...state, status: 'open' };
    case 'training.OfferingCapacityChanged':
      return { ...state, capacity: event.data.capacity };
    case 'training.OfferingFilled':
      return { ...state, status: 'full' };
    case 'training.OfferingSeatFreed':
      return { ...state, status: 'open' };
    case 'training.ParticipantEnrolled':
      return withNewEnrolment(state, event.data, 'enrolled');
    case 'training.ParticipantWaitlisted':
      return {
        ...withNewEnrolment(state, event.data, 'waitlisted'),
        waitlist: [...state.waitlist, event.data.enrolmentId],
      };
    case 'training.EnrolmentAwaitingApproval':
      return withNewEnrolment(state, event.data, 'awaiting-approval');
    case 'training.EnrolmentApproved': {
      const { enrolmentId, seat } = event.data;
      const next = withEnrolment(state, enrolmentId, { status: seat });
      return seat === 'waitlisted' ? { ...next, waitlist: [...state.waitlist, enrolmentId] } : next;
    }
    case 'training.EnrolmentDeclined':
      return withEnrolment(state, event.data.enrolmentId, { status: 'declined' });
    case 'training.EnrolmentWithdrawn':
      return offWaitlist(
        withEnrolment(state, event.data.enrolmentId, { status: 'withdrawn' }),
        event.data.enrolmentId,
      );
    case 'training.WaitlistedParticipantPromoted':
      return offWaitlist(
        withEnrolment(state, event.data.enrolmentId, { status: 'enrolled' }),
        event.data.enrolmentId,
      );
    case 'training.OfferingStarted':
      return { ...state, status: 'running' };
    case 'training.AttendanceRecorded':
      return {
        ...state,
        attendance: { ...state.attendance, [event.data.day]: event.data.present },
      };
    case 'training.TestScoresRecorded': {
      const { preTest, postTest } = event.data;
      return withEnrolment(state, event.data.enrolmentId, {
        ...(preTest !== undefined ? { preTest } : {}),
        ...(postTest !== undefined ? { postTest } : {}),
      });
    }
    case 'training.ParticipantCompleted':
      return withEnrolment(state, event.data.enrolmentId, { status: 'completed' });
    case 'training.ParticipantFailed':
      return withEnrolment(state, event.data.enrolmentId, { status: 'failed' });
    case 'training.CertificateIssued':
      return {
        ...state,
        certificates: [
          ...state.certificates,
          {
            certificateId: event.data.certificateId,
            enrolmentId: event.data.enrolmentId,
            revoked: false,
          },
        ],
      };
    case 'training.CertificateRevoked':
      return {
        ...state,
        certificates: state.certificates.map((c) =>
          c.certificateId === event.data.certificateId ? { ...c, revoked: true } : c,
        ),
      };
    case 'training.OfferingCompleted':
    case 'training.OfferingCancelled':
      return {
        ...state,
        status: event.type === 'training.OfferingCompleted' ? 'completed' : 'cancelled',
        enrolments: state.enrolments.map((e) => (isActive(e) ? { ...e, status: 'cancelled' } : e)),
        waitlist: [],
      };
    case 'training.EvaluationSubmitted':
      return withEnrolment(state, event.data.enrolmentId, { evaluated: true });
    default:
      return assertNever(event);
  }
}

function withNewEnrolment(
  state: PlannedOffering,
  data: { enrolmentId: string; participant: { personId: string } },
  status: EnrolmentStatus,
): PlannedOffering {
  return {
    ...state,
    enrolments: [
      ...state.enrolments,
      {
        enrolmentId: data.enrolmentId,
        personId: data.participant.personId,
        status,
        evaluated: false,
      },
    ],
  };
}

function withEnrolment(
  state: PlannedOffering,
  enrolmentId: string,
  change: Partial<Omit<OfferingEnrolment, 'enrolmentId' | 'personId'>>,
): PlannedOffering {
  return {
    ...state,
    enrolments: state.enrolments.map((e) =>
      e.enrolmentId === enrolmentId ? { ...e, ...change } : e,
    ),
  };
}

function offWaitlist(state: PlannedOffering, enrolmentId: string): PlannedOffering {
  return { ...state, waitlist: state.waitlist.filter((id) => id !== enrolmentId) };
}

/** OfferingFilled when one more seat taken takes the last one. */
function filledByOneMore(state: PlannedOffering, at: string): OfferingEvent[] {
  if (seatsTaken(state) + 1 < state.capacity) return [];
  return [
    OfferingFilled.of({ offeringId: state.offeringId, capacity: state.capacity, filledAt: at }),
  ];
}

function enrolmentOf(state: PlannedOffering, enrolmentId: string): OfferingEnrolment {
  const enrolment = state.enrolments.find((e) => e.enrolmentId === enrolmentId);
  if (!enrolment) throw new EnrolmentNotFoundError(enrolmentId);
  return enrolment;
}

function isActive(enrolment: OfferingEnrolment): boolean {
  return ACTIVE_ENROLMENT_STATUSES.includes(enrolment.status);
}

/** Refuses a command its status does not allow, by the contracts' table. */
function allowedFrom(command: OfferingCommandType, state: PlannedOffering): void {
  const statuses = OFFERING_COMMAND_ALLOWED_FROM[command];
  if (!statuses.includes(state.status))
    throw new IllegalTransitionError(command, state.status, statuses);
}

function checkCapacity(capacity: number, field: string): void {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new TrainingRuleError(field, 'The capacity is a whole number of seats, at least 1');
}

function checkScore(score: number | undefined, field: 'preTest' | 'postTest'): void {
  if (score === undefined) return;
  if (!Number.isFinite(score) || score < TEST_SCORE_RANGE.min || score > TEST_SCORE_RANGE.max)
    throw new TrainingRuleError(
      field,
      `A test score is a percentage from ${TEST_SCORE_RANGE.min} to ${TEST_SCORE_RANGE.max}`,
    );
}

function checkRatings(ratings: readonly EvaluationRating[]): void {
  if (ratings.length === 0)
    throw new TrainingRuleError('ratings', 'An evaluation rates at least one item');
  if (new Set(ratings.map((r) => r.item)).size !== ratings.length)
    throw new TrainingRuleError('ratings', 'Each item is rated once');
  for (const { item, score } of ratings) {
    if (!Number.isInteger(score) || score < LIKERT_RANGE.min || score > LIKERT_RANGE.max)
      throw new TrainingRuleError(
        'ratings',
        `The rating of ${item} is a whole number from ${LIKERT_RANGE.min} to ${LIKERT_RANGE.max}`,
      );
  }
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** A calendar date, YYYY-MM-DD, that exists. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
