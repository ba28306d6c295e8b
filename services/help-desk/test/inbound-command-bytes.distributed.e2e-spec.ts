import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { signCommand } from '@sfp/auth';
import { COMMAND_HEADERS, contextTopics, DEAD_LETTER_HEADERS } from '@sfp/messaging';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import {
  dropDatabases,
  httpClient,
  signIn,
  standaloneTestEnv,
  TopicRecorder,
  type RecordedMessage,
} from '@sfp/testing';
import { helpDeskService } from '../src/help-desk.service';

type Json = Record<string, any>;

const hex = (b: Buffer | null | undefined) => (b ? b.toString('hex') : b);
const text = (record: RecordedMessage, name: string) => record.headers[name];

/**
 * What a department's system sends on sfp.help-desk.commands comes back from
 * the dead-letter topic exactly as it was sent (the signature is checked over
 * the value's bytes, never a decoding of them); and a request of another
 * department is, on Kafka as over HTTP, answered exactly as one that does not
 * exist. Against the real broker and MongoDB-protocol server.
 */
describe('help desk inbound commands: bytes and other departments (distributed e2e)', () => {
  const topics = contextTopics('help-desk');
  const ADMIN_PASSWORD = 'inbound bytes e2e secret phrase';
  let setup: ReturnType<typeof standaloneTestEnv> | undefined;
  let service: StandaloneService;
  let kafka: Kafka;
  let producer: Producer;
  let recorder: TopicRecorder;
  /** Integration clients of two departments, each with an API key. */
  const keys: Record<'a' | 'b', string> = { a: '', b: '' };
  let api: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    setup = standaloneTestEnv({
      prefix: 'hd_bytes',
      adminPassword: ADMIN_PASSWORD,
      extra: {
        SFP_PSEUDONYM_SECRET: 'inbound-bytes-e2e-pseudonym-secret-0123456789',
        SLA_CHECK_INTERVAL_MS: '0',
        KAFKA_CLIENT_ID: 'sfp-help-desk-bytes-e2e',
      },
    });
    service = await startStandaloneService(helpDeskService, setup.env);
    api = httpClient(`${service.url}/api/help-desk`);
    const admin = httpClient(
      `${service.url}/api`,
      await signIn(service.url, 'admin', ADMIN_PASSWORD),
    );
    for (const [side, department] of [
      ['a', 'regional-office-asia'],
      ['b', 'regional-office-africa'],
    ] as const) {
      const client = await admin.post<{ id: string }>('/auth/clients', {
        name: `bytes-e2e-${side}`,
        department,
      });
      const key = await admin.post<{ apiKey: string }>(`/auth/clients/${client.body.id}/keys`, {
        label: 'bytes e2e',
      });
      keys[side] = key.body.apiKey;
    }
    kafka = new Kafka({
      clientId: 'help-desk-bytes-e2e',
      brokers: setup.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await TopicRecorder.start(
      kafka,
      [topics.dlq, topics.outcomes],
      'help-desk-bytes-e2e',
    );
  });

  afterAll(async () => {
    await recorder?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await service?.close();
    if (setup) await dropDatabases(setup.mongodbUri, setup.databases);
  });

  const waitFor = async (what: string, predicate: (r: RecordedMessage) => boolean) =>
    (await recorder.waitFor(what, predicate))[0]!;
  const outcomeOf = async (messageId: string): Promise<Json> => {
    const record = await waitFor(
      `the outcome of ${messageId}`,
      (r) => r.topic === topics.outcomes && text(r, COMMAND_HEADERS.messageId) === messageId,
    );
    return JSON.parse(record.value!) as Json;
  };
  /** Sends a command signed with a key, as a department's system does; returns its message id. */
  const send = async (side: 'a' | 'b', commandType: string, payload: unknown) => {
    const messageId = randomUUID();
    const value = JSON.stringify(payload);
    await producer.send({
      topic: topics.commands,
      acks: -1,
      messages: [
        {
          key: messageId,
          value,
          headers: {
            [COMMAND_HEADERS.messageId]: messageId,
            [COMMAND_HEADERS.commandType]: commandType,
            ...signCommand({
              apiKey: keys[side],
              topic: topics.commands,
              messageId,
              commandType,
              value,
            }),
          },
        },
      ],
    });
    return messageId;
  };

  it('dead-letters random bytes, correctly signed, as undecodable, and gives them back byte for byte', async () => {
    for (let round = 0; round < 3; round++) {
      const messageId = randomUUID();
      // 0xff and 0xfe never occur in UTF-8: the value is certainly not UTF-8.
      const value = Buffer.concat([Buffer.from([0xff, 0xfe]), randomBytes(16 + round * 97)]);
      const key = Buffer.concat([Buffer.from([0xc3, 0x28]), randomBytes(8)]);
      const odd = randomBytes(12);
      const headers = {
        [COMMAND_HEADERS.messageId]: Buffer.from(messageId),
        [COMMAND_HEADERS.commandType]: Buffer.from('SubmitServiceRequest'),
        'x-trace': odd,
        ...signCommand({
          apiKey: keys.a,
          topic: topics.commands,
          messageId,
          commandType: 'SubmitServiceRequest',
          value,
        }),
      };
      await producer.send({
        topic: topics.commands,
        acks: -1,
        messages: [{ key, value, headers }],
      });

      const letter = await waitFor(
        `the dead letter of ${messageId}`,
        (r) => r.topic === topics.dlq && text(r, COMMAND_HEADERS.messageId) === messageId,
      );
      expect(text(letter, DEAD_LETTER_HEADERS.reason)).toBe('undecodable');
      expect(text(letter, DEAD_LETTER_HEADERS.error)).toBe('The command payload is not UTF-8');
      expect(hex(letter.bytes.value)).toBe(hex(value));
      expect(hex(letter.bytes.key)).toBe(hex(key));
      for (const [name, sent] of Object.entries(headers)) {
        const bytes = typeof sent === 'string' ? Buffer.from(sent) : sent;
        expect({ name, values: letter.bytes.headers[name]?.map(hex) }).toEqual({
          name,
          values: [hex(bytes)],
        });
      }
      expect(await outcomeOf(messageId)).toMatchObject({
        messageId,
        status: 'rejected',
        rejection: { code: 'UNDECODABLE', message: 'The command payload is not UTF-8' },
      });
    }
  });

  it('keeps an unsigned or wrongly signed message unauthorised, whatever its bytes', async () => {
    const messageId = randomUUID();
    const value = Buffer.concat([Buffer.from([0xff, 0xfe]), randomBytes(24)]);
    const signature = signCommand({
      apiKey: keys.a,
      topic: topics.commands,
      messageId,
      commandType: 'SubmitServiceRequest',
      // The UTF-8 decoding of the value: not the bytes sent.
      value: Buffer.from(value.toString('utf8'), 'utf8'),
    });
    await producer.send({
      topic: topics.commands,
      acks: -1,
      messages: [
        {
          key: messageId,
          value,
          headers: {
            [COMMAND_HEADERS.messageId]: messageId,
            [COMMAND_HEADERS.commandType]: 'SubmitServiceRequest',
            ...signature,
          },
        },
      ],
    });
    const letter = await waitFor(
      `the dead letter of ${messageId}`,
      (r) => r.topic === topics.dlq && text(r, COMMAND_HEADERS.messageId) === messageId,
    );
    expect(text(letter, DEAD_LETTER_HEADERS.reason)).toBe('unauthorised');
    expect(hex(letter.bytes.value)).toBe(hex(value));
    expect(await outcomeOf(messageId)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'UNAUTHORISED', message: 'The signature does not match the message' },
    });
  });

  it("answers another department's request exactly as one that does not exist, on Kafka and over HTTP", async () => {
    const filed = await outcomeOf(
      await send('b', 'SubmitServiceRequest', {
        requester: {
          name: 'Ama Owusu',
          email: `ama.owusu.${randomBytes(3).toString('hex')}@example.org`,
          origin: 'regional-office',
          organisation: 'Regional Office for Africa',
        },
        title: 'Guarantee fund design (bytes e2e)',
        description: 'Which guarantee fund designs suit savings groups?',
        kind: 'referral',
        themes: ['microinsurance'],
        region: 'africa',
        country: 'GH',
        priority: 'normal',
      }),
    );
    expect(filed['status']).toBe('accepted');
    const foreign = String(filed['streamId']).replace(/^service-request-/, '');
    const unknown = randomUUID();

    // Kafka: every command of the gateway on an existing request, from department A.
    const onKafka = async (requestId: string) => {
      const outcomes: Json[] = [];
      for (const [type, body] of [
        ['CommentOnServiceRequest', { text: 'Any news?' }],
        ['CancelServiceRequest', { reason: 'Not needed any more', cancelledBy: 'requester' }],
        ['ReopenServiceRequest', { reason: 'Still open for us' }],
      ] as const) {
        const { messageId, handledAt, ...outcome } = await outcomeOf(
          await send('a', type, { requestId, ...body }),
        );
        expect({ messageId, handledAt }).toEqual({
          messageId: expect.any(String),
          handledAt: expect.any(String),
        });
        outcomes.push(outcome);
      }
      return outcomes;
    };
    const kafkaForeign = await onKafka(foreign);
    expect(kafkaForeign[0]).toMatchObject({
      status: 'rejected',
      rejection: { code: 'SERVICE_REQUEST_NOT_FOUND' },
    });
    expect(kafkaForeign).toEqual(await onKafka(unknown));

    // HTTP: department A's key reads and comments on each.
    const asA = { 'x-api-key': keys.a };
    const overHttp = async (requestId: string) => {
      const answers = [
        await api.get(`/service-requests/${requestId}`, asA),
        await api.post(`/service-requests/${requestId}/comments`, { text: 'Any news?' }, asA),
        await api.post(
          `/service-requests/${requestId}/cancel`,
          { reason: 'Not needed any more', cancelledBy: 'requester' },
          asA,
        ),
      ];
      return answers.map(({ status, headers, text: body }) => ({
        status,
        contentType: headers.get('content-type'),
        // The problem apart from its correlation id and the id asked for.
        body: JSON.parse(body.split(requestId).join('<id>'), (name, value) =>
          name === 'correlationId' ? '<correlation-id>' : value,
        ) as Json,
      }));
    };
    const httpForeign = await overHttp(foreign);
    expect(httpForeign.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(httpForeign[0]!.body).toMatchObject({ code: 'SERVICE_REQUEST_NOT_FOUND' });
    expect(httpForeign).toEqual(await overHttp(unknown));
  });
});
