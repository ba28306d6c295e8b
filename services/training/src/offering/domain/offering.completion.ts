/** Attendance, test scores, the completion rule, completion with certificates, revocation. */
import { TEST_SCORE_RANGE, type CompletionRule } from '@sfp/contracts';
import { TrainingRuleError } from '../../course/domain/course.errors';
import { isCalendarDate } from './offering.checks';
import type {
  CompleteOffering,
  RecordAttendance,
  RecordTestScores,
  RevokeCertificate,
} from './offering.commands';
import { CertificateNotFoundError, EnrolmentStatusError } from './offering.errors';
import {
  AttendanceRecorded,
  CertificateIssued,
  CertificateRevoked,
  OfferingCompleted,
  ParticipantCompleted,
  ParticipantFailed,
  TestScoresRecorded,
  type CompletionShortfall,
  type OfferingEvent,
} from './offering.events';
import { enrolmentOf, type PlannedOffering } from './offering.state';

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

export function recordAttendance(
  command: RecordAttendance,
  state: PlannedOffering,
): OfferingEvent[] {
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

export function recordTestScores(
  command: RecordTestScores,
  state: PlannedOffering,
): OfferingEvent[] {
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

export function complete(command: CompleteOffering, state: PlannedOffering): OfferingEvent[] {
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

export function revokeCertificate(
  command: RevokeCertificate,
  state: PlannedOffering,
): OfferingEvent[] {
  const offeringId = state.offeringId;
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

function checkScore(score: number | undefined, field: 'preTest' | 'postTest'): void {
  if (score === undefined) return;
  if (!Number.isFinite(score) || score < TEST_SCORE_RANGE.min || score > TEST_SCORE_RANGE.max)
    throw new TrainingRuleError(
      field,
      `A test score is a percentage from ${TEST_SCORE_RANGE.min} to ${TEST_SCORE_RANGE.max}`,
    );
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
