import 'reflect-metadata';
import type { Request, Response } from 'express';
import type { TSchema } from '@sinclair/typebox';
import {
  InMemoryEventStore,
  MemoryKeyStore,
  TypedEventStore,
  type CommandContext,
} from '@sfp/event-sourcing';
import { ContextCommands, pseudonymizer, ServiceMetrics } from '@sfp/service-kit';
import { CourseCommandResultSchema } from './course/application/course.answers';
import { courseCommandController } from './course/application/course.command-routes';
import { Courses } from './course/application/courses';
import { CreateCourseController } from './course/application/create-course/create-course.http.controller';
import { publishCourse } from './course/application/publish-course/publish-course.use-case';
import { reviseCourse } from './course/application/revise-course/revise-course.use-case';
import type { CourseBodyDto } from './course/application/course-definition.dto';
import { approveEnrolment } from './offering/application/approve-enrolment/approve-enrolment.use-case';
import { changeCapacity } from './offering/application/change-capacity/change-capacity.use-case';
import { completeOffering } from './offering/application/complete-offering/complete-offering.use-case';
import { EnrolParticipantController } from './offering/application/enrol-participant/enrol-participant.http.controller';
import type { EnrolParticipantDto } from './offering/application/enrol-participant/enrol-participant.request.dto';
import {
  EnrolmentResultSchema,
  EvaluationResultSchema,
  OfferingCommandResultSchema,
} from './offering/application/offering.answers';
import { offeringCommandController } from './offering/application/offering.command-routes';
import { Offerings } from './offering/application/offerings';
import { openOffering } from './offering/application/open-offering/open-offering.use-case';
import { PlanOfferingController } from './offering/application/plan-offering/plan-offering.http.controller';
import type { PlanOfferingDto } from './offering/application/plan-offering/plan-offering.request.dto';
import { recordAttendance } from './offering/application/record-attendance/record-attendance.use-case';
import { recordTestScores } from './offering/application/record-test-scores/record-test-scores.use-case';
import { startOffering } from './offering/application/start-offering/start-offering.use-case';
import { submitEvaluation } from './offering/application/submit-evaluation/submit-evaluation.use-case';
import { withdrawEnrolment } from './offering/application/withdraw-enrolment/withdraw-enrolment.use-case';
import { expectConforms } from '@sfp/testing';
import {
  ErasureResultSchema,
  PersonalDataErasureController,
} from './personal-data/personal-data-erasure.http.controller';
import { TRAINING_CONTEXT, trainingEventTypes } from './training.context';

