import type { EnrolmentStatus, Participant } from '@sfp/contracts';
import {
  defineProjection,
  type ProjectionHandler,
  type ReadModelFields,
  type ViewWriter,
} from '@sfp/projections';
import type { OfferingEvent } from '../offering/domain/offering.events';
import {
  courseKindHandlers,
  kindOfRevision,
  type CourseKindsDocument,
} from '../offering/projections/course-kinds';
import {
  offeringContextId,
  type OfferingContextDocument,
  type ParticipationDocument,
} from './participation';

export const PARTICIPATIONS_PROJECTION = 'training-participations';

/** What the statistics select enrolments by (the offering's selection, and the record kind). */
const fields: ReadModelFields = {
  record: 'string',
  courseId: 'string',
  courseKind: 'string',
  region: 'string',
  country: 'string',
  language: 'string',
  startsOn: 'string',
  endsOn: 'string',
};

type View = ParticipationDocument | OfferingContextDocument | CourseKindsDocument;
type DataOf<T extends OfferingEvent['type']> = Extract<OfferingEvent, { type: T }>['data'];

const planned: ProjectionHandler<View> = async (recorded, view) => {
  const d = recorded.data as DataOf<'training.OfferingPlanned'>;
  const courseKind = await kindOfRevision(view, d.courseId, d.courseRevision);
  await view.upsert(offeringContextId(d.offeringId), {
    record: 'offering',
    offeringId: d.offeringId,
    courseId: d.courseId,
    ...(courseKind ? { courseKind } : {}),
    region: d.region,
    country: d.country,
    language: d.language,
    startsOn: d.schedule.startsOn,
    endsOn: d.schedule.endsOn,
    year: d.schedule.startsOn.slice(0, 4),
  });
};

/** A new enrolment: the offering's context and the participant's non-personal attributes. */
function enrolling(status: EnrolmentStatus): ProjectionHandler<View> {
  return async (recorded, view) => {
    const d = recorded.data as {
      offeringId: string;
      enrolmentId: string;
      participant: Participant;
    };
    const context = await view.get(offeringContextId(d.offeringId));
    if (context?.record !== 'offering') return;
    const { record: _record, ...offering } = context;
    const p = d.participant;
    await view.upsert(d.enrolmentId, {
      record: 'enrolment',
      ...offering,
      enrolmentId: d.enrolmentId,
      status,
      ...(p.constituentGroup ? { constituentGroup: p.constituentGroup } : {}),
      sex: p.sex,
      staff: p.staff,
      participantCountry: p.country,
    });
  };
}

/** A change of an enrolment already counted. */
function changing<T extends OfferingEvent['type']>(
  change: (data: DataOf<T>, current: ParticipationDocument) => ParticipationDocument,
): ProjectionHandler<View> {
  return async (recorded, view) => {
    const data = recorded.data as DataOf<T>;
    const { enrolmentId } = recorded.data as { enrolmentId: string };
    await (view as unknown as ViewWriter<ParticipationDocument>).update(enrolmentId, (current) =>
      current?.record === 'enrolment' ? change(data, current) : undefined,
    );
  };
}

/** The scores an event gives (a score given again replaces the earlier one). */
function withScores(
  current: ParticipationDocument,
  scores: { preTest?: number; postTest?: number },
): ParticipationDocument {
  return {
    ...current,
    ...(scores.preTest !== undefined ? { preTest: scores.preTest } : {}),
    ...(scores.postTest !== undefined ? { postTest: scores.postTest } : {}),
  };
}

/**
 * The training statistics' enrolments: one document per enrolment with its
 * offering's region, country, language, dates and course kind, and the
 * participant's group, sex and staff flag (no name, no e-mail), its status
 * and test scores. Also one document per offering and per course, to join.
 */
export const participationsProjection = defineProjection<View>({
  name: PARTICIPATIONS_PROJECTION,
  version: 2,
  fields,
  handlers: {
    ...courseKindHandlers<View>(),
    'training.OfferingPlanned': planned,
    'training.ParticipantEnrolled': enrolling('enrolled'),
    'training.ParticipantWaitlisted': enrolling('waitlisted'),
    'training.EnrolmentAwaitingApproval': enrolling('awaiting-approval'),
    'training.EnrolmentApproved': changing<'training.EnrolmentApproved'>((d, current) => ({
      ...current,
      status: d.seat,
    })),
    'training.EnrolmentDeclined': changing((_d, current) => ({ ...current, status: 'declined' })),
    'training.EnrolmentWithdrawn': changing((_d, current) => ({ ...current, status: 'withdrawn' })),
    'training.WaitlistedParticipantPromoted': changing((_d, current) => ({
      ...current,
      status: 'enrolled',
    })),
    'training.TestScoresRecorded': changing<'training.TestScoresRecorded'>((d, current) =>
      withScores(current, d),
    ),
    'training.ParticipantCompleted': changing<'training.ParticipantCompleted'>((d, current) => ({
      ...withScores(current, d),
      status: 'completed',
    })),
    'training.ParticipantFailed': changing<'training.ParticipantFailed'>((d, current) => ({
      ...withScores(current, d),
      status: 'failed',
    })),
    'training.OfferingCancelled': async (recorded, view) => {
      const d = recorded.data as DataOf<'training.OfferingCancelled'>;
      const writer = view as unknown as ViewWriter<ParticipationDocument>;
      for (const enrolmentId of d.notified) {
        await writer.update(enrolmentId, (current) =>
          current?.record === 'enrolment' ? { ...current, status: 'cancelled' } : undefined,
        );
      }
    },
  },
});
