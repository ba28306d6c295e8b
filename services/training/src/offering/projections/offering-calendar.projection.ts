import type { EnrolmentStatus } from '@sfp/contracts';
import {
  defineProjection,
  type ProjectionHandler,
  type ReadModelFields,
  type ViewWriter,
} from '@sfp/projections';
import type { OfferingEvent } from '../domain/offering.events';
import { courseKindHandlers, kindOfRevision, type CourseKindsDocument } from './course-kinds';
import { enrolmentCounts, type OfferingCalendarDocument } from './offering-entry';

export const OFFERING_CALENDAR_PROJECTION = 'training-offerings';

/** What the calendar and the statistics filter and sort on. */
const fields: ReadModelFields = {
  record: 'string',
  courseId: 'string',
  courseKind: 'string',
  region: 'string',
  country: 'string',
  language: 'string',
  status: 'string',
  startsOn: 'string',
  endsOn: 'string',
};

type CalendarView = OfferingCalendarDocument | CourseKindsDocument;
type EventType = OfferingEvent['type'];
type EventOfType<T extends EventType> = Extract<OfferingEvent, { type: T }>;

/** The enrolments still active when an offering is cancelled. */
const CANCELLABLE: readonly EnrolmentStatus[] = ['enrolled', 'waitlisted', 'awaiting-approval'];

/** The offering after a change of its enrolments: the counts follow. */
function withEnrolments(
  current: OfferingCalendarDocument,
  changes: Record<string, EnrolmentStatus>,
): OfferingCalendarDocument {
  const enrolments = { ...current.enrolments, ...changes };
  const counts = enrolmentCounts(enrolments);
  return {
    ...current,
    enrolments,
    ...counts,
    peakWaitlistLength: Math.max(current.peakWaitlistLength, counts.waitlistLength),
  };
}

/** The events that change a planned offering's entry (the others leave it as it is). */
type Change =
  | 'training.OfferingOpenedForEnrolment'
  | 'training.OfferingCapacityChanged'
  | 'training.OfferingFilled'
  | 'training.OfferingSeatFreed'
  | 'training.ParticipantEnrolled'
  | 'training.ParticipantWaitlisted'
  | 'training.EnrolmentAwaitingApproval'
  | 'training.EnrolmentApproved'
  | 'training.EnrolmentDeclined'
  | 'training.EnrolmentWithdrawn'
  | 'training.WaitlistedParticipantPromoted'
  | 'training.OfferingStarted'
  | 'training.ParticipantCompleted'
  | 'training.ParticipantFailed'
  | 'training.OfferingCompleted'
  | 'training.OfferingCancelled'
  | 'training.EvaluationSubmitted';

/** The calendar entry after each change of a planned offering. */
const on: {
  [T in Change]: (
    data: EventOfType<T>['data'],
    current: OfferingCalendarDocument,
  ) => OfferingCalendarDocument;
} = {
  'training.OfferingOpenedForEnrolment': (_d, current) => ({ ...current, status: 'open' }),
  'training.OfferingCapacityChanged': (d, current) => ({ ...current, capacity: d.capacity }),
  'training.OfferingFilled': (_d, current) => ({ ...current, status: 'full' }),
  'training.OfferingSeatFreed': (_d, current) => ({ ...current, status: 'open' }),
  'training.ParticipantEnrolled': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: 'enrolled' }),
  'training.ParticipantWaitlisted': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: 'waitlisted' }),
  'training.EnrolmentAwaitingApproval': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: 'awaiting-approval' }),
  'training.EnrolmentApproved': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: d.seat }),
  'training.EnrolmentDeclined': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: 'declined' }),
  'training.EnrolmentWithdrawn': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: 'withdrawn' }),
  'training.WaitlistedParticipantPromoted': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: 'enrolled' }),
  'training.OfferingStarted': (_d, current) => ({ ...current, status: 'running' }),
  'training.ParticipantCompleted': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: 'completed' }),
  'training.ParticipantFailed': (d, current) =>
    withEnrolments(current, { [d.enrolmentId]: 'failed' }),
  'training.OfferingCompleted': (_d, current) => ({ ...current, status: 'completed' }),
  'training.OfferingCancelled': (_d, current) => {
    const cancelled = Object.entries(current.enrolments)
      .filter(([, status]) => CANCELLABLE.includes(status))
      .map(([id]) => [id, 'cancelled' as const]);
    return { ...withEnrolments(current, Object.fromEntries(cancelled)), status: 'cancelled' };
  },
  'training.EvaluationSubmitted': (d, current) => {
    const items = { ...current.evaluation.items };
    for (const { item, score } of d.ratings) {
      const before = items[item] ?? { sum: 0, n: 0 };
      items[item] = { sum: before.sum + score, n: before.n + 1 };
    }
    return { ...current, evaluation: { submitted: current.evaluation.submitted + 1, items } };
  },
};

const planned: ProjectionHandler<CalendarView> = async (recorded, view) => {
  const event = {
    type: recorded.type,
    data: recorded.data,
  } as EventOfType<'training.OfferingPlanned'>;
  const d = event.data;
  const courseKind = await kindOfRevision(view, d.courseId, d.courseRevision);
  await view.upsert(d.offeringId, {
    record: 'offering',
    offeringId: d.offeringId,
    courseId: d.courseId,
    courseCode: d.courseCode,
    courseTitle: d.courseTitle,
    courseRevision: d.courseRevision,
    ...(courseKind ? { courseKind } : {}),
    startsOn: d.schedule.startsOn,
    endsOn: d.schedule.endsOn,
    timeZone: d.schedule.timeZone,
    delivery: d.delivery,
    deliveryMode: d.delivery.mode,
    region: d.region,
    country: d.country,
    language: d.language,
    capacity: d.capacity,
    seatsTaken: 0,
    waitlistLength: 0,
    peakWaitlistLength: 0,
    awaitingApproval: 0,
    status: 'planned',
    plannedAt: d.plannedAt,
    enrolments: {},
    evaluation: { submitted: 0, items: {} },
  });
};

/** Applies one of the `on` handlers to the offering's document. */
function offeringHandler(type: Change): ProjectionHandler<CalendarView> {
  const change = on[type] as (
    data: OfferingEvent['data'],
    current: OfferingCalendarDocument,
  ) => OfferingCalendarDocument;
  return async (recorded, view) => {
    const data = recorded.data as OfferingEvent['data'];
    const writer = view as unknown as ViewWriter<OfferingCalendarDocument>;
    await writer.update(data.offeringId, (current) =>
      current?.record === 'offering' ? change(data, current) : undefined,
    );
  };
}

/**
 * The offering calendar: one document per offering (course code, title,
 * revision and kind, dates, delivery, capacity, seats taken, waitlist,
 * status, and its evaluations summed per item), and one per course with the
 * kind of each revision, to join the two. Serves the calendar, and the
 * statistics' waitlists and satisfaction.
 */
export const offeringCalendarProjection = defineProjection<CalendarView>({
  name: OFFERING_CALENDAR_PROJECTION,
  version: 1,
  fields,
  handlers: {
    ...courseKindHandlers<CalendarView>(),
    'training.OfferingPlanned': planned,
    ...Object.fromEntries(
      (Object.keys(on) as Change[]).map((type) => [type, offeringHandler(type)]),
    ),
  },
});
