import 'reflect-metadata';
import type { Request, Response } from 'express';
import {
  EventTypeRegistry,
  InMemoryEventStore,
  MemoryKeyStore,
  newEventId,
  TypedEventStore,
  type CommandContext,
} from '@sfp/event-sourcing';
import { ContextCommands, ServiceMetrics } from '@sfp/service-kit';
import { TrainingRuleError } from '../../course/domain/course.errors';
import { COURSE_EVENT_CLASSES } from '../../course/domain/course.events';
import { OfferingNotFoundError } from '../../offering/domain/offering.errors';
import { OFFERING_EVENT_CLASSES } from '../../offering/domain/offering.events';
import { planned } from '../../offering/domain/testing/offering.fixtures';
import { expectConforms } from '@sfp/testing';
import { offeringStreamId, TRAINING_CONTEXT } from '../../training.context';
import {
  OfferingAlreadyInProgrammeError,
  ProgrammeClosedError,
  ProgrammeNotFoundError,
} from '../domain/programme.errors';
import { PROGRAMME_EVENT_CLASSES } from '../domain/programme.events';
import { programmeProgress, type ProgrammeDocument } from '../projections/programme-progress';
import { ProgrammeProgressSchema } from '../projections/programme.schemas';
import { addOfferingToProgramme } from './add-offering/add-offering.use-case';
import { closeProgramme } from './close-programme/close-programme.use-case';
import { LaunchProgrammeController } from './launch-programme/launch-programme.http.controller';
import type { LaunchProgrammeDto } from './launch-programme/launch-programme.request.dto';
import { ProgrammeCommandResultSchema } from './programme.answers';
import { programmeCommandController } from './programme.command-routes';
import { Programmes, type ProgrammeCommandResult } from './programmes';
import { setProgrammeTargets } from './set-programme-targets/set-programme-targets.use-case';

/** A route's controller as the tests call it: its one method, with params, context and body. */
type Route = {
  run(params: object, context: CommandContext, body?: object): Promise<ProgrammeCommandResult>;
};

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
  } as unknown as Response & { headers: Record<string, string> };
}

/** An offering as planning names it (a version 4 UUID). */
const OFFERING = '3c9a7e51-2b4d-4f6a-9e8c-1d2b3a4c5e6f';

const LAUNCH: LaunchProgrammeDto = {
  title: 'Social finance capacity for Kenyan trade unions, 2026',
  scope: {
    kind: 'organisation',
    organisation: 'Central Organization of Trade Unions (Kenya)',
    constituentGroup: 'workers-organisation',
    country: 'KE',
  },
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
};

/**
 * The programme routes over a real command pipeline and event store: each
 * answer conforms to the schema the OpenAPI document gives for it, and each
 * refusal is the one its route declares.
 */
describe('programme route answers and refusals', () => {
  const now = new Date('2025-12-01T09:00:00Z');
  const context: CommandContext = {
    correlationId: 'corr-programmes',
    actor: { kind: 'person', id: 'programme-officer-1' },
  };
  const eventTypes = new EventTypeRegistry().register(
    ...COURSE_EVENT_CLASSES,
    ...OFFERING_EVENT_CLASSES,
    ...PROGRAMME_EVENT_CLASSES,
  );
  const store = new TypedEventStore({
    store: new InMemoryEventStore({ now: () => now }),
    eventTypes,
    keyStore: new MemoryKeyStore(),
  });
  const programmes = new Programmes(
    new ContextCommands({
      context: TRAINING_CONTEXT,
      store,
      eventTypes,
      metrics: new ServiceMetrics(),
    }),
    () => now,
  );
  const on = (useCase: Parameters<typeof programmeCommandController>[0]) =>
    new (programmeCommandController(useCase) as unknown as new (p: Programmes) => Route)(
      programmes,
    );

  it('launches, sets targets, adds an offering and closes, each answer as its schema says', async () => {
    await store.append(offeringStreamId(OFFERING), 'no-stream', [
      {
        eventId: newEventId(),
        type: planned.type,
        schemaVersion: 1,
        data: { ...planned.data, offeringId: OFFERING },
        metadata: {
          correlationId: 'corr-plan',
          actor: context.actor,
          occurredAt: now.toISOString(),
        },
      },
    ]);
    const res = response();
    const launched = await new LaunchProgrammeController(programmes).launch(
      LAUNCH,
      context,
      { baseUrl: '/api/training', path: '/programmes' } as unknown as Request,
      res,
    );
    expectConforms(ProgrammeCommandResultSchema, launched);
    expect(res.headers['location']).toBe(`/api/training/programmes/${launched.programmeId}`);
    const id = launched.programmeId;

    const targets = await on(setProgrammeTargets).run({ id }, context, {
      targets: [
        { indicator: 'people-trained', value: 40, dueOn: '2026-12-31' },
        { indicator: 'people-trained', value: 20, sex: 'female', dueOn: '2026-12-31' },
        { indicator: 'completion-rate', value: 80, dueOn: '2026-12-31' },
      ],
    });
    expectConforms(ProgrammeCommandResultSchema, targets);
    expect(targets).toMatchObject({ streamVersion: 2, changed: true });

    const added = await on(addOfferingToProgramme).run({ id }, context, {
      offeringId: OFFERING,
    });
    expectConforms(ProgrammeCommandResultSchema, added);
    await expect(
      on(addOfferingToProgramme).run({ id }, context, { offeringId: OFFERING }),
    ).rejects.toBeInstanceOf(OfferingAlreadyInProgrammeError);
    await expect(
      on(addOfferingToProgramme).run({ id }, context, {
        offeringId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      }),
    ).rejects.toBeInstanceOf(OfferingNotFoundError);
    await expect(
      on(setProgrammeTargets).run({ id }, context, {
        targets: [{ indicator: 'completion-rate', value: 80, dueOn: '2027-06-30' }],
      }),
    ).rejects.toBeInstanceOf(TrainingRuleError);

    const closed = await on(closeProgramme).run({ id }, context, { reason: 'Year over' });
    expectConforms(ProgrammeCommandResultSchema, closed);
    expect(closed.streamVersion).toBe(4);
    await expect(
      on(closeProgramme).run({ id }, context, { reason: 'Again' }),
    ).rejects.toBeInstanceOf(ProgrammeClosedError);
    await expect(
      on(closeProgramme).run({ id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }, context, {
        reason: 'Nothing to close',
      }),
    ).rejects.toBeInstanceOf(ProgrammeNotFoundError);

    // The detail the read side answers, for this programme with no result yet.
    const events = await store.readStream(`programme-${id}`);
    const doc: ProgrammeDocument = {
      record: 'programme',
      programmeId: id,
      title: LAUNCH.title,
      scope: (events[0]?.data as { scope: ProgrammeDocument['scope'] }).scope,
      scopeKind: 'organisation',
      startsOn: LAUNCH.startsOn,
      endsOn: LAUNCH.endsOn,
      status: 'closed',
      offeringIds: [OFFERING],
      targets: (events[1]?.data as { targets: ProgrammeDocument['targets'] }).targets,
      launchedAt: now.toISOString(),
      closedAt: now.toISOString(),
    };
    const detail = programmeProgress(doc, []);
    expect(detail.targets).toHaveLength(3);
    expectConforms(ProgrammeProgressSchema, detail);
  });
});
