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
import { knowledgeBaseService } from '../src/knowledge-base.service';

type Json = Record<string, any>;

const hex = (b: Buffer | null | undefined) => (b ? b.toString('hex') : b);
const text = (record: RecordedMessage, name: string) => record.headers[name];

/**
 * What a department's system sends on sfp.knowledge-base.commands comes back
 * from the dead-letter topic exactly as it was sent: the signature is checked
 * over the value's bytes (never a decoding of them), and a correctly signed
 * value that is not UTF-8 is dead-lettered `undecodable`. Against the real
 * broker and MongoDB-protocol server.
 */
describe('knowledge base inbound commands: bytes (distributed e2e)', () => {
  const topics = contextTopics('knowledge-base');
  const ADMIN_PASSWORD = 'inbound bytes e2e secret phrase';
  let setup: ReturnType<typeof standaloneTestEnv> | undefined;
  let service: StandaloneService;
  let kafka: Kafka;
  let producer: Producer;
  let recorder: TopicRecorder;
  let apiKey: string;

  beforeAll(async () => {
    setup = standaloneTestEnv({
      prefix: 'kb_bytes',
      adminPassword: ADMIN_PASSWORD,
      extra: { KAFKA_CLIENT_ID: 'sfp-knowledge-base-bytes-e2e' },
    });
    service = await startStandaloneService(knowledgeBaseService, setup.env);
    const admin = httpClient(
      `${service.url}/api`,
      await signIn(service.url, 'admin', ADMIN_PASSWORD),
    );
    const client = await admin.post<{ id: string }>('/auth/clients', {
      name: 'kb-bytes-e2e',
      department: 'ro-asia',
    });
    apiKey = (
      await admin.post<{ apiKey: string }>(`/auth/clients/${client.body.id}/keys`, {
        label: 'bytes e2e',
      })
    ).body.apiKey;
    kafka = new Kafka({
      clientId: 'knowledge-base-bytes-e2e',
      brokers: setup.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await TopicRecorder.start(
      kafka,
      [topics.dlq, topics.outcomes],
      'knowledge-base-bytes-e2e',
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

  it('dead-letters random bytes, correctly signed, as undecodable, and gives them back byte for byte', async () => {
    for (const commandType of [
      'FilePerformanceReport',
      'RegisterInstitution',
      'RestatePerformanceReport',
    ]) {
      const messageId = randomUUID();
      // 0xff and 0xfe never occur in UTF-8: the value is certainly not UTF-8.
      const value = Buffer.concat([Buffer.from([0xff, 0xfe]), randomBytes(32)]);
      const key = Buffer.concat([Buffer.from([0xe2, 0x28, 0xa1]), randomBytes(8)]);
      const headers = {
        [COMMAND_HEADERS.messageId]: Buffer.from(messageId),
        [COMMAND_HEADERS.commandType]: Buffer.from(commandType),
        'x-trace': randomBytes(12),
        ...signCommand({ apiKey, topic: topics.commands, messageId, commandType, value }),
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
        commandType,
        status: 'rejected',
        rejection: { code: 'UNDECODABLE', message: 'The command payload is not UTF-8' },
      });
    }
  });

  it('keeps an unsigned message unauthorised, whatever its bytes', async () => {
    const messageId = randomUUID();
    const value = Buffer.concat([Buffer.from([0xff, 0xfe]), randomBytes(24)]);
    await producer.send({
      topic: topics.commands,
      acks: -1,
      messages: [
        {
          key: messageId,
          value,
          headers: {
            [COMMAND_HEADERS.messageId]: messageId,
            [COMMAND_HEADERS.commandType]: 'RegisterInstitution',
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
    expect((await outcomeOf(messageId))['rejection']).toMatchObject({ code: 'UNAUTHORISED' });
  });
});
