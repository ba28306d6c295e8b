import 'reflect-metadata';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { knowledgeBaseService } from '@sfp/knowledge-base';
import { contextTopics } from '@sfp/messaging';
import { qualityMonitoringService } from '@sfp/quality-monitoring';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import { startStandaloneUnderTest, TopicRecorder, type StandaloneUnderTest } from '@sfp/testing';
import { partnerRatiosFreezeScenario } from './support/frozen-partner-ratios.scenario';

const ADMIN_PASSWORD = 'partner ratios freeze e2e secret phrase';

/**
 * The distributed mode end to end: the knowledge base and quality monitoring
 * each run on their own, with their own databases, on the real Kafka broker
 * and MongoDB-protocol server. Quality monitoring learns the partner and its
 * ratios from the knowledge base's public events (no call between them); a
 * review freezes them; a restatement later does not change the review, whose
 * detail shows that a newer report exists; the report events delivered
 * again (as a broker redelivers them) note nothing new.
 */
describe('a review keeps the partner ratios it froze when the knowledge base restates them (distributed e2e)', () => {
  let kb: StandaloneUnderTest<StandaloneService> | undefined;
  let quality: StandaloneUnderTest<StandaloneService> | undefined;
  let producer: Producer | undefined;
  let recorder: TopicRecorder | undefined;

  beforeAll(async () => {
    kb = await startStandaloneUnderTest({
      prefix: 'flow_qm_kb',
      adminPassword: ADMIN_PASSWORD,
      extra: { KAFKA_CLIENT_ID: 'sfp-knowledge-base-qm-flow-e2e' },
      start: (env) => startStandaloneService(knowledgeBaseService, env),
    });
    quality = await startStandaloneUnderTest({
      prefix: 'flow_qm',
      adminPassword: ADMIN_PASSWORD,
      extra: { KAFKA_CLIENT_ID: 'sfp-quality-monitoring-flow-e2e' },
      start: (env) => startStandaloneService(qualityMonitoringService, env),
    });
    const kafka = new Kafka({
      clientId: 'quality-monitoring-flow-e2e',
      brokers: quality.setup.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await TopicRecorder.start(
      kafka,
      [contextTopics('knowledge-base').events, contextTopics('quality-monitoring').events],
      'quality-monitoring-flow-e2e',
    );
  }, 180_000);

  afterAll(async () => {
    await recorder?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await quality?.stop();
    await kb?.stop();
  });

  it('freezes the ratios into the review, shows a newer report after the restatement, and notes a redelivered report once', async () => {
    if (!kb || !quality || !producer || !recorder) throw new Error('The services did not start');
    const send = producer;
    const seen = recorder;
    await partnerRatiosFreezeScenario({
      knowledgeBase: kb.admin,
      qualityMonitoring: quality.admin,
      reviewer: 'admin',
      seen: () => seen.messages,
      redeliver: async (message) => {
        await send.send({
          topic: message.topic,
          acks: -1,
          messages: [
            { key: message.bytes.key, value: message.bytes.value, headers: message.bytes.headers },
          ],
        });
      },
    });
  }, 300_000);
});
