import { Type, type Static } from '@sinclair/typebox';
import {
  CERTIFICATE_STATUSES,
  CONSTITUENT_GROUPS,
  COURSE_KINDS,
  DELIVERY_MODES,
  ENROLMENT_STATUSES,
  OFFERING_STATUSES,
  PARTICIPANT_SEXES,
  REGIONS,
  TRAINING_LANGUAGES,
  type OfferingDetail,
  type OfferingEntry,
  type Participant,
  type RosterCertificate,
  type RosterEnrolment,
} from '@sfp/contracts';
import {
  CsvFile,
  csvHeadersOf,
  IsoDateString,
  IsoDateTime,
  PageOf,
  sameShape,
  StringEnum,
  type CsvColumn,
} from '@sfp/service-kit';

const Percent = (description?: string) =>
  Type.Number({ minimum: 0, maximum: 100, ...(description ? { description } : {}) });
const Count = (description: string) => Type.Integer({ minimum: 0, description });
const ERASABLE = 'Personal data: reads "[erased]" once the person’s data was erased';

export const OfferingDeliverySchema = Type.Union(
  [
    Type.Object({ mode: Type.Literal('in-person'), venue: Type.String() }),
    Type.Object({ mode: Type.Literal('online'), url: Type.String() }),
  ],
  { title: 'TrainingOfferingDelivery' },
);

/** One offering of the calendar (GET /offerings). */
export const OfferingEntrySchema = Type.Object(
  {
    offeringId: Type.String(),
    courseId: Type.String(),
    courseCode: Type.String(),
    courseTitle: Type.String(),
    courseRevision: Type.Integer({ minimum: 1, description: 'The revision it was planned from' }),
    courseKind: Type.Optional(StringEnum(COURSE_KINDS)),
    startsOn: IsoDateString('First day, in the offering’s time zone'),
    endsOn: IsoDateString('Last day, in the offering’s time zone'),
    timeZone: Type.String({ description: 'IANA time zone where it runs' }),
    delivery: OfferingDeliverySchema,
    deliveryMode: StringEnum(DELIVERY_MODES),
    region: StringEnum(REGIONS),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    language: StringEnum(TRAINING_LANGUAGES),
    capacity: Type.Integer({ minimum: 0 }),
    seatsTaken: Count('Enrolments holding a seat: enrolled, completed or failed'),
    waitlistLength: Count('Enrolments waiting for a seat now'),
    peakWaitlistLength: Count('The longest the waitlist has been'),
    awaitingApproval: Count('Staff enrolments waiting for their supervisor (no seat held)'),
    status: StringEnum(OFFERING_STATUSES),
    plannedAt: IsoDateTime(),
  },
  { title: 'TrainingOfferingEntry' },
);

export const OfferingPageSchema = PageOf(OfferingEntrySchema, 'TrainingOfferingPage');

export const OFFERING_CSV_COLUMNS: CsvColumn<OfferingEntry>[] = [
  { header: 'offeringId', value: (o) => o.offeringId },
  { header: 'courseCode', value: (o) => o.courseCode },
  { header: 'courseTitle', value: (o) => o.courseTitle },
  { header: 'courseRevision', value: (o) => o.courseRevision },
  { header: 'courseKind', value: (o) => o.courseKind },
  { header: 'startsOn', value: (o) => o.startsOn },
  { header: 'endsOn', value: (o) => o.endsOn },
  { header: 'timeZone', value: (o) => o.timeZone },
  { header: 'deliveryMode', value: (o) => o.deliveryMode },
  {
    header: 'venueOrUrl',
    value: (o) => (o.delivery.mode === 'in-person' ? o.delivery.venue : o.delivery.url),
  },
  { header: 'region', value: (o) => o.region },
  { header: 'country', value: (o) => o.country },
  { header: 'language', value: (o) => o.language },
  { header: 'capacity', value: (o) => o.capacity },
  { header: 'seatsTaken', value: (o) => o.seatsTaken },
  { header: 'waitlistLength', value: (o) => o.waitlistLength },
  { header: 'status', value: (o) => o.status },
];

