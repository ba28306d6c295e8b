import type {
  ProgrammeProgress,
  ProgrammeScope,
  ProgrammeScopeKind,
  ProgrammeStatus,
  ProgrammeTarget,
  ProgrammeTargetProgress,
} from '@sfp/contracts';

/** A programme as its read model holds it. */
export interface ProgrammeDocument {
  record: 'programme';
  programmeId: string;
  title: string;
  scope: ProgrammeScope;
  scopeKind: ProgrammeScopeKind;
  startsOn: string;
  endsOn: string;
  status: ProgrammeStatus;
  offeringIds: string[];
  targets: ProgrammeTarget[];
  launchedAt: string;
  closedAt?: string;
}

/**
 * One enrolment in an offering, as the programmes count it: the pseudonymous
 * personId (a person counts once), sex, staff or constituent group, result
 * and scores. No name, no e-mail.
 */
export interface ProgrammeEnrolmentDocument {
  record: 'enrolment';
  enrolmentId: string;
  offeringId: string;
  personId: string;
  sex: string;
  staff: boolean;
  constituentGroup?: string;
  result?: 'completed' | 'failed';
  preTest?: number;
  postTest?: number;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * A target's progress (pure) over the enrolments of the programme's
 * offerings: constituents only (not staff), those with a result.
 * People trained: distinct people who completed, of the target's sex and
 * group. Completion rate: completed in per cent of results. Knowledge gain:
 * mean post-test minus pre-test of those with both.
 */
export function targetProgress(
  target: ProgrammeTarget,
  enrolments: readonly ProgrammeEnrolmentDocument[],
): ProgrammeTargetProgress {
  const results = enrolments.filter((e) => !e.staff && e.result !== undefined);
  let actual: number | null;
  switch (target.indicator) {
    case 'people-trained':
      actual = new Set(
        results
          .filter(
            (e) =>
              e.result === 'completed' &&
              (target.sex === undefined || e.sex === target.sex) &&
              (target.constituentGroup === undefined ||
                e.constituentGroup === target.constituentGroup),
          )
          .map((e) => e.personId),
      ).size;
      break;
    case 'completion-rate':
      actual =
        results.length === 0
          ? null
          : oneDecimal(
              (results.filter((e) => e.result === 'completed').length / results.length) * 100,
            );
      break;
    case 'knowledge-gain': {
      const gains = results.flatMap((e) =>
        e.preTest !== undefined && e.postTest !== undefined ? [e.postTest - e.preTest] : [],
      );
      actual =
        gains.length === 0 ? null : oneDecimal(gains.reduce((s, g) => s + g, 0) / gains.length);
      break;
    }
    default: {
      const unexpected: never = target.indicator;
      throw new Error(`Unknown indicator ${String(unexpected)}`);
    }
  }
  return {
    ...target,
    actual,
    percentOfTarget: actual === null ? null : oneDecimal((actual / target.value) * 100),
    results: results.length,
  };
}

/** The programme and its progress (pure), from its document and the enrolments of its offerings. */
export function programmeProgress(
  programme: ProgrammeDocument,
  enrolments: readonly ProgrammeEnrolmentDocument[],
): ProgrammeProgress {
  const offerings = new Set(programme.offeringIds);
  const own = enrolments.filter((e) => offerings.has(e.offeringId));
  const withResult = own.filter((e) => !e.staff && e.result !== undefined);
  return {
    programmeId: programme.programmeId,
    title: programme.title,
    scope: programme.scope,
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    status: programme.status,
    offeringIds: programme.offeringIds,
    participantsWithResult: withResult.length,
    participantsCompleted: withResult.filter((e) => e.result === 'completed').length,
    targets: programme.targets.map((t) => targetProgress(t, own)),
    launchedAt: programme.launchedAt,
    ...(programme.closedAt ? { closedAt: programme.closedAt } : {}),
  };
}
