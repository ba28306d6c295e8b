import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { QualityPartnerView, QualityProposalDetail } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { contextTopics, encodeEventMessage, EVENT_HEADERS } from '@sfp/messaging';
import { qualityMonitoringService } from '../src';
import { proposalBody } from '../src/testing';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import { startStandaloneUnderTest, TopicRecorder, type StandaloneUnderTest } from '@sfp/testing';

type Json = Record<string, any>;

const ADMIN_PASSWORD = 'quality monitoring ratios e2e secret phrase';
const KB_EVENTS = contextTopics('knowledge-base').events;
const QM_EVENTS = contextTopics('quality-monitoring').events;
/** This run's own consumer groups (QUALITY_SUBSCRIPTION_GROUP_SUFFIX): other runs share the broker. */
const RUN = `int-${Date.now().toString(36)}`;
const GROUPS = {
  [KB_EVENTS]: `sfp-quality-monitoring.knowledge-base-events-${RUN}`,
  [contextTopics('training').events]: `sfp-quality-monitoring.training-tools-${RUN}`,
  [contextTopics('innovation-research').events]: `sfp-quality-monitoring.research-tools-${RUN}`,
};

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
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The knowledge base's events as its outbox relay publishes them, every one
 * on the institution's stream (one key, so one partition: delivered in order).
 */
class KnowledgeBaseFeed {
  private position = 0;

  constructor(
    private readonly producer: Producer,
    readonly institutionId: string,
  ) {}

  get streamId(): string {
    return `institution-${this.institutionId}`;
  }

  event(type: string, data: Json, occurredAt: string): RecordedEvent {
    this.position += 1;
    return {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      streamId: this.streamId,
      streamVersion: this.position,
      position: this.position,
      occurredAt,
      recordedAt: occurredAt,
      correlationId: randomUUID(),
      actor: { kind: 'person', id: 'kb-officer' },
      data,
    };
  }

  async publish(...events: RecordedEvent[]): Promise<void> {
    await this.producer.send({
      topic: KB_EVENTS,
      messages: events.map((event) => {
        const message = encodeEventMessage(event);
        return { key: message.key, value: message.value, headers: message.headers };
      }),
    });
  }

  report(version: number, par30: number, oss: number, at: string): RecordedEvent {
    const restated = version > 1;
    return this.event(
      restated
        ? 'knowledge-base.PerformanceReportRestated'
        : 'knowledge-base.PerformanceReportFiled',
      {
        reportId: `report-2025-${this.institutionId}`,
        institutionId: this.institutionId,
        version,
        period: { start: '2025-01-01', end: '2025-12-31' },
        year: 2025,
        currency: 'XOF',
        institution: { name: 'Caisse Populaire de Kaolack', country: 'SN' },
        ratios: {
          par30: { value: par30 },
          oss: { value: oss },
          operatingExpenseRatio: { value: 0.23 },
          fss: { value: null, reason: 'the report gives no subsidy and inflation adjustments' },
        },
        ...(restated
          ? { previousVersion: version - 1, reason: 'Audited statements', restatedAt: at }
          : { filedAt: at }),
      },
      at,
    );
  }
}

/**
 * Quality monitoring on its own, on the real Kafka broker and FerretDB: it
 * learns a partner's ratios from the knowledge base's public events; a review
 * started freezes them; a restatement later changes the partner's latest
 * ratios but not the review's, whose detail says a newer report exists; the
 * filing and the restatement delivered again note nothing new.
 */
