import {
  EventTypeRegistry,
  InMemoryEventStore,
  MemoryKeyStore,
  newEventId,
  TypedEventStore,
} from '@sfp/event-sourcing';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import type { Participant } from '@sfp/contracts';
import { COURSE_EVENT_CLASSES } from '../../course/domain/course.events';
import {
  OFFERING_EVENT_CLASSES,
  ParticipantCompleted,
  ParticipantEnrolled,
  ParticipantFailed,
  TestScoresRecorded,
} from '../../offering/domain/offering.events';
import { offeringStreamId } from '../../training.context';
import { programmeStreamId } from '../application/programmes';
import { PROGRAMME_EVENT_CLASSES } from '../domain/programme.events';
import {
  closed,
  launched,
  offeringAdded,
  programmeId,
  targetsSet,
} from '../domain/testing/programme.fixtures';
import {
  programmeProgress,
  type ProgrammeDocument,
  type ProgrammeEnrolmentDocument,
} from './programme-progress';
import {
  PROGRAMME_PROGRESS_PROJECTION,
  programmeDocumentId,
  programmeProgressProjection,
} from './programme-progress.projection';

const NAIROBI = 'offering-nairobi-2026-03';
const MOMBASA = 'offering-mombasa-2026-05';
const ELSEWHERE = 'offering-dakar-2026-04';

const participant = (
  personId: string,
  sex: Participant['sex'],
  constituentGroup?: Participant['constituentGroup'],
): Participant => ({
  personId,
  name: `Participant ${personId}`,
  email: `${personId}@example.org`,
  organisation: constituentGroup ? 'Ministry of Labour' : 'The Office',
  ...(constituentGroup ? { constituentGroup } : {}),
  country: 'KE',
  sex,
  staff: constituentGroup === undefined,
});

const enrolled = (offeringId: string, enrolmentId: string, p: Participant) =>
  ParticipantEnrolled.of({
    offeringId,
    enrolmentId,
    participant: p,
    enrolledBy: 'user-coordinator-1',
    enrolledAt: '2026-02-10T09:00:00.000Z',
  });

const completedWith = (
  offeringId: string,
  enrolmentId: string,
  preTest?: number,
  postTest?: number,
) =>
  ParticipantCompleted.of({
    offeringId,
    enrolmentId,
    attendancePercent: 100,
    ...(preTest !== undefined ? { preTest } : {}),
    ...(postTest !== undefined ? { postTest } : {}),
    completedAt: '2026-03-20T17:00:00.000Z',
  });

/**
 * The programme's progress over real stores: the training events in a typed
 * store (participants' names and e-mails encrypted), SQLite read models, the
 * projection running, the progress computed from its documents.
 */
