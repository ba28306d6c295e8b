import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { signCommand } from '@sfp/auth';
import type { EventStore } from '@sfp/event-sourcing';
import { COMMAND_HEADERS, contextTopics, EVENT_HEADERS } from '@sfp/messaging';
import {
  EVENT_STORE,
  pseudonymizer,
  startStandaloneService,
  type StandaloneService,
} from '@sfp/service-kit';
import {
  httpClient,
  signIn,
  startDepartmentSystem,
  startStandaloneUnderTest,
  type DepartmentSystem,
  type StandaloneUnderTest,
} from '@sfp/testing';
import { trainingService } from '../src/training.service';
import { courseBody, enrolmentBody, offeringBody } from './support/training-requests';

type Json = Record<string, any>;

/**
 * Training as it runs in distributed mode (`npm run start:training`): booted
 * in-process against the real Kafka broker and MongoDB-protocol server, driven
 * by an operator over HTTP and by a department's learning system with signed
 * commands on sfp.training.commands.
 *
 * The sfp.training.* topics are shared with every other run on the broker:
 * each message this suite reads is found by its own message or stream id.
 */
describe('training standalone on Kafka and MongoDB (distributed e2e)', () => {
  const topics = contextTopics('training');
  const SECRET = 'distributed-e2e-pseudonym-secret-0123456789';
  const SENDER = 'ro-africa-learning-system';
  const DEPARTMENT = 'regional-office-africa';
  const ADMIN_PASSWORD = 'distributed e2e secret phrase';
  const run = randomBytes(4).toString('hex');

  let host: StandaloneUnderTest<StandaloneService> | undefined;
  let service: StandaloneService;
  let department: DepartmentSystem;
  let http: ReturnType<typeof httpClient>;
  let clientId: string;
  let apiKey: string;
  /** Another department's learning system (its own client and key). */
  let otherApiKey: string;
  const OTHER_SENDER = 'ro-asia-learning-system';
  const OTHER_DEPARTMENT = 'regional-office-asia-pacific';

  beforeAll(async () => {
    host = await startStandaloneUnderTest({
      prefix: 'tr_e2e',
      adminPassword: ADMIN_PASSWORD,
      extra: { SFP_PSEUDONYM_SECRET: SECRET, KAFKA_CLIENT_ID: 'sfp-training-e2e' },
      start: (env) => startStandaloneService(trainingService, env),
    });
    service = host.service;
    await host.admin.post('/auth/users', {
      username: 'training-officer',
      displayName: 'Njeri Kamau',
      roles: ['operator'],
      password: 'training officer secret',
    });
    http = httpClient(
      `${service.url}/api/training`,
      await signIn(service.url, 'training-officer', 'training officer secret'),
    );
    ({ clientId, apiKey } = await host.apiClient(SENDER, DEPARTMENT));
    ({ apiKey: otherApiKey } = await host.apiClient(OTHER_SENDER, OTHER_DEPARTMENT));
    department = await startDepartmentSystem({
      brokers: host.setup.kafkaBrokers,
      clientId: `${SENDER}-e2e`,
      topics: [topics.outcomes, topics.events],
      recorderGroup: 'training-e2e',
    });
  });

  afterAll(async () => {
    await host?.stop(department);
  });

  /** A published course and an open offering of it for two. */
  const openOffering = async (code: string): Promise<string> => {
    const course = await http.post<Json>('/courses', courseBody({ code }));
    expect(course.status).toBe(201);
    const courseId = course.body['courseId'] as string;
    expect((await http.post(`/courses/${courseId}/publish`, {})).status).toBe(200);
    const planned = await http.post<Json>('/offerings', offeringBody(courseId));
    expect(planned.status).toBe(201);
    const offeringId = planned.body['offeringId'] as string;
    expect((await http.post(`/offerings/${offeringId}/open`, {})).status).toBe(200);
    return offeringId;
  };
  const enrol = (offeringId: string, who: string) =>
    http.post<Json>(`/offerings/${offeringId}/enrolments`, enrolmentBody(who, run));

  /** Publishes a signed command as a department's system does; returns its message id. */
  const sendCommand = async (
    commandType: string,
    payload: unknown,
    from = { sender: SENDER, department: DEPARTMENT, key: () => apiKey },
  ): Promise<string> => {
    const messageId = randomUUID();
    const value = JSON.stringify(payload);
    const headers: Record<string, string> = {
      [COMMAND_HEADERS.messageId]: messageId,
      [COMMAND_HEADERS.commandType]: commandType,
      [COMMAND_HEADERS.sender]: from.sender,
      [COMMAND_HEADERS.department]: from.department,
      ...signCommand({
        apiKey: from.key(),
        topic: topics.commands,
        messageId,
        commandType,
        value,
      }),
    };
    await department.send(topics.commands, [{ key: messageId, value, headers }]);
    return messageId;
  };
  const outcomeOf = async (messageId: string): Promise<Json> => {
    const [message] = await department.recorder.waitFor(
      `outcome of ${messageId}`,
      (m) => m.topic === topics.outcomes && m.headers[COMMAND_HEADERS.messageId] === messageId,
    );
    return JSON.parse(message!.value ?? 'null') as Json;
  };

  it('two enrolments racing for the last seat on the MongoDB-protocol store: one enrolled, one waitlisted', async () => {
    const offeringId = await openOffering(`SFP-MF-2${run.slice(0, 2)}`);
    expect((await enrol(offeringId, 'Amina Wanjiru')).body['status']).toBe('enrolled');

    const racers = await Promise.all([
      enrol(offeringId, 'Baraka Odhiambo'),
      enrol(offeringId, 'Chebet Kiprop'),
    ]);
    expect(racers.map((r) => r.status)).toEqual([201, 201]);
    expect(racers.map((r) => r.body['status']).sort()).toEqual(['enrolled', 'waitlisted']);
    expect(racers.find((r) => r.body['status'] === 'waitlisted')?.body).toMatchObject({
      waitlistPosition: 1,
    });

    const events = (
      await service.app.get<EventStore>(EVENT_STORE).readStream(`offering-${offeringId}`)
    ).map((e) => e.type);
    expect(events.filter((t) => t === 'training.ParticipantEnrolled')).toHaveLength(2);
    expect(events.filter((t) => t === 'training.ParticipantWaitlisted')).toHaveLength(1);
    expect(events.filter((t) => t === 'training.OfferingFilled')).toHaveLength(1);
  });

  it('enrols a participant sent as a signed command on sfp.training.commands: outcome, then the public event', async () => {
    const offeringId = await openOffering(`SFP-MF-3${run.slice(0, 2)}`);
    const payload = { offeringId, ...enrolmentBody('Dalia Mwangi', run) };
    const messageId = await sendCommand('EnrolParticipant', payload);

    const outcome = await outcomeOf(messageId);
    expect(outcome).toMatchObject({
      messageId,
      commandType: 'EnrolParticipant',
      status: 'accepted',
      streamId: `offering-${offeringId}`,
      streamVersion: 3,
      position: expect.any(Number),
    });

    const [event] = await department.recorder.waitFor(
      `ParticipantEnrolled of ${offeringId}`,
      (m) =>
        m.topic === topics.events &&
        m.headers[EVENT_HEADERS.streamId] === `offering-${offeringId}` &&
        m.headers[EVENT_HEADERS.type] === 'training.ParticipantEnrolled',
    );
    expect(event!.headers[EVENT_HEADERS.causationId]).toBe(messageId);
    const envelope = JSON.parse(event!.value ?? 'null') as Json;
    expect(envelope).toMatchObject({
      actor: { kind: 'integration-client', id: clientId, department: DEPARTMENT },
      data: {
        offeringId,
        enrolmentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        participant: {
          personId: pseudonymizer(SECRET)(payload.participant.email),
          organisation: 'Central Organisation of Trade Unions (Kenya)',
        },
      },
    });
    // Name and e-mail leave the context encrypted, never in clear.
    expect(event!.value).not.toContain('Dalia');
    expect(event!.value).not.toContain(payload.participant.email);

    // The same person again, by message: rejected with the domain's code.
    const again = await outcomeOf(await sendCommand('EnrolParticipant', payload));
    expect(again).toMatchObject({
      status: 'rejected',
      rejection: { code: 'ALREADY_ENROLLED', message: expect.any(String) },
    });

    // Another department cannot withdraw it: for its system, that enrolment does not exist.
    const withdrawal = {
      offeringId,
      enrolmentId: envelope['data'].enrolmentId,
      reason: 'Participant moved to the March offering',
    };
    const foreign = await outcomeOf(
      await sendCommand('WithdrawEnrolment', withdrawal, {
        sender: OTHER_SENDER,
        department: OTHER_DEPARTMENT,
        key: () => otherApiKey,
      }),
    );
    expect(foreign).toMatchObject({
      status: 'rejected',
      rejection: { code: 'ENROLMENT_NOT_FOUND' },
    });

    // The department that made it withdraws it.
    const withdrawn = await outcomeOf(await sendCommand('WithdrawEnrolment', withdrawal));
    expect(withdrawn).toMatchObject({ status: 'accepted', streamVersion: 4 });
  });
});
