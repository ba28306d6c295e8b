import { TRAINING_EVENT_TYPES as T } from './training.public-events';
import type { TrainingEvent } from './training.facts';

type Data = Record<string, unknown>;

/** One target of a programme, as the training service sets it (see training.ProgrammeTargetsSet). */
export interface ProgrammeTargetFacts {
  /** people-trained, completion-rate, knowledge-gain. */
  indicator: string;
  value: number;
  /** People trained of one sex only; null for everyone. */
  sex: string | null;
  /** People trained of one constituent group only; null for every group. */
  constituentGroup: string | null;
  /** The last day by which the value is to be reached (YYYY-MM-DD). */
  dueOn: string;
}

/**
 * One capacity-building programme: whom it is for, its period, its offerings
 * and its targets (the latest set). Its results are its offerings'
 * participations (training-participations, by offeringId).
 */
export interface ProgrammeFacts {
  programmeId: string;
  title: string;
  /** organisation, country or region. */
  scopeKind: string;
  region: string | null;
  country: string | null;
  organisation: string | null;
  constituentGroup: string | null;
  startsOn: string;
  endsOn: string;
  /** active or closed. */
  status: string;
  offeringIds: string[];
  targets: ProgrammeTargetFacts[];
  targetCount: number;
  launchedAt: string;
  targetsSetAt: string | null;
  closedAt: string | null;
}

const optionalStr = (d: Data, field: string): string | null =>
  typeof d[field] === 'string' ? (d[field] as string) : null;

function targetOf(raw: Data): ProgrammeTargetFacts {
  return {
    indicator: String(raw['indicator']),
    value: Number(raw['value']),
    sex: optionalStr(raw, 'sex'),
    constituentGroup: optionalStr(raw, 'constituentGroup'),
    dueOn: String(raw['dueOn']),
  };
}

/**
 * The next state of a programme (undefined: unchanged). Idempotent: an
 * offering added again is not added twice, a target set given again replaces
 * itself, so the same event applied twice changes nothing.
 */
export function evolveProgrammeFacts(
  current: ProgrammeFacts | undefined,
  event: TrainingEvent,
): ProgrammeFacts | undefined {
  const d = event.data;
  if (event.type === T.programmeLaunched) {
    if (current) return undefined;
    const scope = (d['scope'] ?? {}) as Data;
    return {
      programmeId: String(d['programmeId']),
      title: String(d['title']),
      scopeKind: String(scope['kind']),
      region: optionalStr(scope, 'region'),
      country: optionalStr(scope, 'country'),
      organisation: optionalStr(scope, 'organisation'),
      constituentGroup: optionalStr(scope, 'constituentGroup'),
      startsOn: String(d['startsOn']),
      endsOn: String(d['endsOn']),
      status: 'active',
      offeringIds: [],
      targets: [],
      targetCount: 0,
      launchedAt: String(d['launchedAt']),
      targetsSetAt: null,
      closedAt: null,
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case T.programmeTargetsSet: {
      const targets = (d['targets'] as Data[]).map(targetOf);
      return {
        ...current,
        targets,
        targetCount: targets.length,
        targetsSetAt: String(d['setAt']),
      };
    }
    case T.offeringAddedToProgramme: {
      const offeringId = String(d['offeringId']);
      if (current.offeringIds.includes(offeringId)) return undefined;
      return { ...current, offeringIds: [...current.offeringIds, offeringId] };
    }
    case T.programmeClosed:
      return { ...current, status: 'closed', closedAt: String(d['closedAt']) };
    default:
      return undefined;
  }
}