describe('programme progress (read side)', () => {
  const store = new TypedEventStore({
    store: new InMemoryEventStore({ now: () => new Date('2026-04-01T12:00:00.000Z') }),
    eventTypes: new EventTypeRegistry().register(
      ...COURSE_EVENT_CLASSES,
      ...OFFERING_EVENT_CLASSES,
      ...PROGRAMME_EVENT_CLASSES,
    ),
    keyStore: new MemoryKeyStore(),
  });
  const readModels = new SqliteReadModelStore({ filename: ':memory:' });
  const engine = new ProjectionEngine({ eventStore: store, store: readModels, pollIntervalMs: 10 });
  engine.register(programmeProgressProjection);

  const append = (streamId: string, events: ReadonlyArray<{ type: string; data: unknown }>) =>
    store.append(
      streamId,
      'any',
      events.map((event) => ({
        eventId: newEventId(),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: {
          correlationId: 'spec',
          actor: { kind: 'person' as const, id: 'user-coordinator-1' },
          occurredAt: '2026-03-20T17:00:00.000Z',
        },
      })),
    );

  const settle = async () =>
    engine.waitForPosition(PROGRAMME_PROGRESS_PROJECTION, await store.headPosition(), 5_000);

  const progress = async () => {
    const model = engine.readModel<ProgrammeDocument | ProgrammeEnrolmentDocument>(
      PROGRAMME_PROGRESS_PROJECTION,
    );
    const programme = (await model.get(programmeDocumentId(programmeId))) as ProgrammeDocument;
    const page = await model.find({ filter: { record: 'enrolment' }, limit: 1_000 });
    return programmeProgress(
      programme,
      page.items.map((d) => d.data as ProgrammeEnrolmentDocument),
    );
  };

  beforeAll(async () => {
    await engine.start();
    // Results in Nairobi before the offering is added to the programme: they count all the same.
    await append(offeringStreamId(NAIROBI), [
      enrolled(NAIROBI, 'e1', participant('p1', 'female', 'workers-organisation')),
      enrolled(NAIROBI, 'e2', participant('p2', 'male', 'government')),
      enrolled(NAIROBI, 'e3', participant('p3', 'female', 'government')),
      enrolled(NAIROBI, 'e4', participant('p4', 'male')),
      TestScoresRecorded.of({
        offeringId: NAIROBI,
        enrolmentId: 'e1',
        preTest: 40,
        recordedBy: 'user-trainer-1',
        recordedAt: '2026-03-16T09:00:00.000Z',
      }),
      completedWith(NAIROBI, 'e1', undefined, 70),
      completedWith(NAIROBI, 'e2', 50, 60),
      ParticipantFailed.of({
        offeringId: NAIROBI,
        enrolmentId: 'e3',
        attendancePercent: 60,
        shortfalls: ['attendance'],
        failedAt: '2026-03-20T17:00:00.000Z',
      }),
      completedWith(NAIROBI, 'e4', 10, 90),
    ]);
    await append(offeringStreamId(MOMBASA), [
      enrolled(MOMBASA, 'e5', participant('p1', 'female', 'workers-organisation')),
      completedWith(MOMBASA, 'e5'),
    ]);
    await append(offeringStreamId(ELSEWHERE), [
      enrolled(ELSEWHERE, 'e6', participant('p6', 'female', 'government')),
      completedWith(ELSEWHERE, 'e6', 0, 100),
    ]);
    await append(programmeStreamId(programmeId), [
      launched,
      targetsSet,
      offeringAdded(NAIROBI, 110),
      offeringAdded(MOMBASA, 111),
    ]);
    await settle();
  });

  afterAll(async () => {
    await engine.stop();
    await readModels.close();
  });

  it('counts its offerings’ constituents against each target, by hand', async () => {
    const p = await progress();
    expect(p).toMatchObject({
      programmeId,
      status: 'active',
      offeringIds: [NAIROBI, MOMBASA],
      // e1, e2, e3, e5 (e4 is staff, e6 is in another offering).
      participantsWithResult: 4,
      participantsCompleted: 3,
    });
    expect(
      p.targets.map((t) => [
        t.indicator,
        t.sex ?? t.constituentGroup ?? null,
        t.value,
        t.actual,
        t.percentOfTarget,
      ]),
    ).toEqual([
      // p1 (twice: once) and p2.
      ['people-trained', null, 60, 2, 3.3],
      ['people-trained', 'female', 30, 1, 3.3],
      ['people-trained', 'workers-organisation', 20, 1, 5],
      // 3 of 4 results.
      ['completion-rate', null, 80, 75, 93.8],
      // p1 40 → 70 (pre-test recorded before), p2 50 → 60: (30 + 10) / 2.
      ['knowledge-gain', null, 15, 20, 133.3],
    ]);
  });

  it('keeps an offering added again once, and shows a closed programme closed', async () => {
    await append(programmeStreamId(programmeId), [offeringAdded(NAIROBI, 112), closed]);
    await settle();
    const p = await progress();
    expect(p.offeringIds).toEqual([NAIROBI, MOMBASA]);
    expect(p).toMatchObject({ status: 'closed', closedAt: closed.data.closedAt });
    expect(p.participantsWithResult).toBe(4);
  });

  it('has nothing to measure for a rate with no result', () => {
    const doc = { ...launchedDocument(), targets: targetsSet.data.targets };
    const empty = programmeProgress(doc, []);
    expect(empty.targets.map((t) => t.actual)).toEqual([0, 0, 0, null, null]);
    expect(empty.targets.map((t) => t.percentOfTarget)).toEqual([0, 0, 0, null, null]);
  });
});

function launchedDocument(): ProgrammeDocument {
  const d = launched.data;
  return {
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
  };
}
