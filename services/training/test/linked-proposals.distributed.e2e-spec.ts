import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { ToolLinkedProposals } from '@sfp/contracts';
import { uuidFromKey, type EventStore, type RecordedEvent } from '@sfp/event-sourcing';
import { contextTopics, encodeEventMessage } from '@sfp/messaging';
import {
  EVENT_STORE,
  qualityProposalStreamId,
  startStandaloneService,
  type StandaloneService,
} from '@sfp/service-kit';
import {
  linkageAcceptedData,
  linkageDismissedData,
  proposalDecidedData,
  qualityMonitoringEvent,
} from '@sfp/service-kit/testing';
import { dropDatabases, httpClient, signIn, standaloneTestEnv } from '@sfp/testing';
import { trainingService } from '../src/training.service';
import { courseBody } from './support/training-requests';

type Json = Record<string, unknown>;

/** Polls until `done` holds (the subscription and the view work in the background). */
async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until)
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Quality monitoring's accepted links on a course, over the real broker and
 * MongoDB-protocol server, training on its own: LinkageAccepted,
 * ProposalDecided and LinkageDismissed are produced on
 * sfp.quality-monitoring.events as its outbox relay encodes them; training
 * follows that topic with its consumer group
 * sfp-training.quality-monitoring-linkages. Each run uses its own course,
 * proposal and event ids and its own databases. (Run it alone: another
 * training in the same consumer group would share the topic's partitions.)
 */
describe('proposals linked to a course (distributed e2e)', () => {
  const ADMIN_PASSWORD = 'linked proposals e2e secret phrase';
  let setup: ReturnType<typeof standaloneTestEnv> | undefined;
  let service: StandaloneService;
  let producer: Producer;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    setup = standaloneTestEnv({
      prefix: 'tr_linked',
      adminPassword: ADMIN_PASSWORD,
      extra: {
        SFP_PSEUDONYM_SECRET: 'linked-proposals-e2e-pseudonym-secret-0123456789',
        KAFKA_CLIENT_ID: 'sfp-training-linked-e2e',
      },
    });
    service = await startStandaloneService(trainingService, setup.env);
    http = httpClient(
      `${service.url}/api/training`,
      await signIn(service.url, 'admin', ADMIN_PASSWORD),
    );
    const kafka = new Kafka({
      clientId: 'training-linked-e2e',
      brokers: setup.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    await service?.close();
    if (setup) await dropDatabases(setup.mongodbUri, setup.databases);
  });

  const publish = (event: RecordedEvent) =>
    producer.send({
      topic: contextTopics('quality-monitoring').events,
      acks: -1,
      messages: [encodeEventMessage(event)],
    });

  it('a LinkageAccepted lands on the course, a redelivery adds nothing, the decision shows, a dismissal removes it', async () => {
    const created = await http.post<Json>(
      '/courses',
      courseBody({ code: `QM-${randomBytes(3).toString('hex').toUpperCase()}` }),
    );
    expect(created.status).toBe(201);
    const courseId = String(created.body['courseId']);
    const course = { kind: 'course', toolId: courseId, context: 'training' };
    const proposalId = randomUUID();
    const linked = () => http.get<ToolLinkedProposals>(`/courses/${courseId}/linked-proposals`);

    expect((await linked()).body).toEqual({
      toolRef: `course:${courseId}`,
      kind: 'course',
      toolId: courseId,
      items: [],
    });

    const accepted = qualityMonitoringEvent(
      'LinkageAccepted',
      linkageAcceptedData(course, proposalId),
    );
    await publish(accepted);
    const afterAccept = await eventually(
      'the link on the course',
      linked,
      (answer) => answer.body.items.length === 1,
    );
    expect(afterAccept.status).toBe(200);
    expect(afterAccept.body.items[0]).toMatchObject({
      proposalId,
      title: 'Agricultural value-chain credit line, Malawi',
      department: 'Financial Inclusion',
      reason: 'Shares the theme agricultural finance and the country Malawi',
      acceptedAt: '2026-03-12T09:30:00.000Z',
    });

    // The same event again (a redelivery), then the decision: same key, same partition, so in order.
    await publish(accepted);
    await publish(
      qualityMonitoringEvent('ProposalDecided', proposalDecidedData('approved', proposalId)),
    );
    const afterDecision = await eventually(
      'the decision on the course',
      linked,
      (answer) => answer.body.items[0]?.decision === 'approved',
    );
    expect(afterDecision.body.items).toHaveLength(1);
    const noted = await service.app
      .get<EventStore>(EVENT_STORE)
      .readStream(qualityProposalStreamId(proposalId));
    expect(noted.map((e) => [e.eventId, (e.data as Json)['change']])).toEqual([
      [uuidFromKey(`training.ProposalLinkNoted<-${accepted.eventId}`), 'accepted'],
      [expect.any(String), 'decided'],
    ]);

    await publish(
      qualityMonitoringEvent('LinkageDismissed', linkageDismissedData(course, proposalId)),
    );
    await eventually('the link gone', linked, (answer) => answer.body.items.length === 0);

    const unknown = await http.get<Json>(`/courses/${randomUUID()}/linked-proposals`);
    expect(unknown.status).toBe(404);
    expect(unknown.body['code']).toBe('COURSE_NOT_FOUND');
  }, 180_000);
});
