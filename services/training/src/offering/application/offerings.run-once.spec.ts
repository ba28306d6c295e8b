import 'reflect-metadata';
import {
  InMemoryEventStore,
  MemoryKeyStore,
  TypedEventStore,
  type CommandContext,
} from '@sfp/event-sourcing';
import { ContextCommands, ServiceMetrics } from '@sfp/service-kit';
import { Courses } from '../../course/application/courses';
import { TRAINING_CONTEXT, trainingEventTypes } from '../../training.context';
import { plannedCourseOf } from '../domain/planned-course';
import { Offerings } from './offerings';

const OFFERING = '7f0c2a9e-3b1d-4c5e-8a6f-2d9b4e1c7a30';
const COURSE = '1c9e4b7a-2f3d-4a5b-9c8d-7e6f5a4b3c21';
const ENROLMENT = '4d2b8f1e-6a3c-4e7d-b9a0-5c1f2e3d4b6a';

/**
 * A department's message delivered again after its events were appended
 * (the service stopped before recording the outcome) answers with the
 * offering as it stands, not with the refusal its decider would give a new
 * command; another message with the same effect is refused.
 */
describe('Offerings.runOnce: a message delivered again', () => {
  let offerings: Offerings;
  const now = () => new Date('2026-11-02T08:30:00Z');
  const byMessage = (messageId: string): CommandContext => ({
    correlationId: messageId,
    causationId: messageId,
    actor: { kind: 'integration-client', id: 'client-1', department: 'regional-office-africa' },
    idempotencyKey: messageId,
  });
  const operator: CommandContext = {
    correlationId: 'corr-1',
    actor: { kind: 'person', id: 'operator-1' },
  };
  const enrol = {
    type: 'EnrolParticipant' as const,
    enrolmentId: ENROLMENT,
    participant: {
      personId: 'person-1',
      name: 'Amina Wanjiru',
      email: 'amina.wanjiru@example.org',
      organisation: 'Federation of Kenya Employers',
      constituentGroup: 'employers-organisation' as const,
      country: 'KE',
      sex: 'female' as const,
      staff: false,
    },
  };
  const withdraw = {
    type: 'WithdrawEnrolment' as const,
    enrolmentId: ENROLMENT,
    reason: 'Moved to the March offering',
  };

  beforeEach(async () => {
    const eventTypes = trainingEventTypes();
    const store = new TypedEventStore({
      store: new InMemoryEventStore({ now }),
      eventTypes,
      keyStore: new MemoryKeyStore(),
    });
    const pipeline = new ContextCommands({
      context: TRAINING_CONTEXT,
      store,
      eventTypes,
      metrics: new ServiceMetrics(),
    });
    const courses = new Courses(pipeline, now);
    offerings = new Offerings(pipeline, store, now);
    await courses.run(
      COURSE,
      {
        type: 'CreateCourse',
        courseId: COURSE,
        course: {
          code: 'SFP-MF-101',
          title: 'Microfinance for decent work',
          kind: 'workshop',
          learningObjectives: ['Assess a SACCO against decent-work criteria'],
          themes: ['cooperatives'],
          audiences: ['employers-organisation'],
          durationHours: 8,
          priorityArea: 'financial-inclusion',
          languages: ['en'],
          owner: 'staff-mrossi',
          supervisorApprovalRequired: false,
          completionRule: { minAttendancePercent: 80 },
        },
      },
      operator,
    );
    await courses.run(COURSE, { type: 'PublishCourse' }, operator);
    const course = await courses.load(COURSE);
    if (course.status === 'none') throw new Error('The course was not created');
    await offerings.run(
      OFFERING,
      {
        type: 'PlanOffering',
        offeringId: OFFERING,
        course: plannedCourseOf(course),
        plan: {
          schedule: { startsOn: '2026-11-16', endsOn: '2026-11-16', timeZone: 'Africa/Nairobi' },
          delivery: { mode: 'online', url: 'https://meet.example.org/sfp-mf-101' },
          region: 'africa',
          country: 'KE',
          language: 'en',
          capacity: 10,
          trainers: ['staff-mrossi'],
          funding: { kind: 'sponsored', sponsor: 'Mastercard Foundation' },
        },
      },
      operator,
    );
    await offerings.run(OFFERING, { type: 'OpenOfferingForEnrolment' }, operator);
  });

  it('an enrolment delivered again answers with the offering as it stands', async () => {
    const first = await offerings.runOnce(OFFERING, enrol, byMessage('message-1'));
    expect(first).toMatchObject({ streamVersion: 3, changed: true });
    const again = await offerings.runOnce(OFFERING, enrol, byMessage('message-1'));
    expect(again).toMatchObject({ streamVersion: 3, changed: false });
    await expect(offerings.runOnce(OFFERING, enrol, byMessage('message-2'))).rejects.toMatchObject({
      code: 'ALREADY_ENROLLED',
    });
  });

  it('a withdrawal delivered again answers with the offering as it stands; a new one is refused', async () => {
    await offerings.runOnce(OFFERING, enrol, byMessage('message-1'));
    expect(await offerings.runOnce(OFFERING, withdraw, byMessage('message-2'))).toMatchObject({
      streamVersion: 4,
      changed: true,
    });
    expect(await offerings.runOnce(OFFERING, withdraw, byMessage('message-2'))).toMatchObject({
      streamVersion: 4,
      changed: false,
    });
    await expect(
      offerings.runOnce(OFFERING, withdraw, byMessage('message-3')),
    ).rejects.toMatchObject({ code: 'ENROLMENT_STATUS_CONFLICT' });
  });
});
