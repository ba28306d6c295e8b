import type { Participant } from '@sfp/contracts';
import {
  defineProjection,
  type ProjectionHandler,
  type ReadModelFields,
  type ViewWriter,
} from '@sfp/projections';
import type { OfferingEvent } from '../../offering/domain/offering.events';
import type { ProgrammeEvent } from '../domain/programme.events';
import type { ProgrammeDocument, ProgrammeEnrolmentDocument } from './programme-progress';

export const PROGRAMME_PROGRESS_PROJECTION = 'training-programme-progress';

type View = ProgrammeDocument | ProgrammeEnrolmentDocument;
type ProgrammeData<T extends ProgrammeEvent['type']> = Extract<ProgrammeEvent, { type: T }>['data'];
type OfferingData<T extends OfferingEvent['type']> = Extract<OfferingEvent, { type: T }>['data'];

/** What the programme list and the progress select by. */
const fields: ReadModelFields = {
  record: 'string',
  offeringId: 'string',
  scopeKind: 'string',
  status: 'string',
  startsOn: 'string',
  title: 'string',
};

export const programmeDocumentId = (programmeId: string) => `programme:${programmeId}`;
const enrolmentDocumentId = (enrolmentId: string) => `enrolment:${enrolmentId}`;

function changingProgramme<T extends ProgrammeEvent['type']>(
  change: (data: ProgrammeData<T>, current: ProgrammeDocument) => ProgrammeDocument,
): ProjectionHandler<View> {
  return async (recorded, view) => {
    const data = recorded.data as ProgrammeData<T>;
    await (view as ViewWriter<ProgrammeDocument>).update(
      programmeDocumentId(data.programmeId),
      (current) => (current?.record === 'programme' ? change(data, current) : undefined),
    );
  };
}

function enrolling(): ProjectionHandler<View> {
  return async (recorded, view) => {
    const d = recorded.data as {
      offeringId: string;
      enrolmentId: string;
      participant: Participant;
    };
    const p = d.participant;
    await view.upsert(enrolmentDocumentId(d.enrolmentId), {
      record: 'enrolment',
      enrolmentId: d.enrolmentId,
      offeringId: d.offeringId,
      personId: p.personId,
      sex: p.sex,
      staff: p.staff,
      ...(p.constituentGroup ? { constituentGroup: p.constituentGroup } : {}),
    });
  };
}

/** The scores and result an event gives (a score given again replaces the earlier one). */
function scoring<
  T extends
    | 'training.TestScoresRecorded'
    | 'training.ParticipantCompleted'
    | 'training.ParticipantFailed',
>(result?: 'completed' | 'failed'): ProjectionHandler<View> {
  return async (recorded, view) => {
    const d = recorded.data as OfferingData<T>;
    await (view as ViewWriter<ProgrammeEnrolmentDocument>).update(
      enrolmentDocumentId(d.enrolmentId),
      (current) =>
        current?.record === 'enrolment'
          ? {
              ...current,
              ...(d.preTest !== undefined ? { preTest: d.preTest } : {}),
              ...(d.postTest !== undefined ? { postTest: d.postTest } : {}),
              ...(result ? { result } : {}),
            }
          : undefined,
    );
  };
}

/**
 * The programmes and what their progress is counted from: one document per
 * programme (scope, period, status, offerings, targets) and one per enrolment
 * of any offering (pseudonymous personId, sex, staff or group, scores and
 * result; no name, no e-mail), so an offering added to a programme after its
 * participants' results counts them all.
 */
export const programmeProgressProjection = defineProjection<View>({
  name: PROGRAMME_PROGRESS_PROJECTION,
  version: 1,
  fields,
  handlers: {
    'training.ProgrammeLaunched': async (recorded, view) => {
      const d = recorded.data as ProgrammeData<'training.ProgrammeLaunched'>;
      await view.upsert(programmeDocumentId(d.programmeId), {
        record: 'programme',
        programmeId: d.programmeId,
        title: d.title,
        scope: d.scope,
        scopeKind: d.scope.kind,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        status: 'active',
        offeringIds: [],
        targets: [],
        launchedAt: d.launchedAt,
      });
    },
    'training.ProgrammeTargetsSet': changingProgramme<'training.ProgrammeTargetsSet'>(
      (d, current) => ({ ...current, targets: d.targets }),
    ),
    'training.OfferingAddedToProgramme': changingProgramme<'training.OfferingAddedToProgramme'>(
      (d, current) =>
        current.offeringIds.includes(d.offeringId)
          ? current
          : { ...current, offeringIds: [...current.offeringIds, d.offeringId] },
    ),
    'training.ProgrammeClosed': changingProgramme<'training.ProgrammeClosed'>((d, current) => ({
      ...current,
      status: 'closed',
      closedAt: d.closedAt,
    })),
    'training.ParticipantEnrolled': enrolling(),
    'training.ParticipantWaitlisted': enrolling(),
    'training.EnrolmentAwaitingApproval': enrolling(),
    'training.TestScoresRecorded': scoring<'training.TestScoresRecorded'>(),
    'training.ParticipantCompleted': scoring<'training.ParticipantCompleted'>('completed'),
    'training.ParticipantFailed': scoring<'training.ParticipantFailed'>('failed'),
  },
});