describe('partner ratios from the knowledge base over Kafka (quality monitoring distributed)', () => {
  let qm: StandaloneUnderTest<StandaloneService> | undefined;
  let producer: Producer | undefined;
  let recorder: TopicRecorder | undefined;
  let kafka: Kafka | undefined;

  beforeAll(async () => {
    // The knowledge base's topic exists before quality monitoring subscribes to it.
    kafka = new Kafka({
      clientId: 'quality-ratios-int',
      brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .createTopics({ topics: [{ topic: KB_EVENTS, numPartitions: 3, replicationFactor: 1 }] })
      .catch(() => undefined);
    // The shared broker holds other runs' events: this run's groups start after them.
    for (const [topic, groupId] of Object.entries(GROUPS)) {
      const ends = await admin.fetchTopicOffsets(topic).catch(() => []);
      if (ends.length > 0)
        await admin.setOffsets({
          groupId,
          topic,
          partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
        });
    }
    await admin.disconnect();
    qm = await startStandaloneUnderTest({
      prefix: 'qm_ratios',
      adminPassword: ADMIN_PASSWORD,
      extra: {
        KAFKA_CLIENT_ID: 'sfp-quality-monitoring-ratios-int',
        QUALITY_SUBSCRIPTION_GROUP_SUFFIX: RUN,
      },
      start: (env) => startStandaloneService(qualityMonitoringService, env),
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await TopicRecorder.start(
      kafka,
      [QM_EVENTS, contextTopics('quality-monitoring').dlq],
      'quality-ratios-int',
    );
  }, 180_000);

  afterAll(async () => {
    await recorder?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await qm?.stop();
    const admin = kafka?.admin();
    await admin?.connect();
    await admin?.deleteGroups(Object.values(GROUPS)).catch(() => undefined);
    await admin?.disconnect();
  });

  it('freezes the ratios into the review; a restatement and redeliveries leave it as it was', async () => {
    if (!qm || !producer || !recorder) throw new Error('The service did not start');
    const api = qm.admin;
    const institutionId = randomUUID();
    const kb = new KnowledgeBaseFeed(producer, institutionId);
    const filed = kb.report(1, 0.043, 1.14, '2026-02-10T10:00:00.000Z');
    await kb.publish(
      kb.event(
        'knowledge-base.InstitutionRegistered',
        { institutionId, name: 'Caisse Populaire de Kaolack', country: 'SN', kind: 'credit-union' },
        '2026-01-20T09:00:00.000Z',
      ),
      filed,
    );
    const partner = () =>
      api
        .get<QualityPartnerView>(`/quality-monitoring/partners/${institutionId}`)
        .then((answer) => (answer.status === 200 ? answer.body : undefined));
    await eventually(
      'the partner’s ratios',
      partner,
      (view) => view?.ratios?.reportVersion === 1,
    ).catch((error: Error) => {
      const dead = recorder?.messages.filter((m) => m.topic.endsWith('.dlq')) ?? [];
      const mine = recorder?.messages.filter((m) => (m.value ?? '').includes(institutionId)) ?? [];
      throw new Error(
        `${error.message}; dead letters: ${JSON.stringify(dead.map((m) => m.headers))}; noted: ${JSON.stringify(mine.map((m) => m.headers['type']))}; recorded ${recorder?.messages.length}`,
      );
    });

    const submitted = await api.post<Json>(
      '/quality-monitoring/proposals',
      proposalBody({ partnerInstitutionIds: [institutionId] }),
    );
    expect(submitted.status).toBe(201);
    const proposalId = String(submitted.body['proposalId']);
    const started = await api.post<Json>(`/quality-monitoring/proposals/${proposalId}/reviewers`, {
      reviewers: ['admin'],
    });
    expect(started.status).toBe(200);

    // Restated: PAR30 14.2 %, above the policy's 10 %. Then the filing and the
    // restatement delivered again, byte for byte, and a last event that shows
    // when everything before it on the partition was handled.
    const restated = kb.report(2, 0.142, 0.97, '2026-04-14T08:30:00.000Z');
    await kb.publish(restated);
    await kb.publish(filed, restated);
    const activated = kb.event(
      'knowledge-base.InstitutionActivated',
      { institutionId, by: 'kb-officer', at: '2026-04-15T09:00:00.000Z' },
      '2026-04-15T09:00:00.000Z',
    );
    await kb.publish(activated);

    const noted =
      (type: string) => (message: { headers: Record<string, string>; value: string | null }) =>
        message.headers[EVENT_HEADERS.type] === type &&
        (message.value ?? '').includes(institutionId);
    await recorder.waitFor(
      'the activation noted (after the redeliveries on its partition)',
      (m) =>
        noted('quality-monitoring.PartnerInstitutionNoted')(m) &&
        (m.value ?? '').includes('"active"'),
      { timeoutMs: 60_000 },
    );
    const ratiosNoted = recorder.messages.filter(noted('quality-monitoring.PartnerRatiosNoted'));
    expect(
      ratiosNoted.map((m) => (JSON.parse(m.value ?? '{}') as Json)['data']['sourceEventId']),
    ).toEqual([filed.eventId, restated.eventId]);

    const latest = await eventually(
      'the restated ratios as the partner’s latest',
      partner,
      (view) => view?.ratios?.reportVersion === 2,
    );
    expect(latest?.ratios?.par30).toBe(0.142);

    const review = async () =>
      (
        await api.get<QualityProposalDetail>(`/quality-monitoring/proposals/${proposalId}`)
      ).body.reviews?.at(-1);
    const frozen = await eventually(
      'the review to show that a newer report exists',
      review,
      (r) => r?.partnerRatios?.[0]?.newerReportAvailable === true,
    );
    expect(frozen?.partnerRatios).toEqual([
      expect.objectContaining({
        institutionId,
        reportVersion: 1,
        par30: 0.043,
        operationalSelfSufficiency: 1.14,
        newerReportAvailable: true,
        latest: expect.objectContaining({ reportVersion: 2 }),
      }),
    ]);
    expect(frozen?.redFlags.map((f) => f.flag)).not.toContain('partner-par30-above-threshold');
  });
});