export const OfferingCsvSchema = CsvFile(
  `CSV with the header line ${OFFERING_CSV_COLUMNS.map((c) => c.header).join(',')}, then one line per offering`,
);
export const OFFERING_CSV_HEADERS = csvHeadersOf('training-offerings.csv', { paged: true });

export const ParticipantSchema = Type.Object(
  {
    personId: Type.String({ description: 'Pseudonymous id of the person' }),
    name: Type.String({ description: ERASABLE }),
    email: Type.String({ description: `The person’s e-mail address. ${ERASABLE}` }),
    organisation: Type.String(),
    constituentGroup: Type.Optional(StringEnum(CONSTITUENT_GROUPS)),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    sex: StringEnum(PARTICIPANT_SEXES),
    staff: Type.Boolean({ description: 'The organisation’s staff' }),
  },
  { title: 'TrainingParticipant' },
);

const RosterCertificateSchema = Type.Object(
  {
    certificateId: Type.String(),
    verificationCode: Type.String({ description: 'What anyone checks the certificate by' }),
    status: StringEnum(CERTIFICATE_STATUSES),
    issuedAt: IsoDateTime(),
    revokedAt: Type.Optional(IsoDateTime()),
    revocationReason: Type.Optional(Type.String()),
  },
  { title: 'TrainingRosterCertificate' },
);

export const RosterEnrolmentSchema = Type.Object(
  {
    enrolmentId: Type.String(),
    status: StringEnum(ENROLMENT_STATUSES),
    participant: ParticipantSchema,
    personalDataErased: Type.Boolean({
      description: 'The person’s data was erased: name and e-mail read "[erased]"',
    }),
    requestedAt: IsoDateTime('When the enrolment was made'),
    supervisor: Type.Optional(Type.String({ description: 'The supervisor asked to approve' })),
    waitlistPosition: Type.Optional(
      Type.Integer({ minimum: 1, description: 'While waitlisted: the place (1 = next)' }),
    ),
    attendance: Type.Array(Type.Object({ day: IsoDateString(), present: Type.Boolean() }), {
      description: 'Each session day recorded for the enrolment, in date order',
    }),
    preTest: Type.Optional(Percent('Pre-test score, per cent')),
    postTest: Type.Optional(Percent('Post-test score, per cent')),
    result: Type.Optional(
      Type.Object({
        outcome: StringEnum(['completed', 'failed'] as const),
        attendancePercent: Percent(),
        shortfalls: Type.Optional(Type.Array(StringEnum(['attendance', 'post-test'] as const))),
        at: IsoDateTime(),
      }),
    ),
    certificate: Type.Optional(RosterCertificateSchema),
    ended: Type.Optional(
      Type.Object(
        { reason: Type.String(), at: IsoDateTime() },
        { description: 'Why it ended early: withdrawn or declined' },
      ),
    ),
  },
  { title: 'TrainingRosterEnrolment' },
);

/** GET /offerings/{id}/roster: the enrolments and the waitlist in order. */
export const RosterSchema = Type.Object(
  {
    offeringId: Type.String(),
    streamVersion: Type.Integer({ minimum: 1 }),
    sessionDays: Type.Array(IsoDateString()),
    enrolments: Type.Array(RosterEnrolmentSchema, { description: 'In the order they were made' }),
    waitlist: Type.Array(Type.String(), {
      description: 'Enrolment ids in waitlist order, the first is next',
    }),
  },
  { title: 'TrainingRoster' },
);
export type Roster = Static<typeof RosterSchema>;

export const ROSTER_CSV_COLUMNS: CsvColumn<RosterEnrolment>[] = [
  { header: 'enrolmentId', value: (e) => e.enrolmentId },
  { header: 'status', value: (e) => e.status },
  { header: 'waitlistPosition', value: (e) => e.waitlistPosition },
  { header: 'name', value: (e) => e.participant.name },
  { header: 'email', value: (e) => e.participant.email },
  { header: 'organisation', value: (e) => e.participant.organisation },
  { header: 'constituentGroup', value: (e) => e.participant.constituentGroup },
  { header: 'country', value: (e) => e.participant.country },
  { header: 'sex', value: (e) => e.participant.sex },
  { header: 'staff', value: (e) => e.participant.staff },
  { header: 'daysPresent', value: (e) => e.attendance.filter((a) => a.present).map((a) => a.day) },
  { header: 'daysAbsent', value: (e) => e.attendance.filter((a) => !a.present).map((a) => a.day) },
  { header: 'preTest', value: (e) => e.preTest },
  { header: 'postTest', value: (e) => e.postTest },
  { header: 'result', value: (e) => e.result?.outcome },
  { header: 'attendancePercent', value: (e) => e.result?.attendancePercent },
  { header: 'certificateCode', value: (e) => e.certificate?.verificationCode },
  { header: 'certificateStatus', value: (e) => e.certificate?.status },
];