/** A route's controller as the tests call it: its one method, with params, context and body. */
type Route = {
  run(params: object, context: CommandContext, body?: object): Promise<{ changed: boolean }>;
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
const requestTo = (path: string) => ({ baseUrl: '/api/training', path }) as unknown as Request;

const COURSE: CourseBodyDto = {
  course: {
    code: 'SFP-MF-101',
    title: 'Microfinance for decent work: an introduction',
    kind: 'regional-course',
    learningObjectives: ['Explain how microfinance institutions measure social performance'],
    themes: ['microinsurance'],
    audiences: ['government', 'staff'],
    durationHours: 24,
    priorityArea: 'financial-inclusion',
    languages: ['en'],
    owner: 'staff-mrossi',
    supervisorApprovalRequired: true,
    completionRule: { minAttendancePercent: 80, minPostTestScore: 70 },
  },
};

const participant = (name: string, staff = false): EnrolParticipantDto => ({
  participant: {
    name,
    email: `${name.toLowerCase().replace(/ /g, '.')}@example.org`,
    organisation: staff ? 'Social Finance Programme' : 'Federation of Kenya Employers',
    ...(staff ? {} : { constituentGroup: 'employers-organisation' as const }),
    country: 'KE',
    sex: 'female',
    staff,
  },
  ...(staff ? { supervisor: 'staff-mrossi' } : {}),
});

/**
 * The bodies the training routes answer, produced by their controllers over a
 * real command pipeline and event store, conform to the schemas the OpenAPI
 * document gives for them: when the code and a schema drift apart, this fails.
 */
describe('training route answers and their schemas', () => {
  let now = new Date('2026-11-02T08:30:00Z');
  const keys = new MemoryKeyStore();
  const personIdOf = pseudonymizer('a secret of 32 characters or more for the answers spec');
  let courses: Courses;
  let offerings: Offerings;
  const context: CommandContext = {
    correlationId: 'corr-answers',
    actor: { kind: 'person', id: 'operator-1' },
  };
  const answers: Array<{ schema: TSchema; answer: object }> = [];
  const keep = <T extends object>(schema: TSchema, answer: T): T => {
    answers.push({ schema, answer });
    return answer;
  };
  const route = (controller: unknown, service: unknown) =>
    new (controller as new (service: unknown) => Route)(service);

  beforeAll(() => {
    const eventTypes = trainingEventTypes();
    const store = new TypedEventStore({
      store: new InMemoryEventStore({ now: () => now }),
      eventTypes,
      keyStore: keys,
    });
    const pipeline = new ContextCommands({
      context: TRAINING_CONTEXT,
      store,
      eventTypes,
      metrics: new ServiceMetrics(),
    });
    courses = new Courses(pipeline, () => now);
    offerings = new Offerings(pipeline, store, () => now);
  });

  it('every command answers its result, with an enrolment’s status and an evaluation’s id', async () => {
    // A course, created, revised and published.
    const res = response();
    const created = await new CreateCourseController(courses).create(
      COURSE,
      context,
      requestTo('/courses'),
      res,
    );
    keep(CourseCommandResultSchema, created);
    expect(res.headers['location']).toBe(`/api/training/courses/${created.courseId}`);
    const id = created.courseId;
    const revise = route(courseCommandController(reviseCourse), courses);
    keep(
      CourseCommandResultSchema,
      await revise.run({ id }, context, { ...COURSE, reason: 'A module on digital credit' }),
    );
    keep(
      CourseCommandResultSchema,
      await route(courseCommandController(publishCourse), courses).run({ id }, context),
    );

    // An offering for two, planned and opened.
    const plan: PlanOfferingDto = {
      courseId: id,
      plan: {
        schedule: { startsOn: '2026-11-16', endsOn: '2026-11-17', timeZone: 'Africa/Nairobi' },
        delivery: { mode: 'online', url: 'https://meet.example.org/sfp-mf-101' },
        region: 'africa',
        country: 'KE',
        language: 'en',
        capacity: 2,
        trainers: ['staff-mrossi'],
        funding: { kind: 'fee', amount: 450, currency: 'USD' },
      },
    };
    const planned = keep(
      OfferingCommandResultSchema,
      await new PlanOfferingController(offerings, courses).plan(
        plan,
        context,
        requestTo('/offerings'),
        response(),
      ),
    );
    const offeringId = planned.offeringId;
    const on = (useCase: Parameters<typeof offeringCommandController>[0]) =>
      route(offeringCommandController(useCase), offerings);
    keep(OfferingCommandResultSchema, await on(openOffering).run({ id: offeringId }, context));

    // Enrolled twice, waitlisted, and a staff member awaiting approval.
    const enrol = new EnrolParticipantController(offerings, personIdOf);
    const first = keep(
      EnrolmentResultSchema,
      await enrol.enrol({ id: offeringId }, participant('Amina Wanjiru'), context),
    );
    const second = keep(
      EnrolmentResultSchema,
      await enrol.enrol({ id: offeringId }, participant('Baraka Odhiambo'), context),
    );
    const waiting = keep(
      EnrolmentResultSchema,
      await enrol.enrol({ id: offeringId }, participant('Chebet Kiprop'), context),
    );
    const staff = keep(
      EnrolmentResultSchema,
      await enrol.enrol({ id: offeringId }, participant('Dalia Mwangi', true), context),
    );
    expect([first.status, second.status, waiting.status, staff.status]).toEqual([
      'enrolled',
      'enrolled',
      'waitlisted',
      'awaiting-approval',
    ]);
    expect(waiting.waitlistPosition).toBe(1);
    keep(
      OfferingCommandResultSchema,
      await on(approveEnrolment).run({ id: offeringId, enrolmentId: staff.enrolmentId }, context),
    );
    keep(
      OfferingCommandResultSchema,
      await on(withdrawEnrolment).run(
        { id: offeringId, enrolmentId: second.enrolmentId },
        context,
        { reason: 'Mission to Kisumu' },
      ),
    );
    keep(
      OfferingCommandResultSchema,
      await on(changeCapacity).run({ id: offeringId }, context, { capacity: 3 }),
    );

    // Run and completed; a repeat of the same scores changes nothing.
    now = new Date('2026-11-16T06:00:00Z');
    keep(OfferingCommandResultSchema, await on(startOffering).run({ id: offeringId }, context));
    for (const day of ['2026-11-16', '2026-11-17'])
      keep(
        OfferingCommandResultSchema,
        await on(recordAttendance).run({ id: offeringId }, context, {
          day,
          present: [first.enrolmentId, waiting.enrolmentId],
        }),
      );
    const scores = { enrolmentId: first.enrolmentId, preTest: 48, postTest: 86 };
    keep(
      OfferingCommandResultSchema,
      await on(recordTestScores).run({ id: offeringId }, context, scores),
    );
    const repeat = keep(
      OfferingCommandResultSchema,
      await on(recordTestScores).run({ id: offeringId }, context, scores),
    );
    expect(repeat.changed).toBe(false);
    keep(OfferingCommandResultSchema, await on(completeOffering).run({ id: offeringId }, context));
    const evaluated = keep(
      EvaluationResultSchema,
      await on(submitEvaluation).run({ id: offeringId }, context, {
        enrolmentId: first.enrolmentId,
        ratings: [{ item: 'overall-satisfaction', score: 5 }],
      }),
    );
    expect(evaluated).toMatchObject({ changed: true, evaluationId: expect.any(String) });

    for (const { schema, answer } of answers) expectConforms(schema, answer);
  });

  it('POST /personal-data/erasures: whether anything was held', async () => {
    const controller = new PersonalDataErasureController(personIdOf, keys, {
      info: () => undefined,
    } as never);
    const erased = await controller.erase({ email: 'amina.wanjiru@example.org' });
    expectConforms(ErasureResultSchema, erased);
    expect(erased).toEqual({ personId: personIdOf('amina.wanjiru@example.org'), erased: true });
    const again = await controller.erase({ email: 'amina.wanjiru@example.org' });
    expectConforms(ErasureResultSchema, again);
    expect(again.erased).toBe(false);
  });
});