export const RosterCsvSchema = CsvFile(
  `CSV with the header line ${ROSTER_CSV_COLUMNS.map((c) => c.header).join(',')}, then one line per enrolment (days joined by "; ")`,
);
export const ROSTER_CSV_HEADERS = csvHeadersOf('training-roster-<offeringId>.csv');

/** GET /offerings/{id}: the offering from its stream, with its roster. */
export const OfferingDetailSchema = Type.Object(
  {
    offeringId: Type.String(),
    streamVersion: Type.Integer({ minimum: 1, description: 'The offering’s version: its ETag' }),
    status: StringEnum(OFFERING_STATUSES),
    courseId: Type.String(),
    courseRevision: Type.Integer({ minimum: 1 }),
    courseCode: Type.String(),
    courseTitle: Type.String(),
    completionRule: Type.Object({
      minAttendancePercent: Percent('Share of the session days attended, in per cent'),
      minPostTestScore: Type.Optional(Percent('Post-test score in per cent; absent: no test')),
    }),
    supervisorApprovalRequired: Type.Boolean(),
    schedule: Type.Object({
      startsOn: IsoDateString(),
      endsOn: IsoDateString(),
      timeZone: Type.String({ description: 'IANA time zone' }),
    }),
    delivery: OfferingDeliverySchema,
    region: StringEnum(REGIONS),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    language: StringEnum(TRAINING_LANGUAGES),
    capacity: Type.Integer({ minimum: 0 }),
    trainers: Type.Array(Type.String(), { description: 'User ids of the trainers' }),
    funding: Type.Union([
      Type.Object({
        kind: Type.Literal('fee'),
        amount: Type.Number({ minimum: 0 }),
        currency: Type.String(),
      }),
      Type.Object({ kind: Type.Literal('sponsored'), sponsor: Type.String() }),
    ]),
    plannedBy: Type.String(),
    plannedAt: IsoDateTime(),
    seatsTaken: Count('Enrolments holding a seat: enrolled, completed or failed'),
    waitlistLength: Count('Enrolments waiting now'),
    sessionDays: Type.Array(IsoDateString(), {
      description: 'Every session day with attendance recorded, in date order',
    }),
    enrolments: Type.Array(RosterEnrolmentSchema, { description: 'In the order they were made' }),
    waitlist: Type.Array(Type.String(), {
      description: 'Enrolment ids in waitlist order, the first is next',
    }),
    evaluationsSubmitted: Count('Satisfaction questionnaires submitted (anonymous)'),
    cancellation: Type.Optional(
      Type.Object({
        reason: Type.String(),
        cancelledBy: Type.String(),
        cancelledAt: IsoDateTime(),
      }),
    ),
    completion: Type.Optional(
      Type.Object({
        completed: Type.Integer({ minimum: 0 }),
        failed: Type.Integer({ minimum: 0 }),
        completedAt: IsoDateTime(),
      }),
    ),
  },
  { title: 'TrainingOfferingDetail' },
);

// The schemas describe the types the code answers with, and nothing else.
sameShape<Static<typeof OfferingEntrySchema>, OfferingEntry>(true);
sameShape<Static<typeof ParticipantSchema>, Participant>(true);
sameShape<Static<typeof RosterCertificateSchema>, RosterCertificate>(true);
sameShape<Static<typeof RosterEnrolmentSchema>, RosterEnrolment>(true);
sameShape<Static<typeof OfferingDetailSchema>, OfferingDetail>(true);
sameShape<
  Roster,
  Pick<OfferingDetail, 'offeringId' | 'streamVersion' | 'sessionDays' | 'enrolments' | 'waitlist'>
>(true);
