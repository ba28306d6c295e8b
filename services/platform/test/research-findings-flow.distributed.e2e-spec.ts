import 'reflect-metadata';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { innovationResearchService } from '@sfp/innovation-research';
import { COST_BENEFIT, findingBody, projectBody } from '@sfp/innovation-research/testing';
import { knowledgeBaseService } from '@sfp/knowledge-base';
import { institutionRegistration } from '@sfp/knowledge-base/testing';
import { contextTopics, EVENT_HEADERS } from '@sfp/messaging';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import { startStandaloneUnderTest, TopicRecorder, type StandaloneUnderTest } from '@sfp/testing';

type Json = Record<string, any>;

const ADMIN_PASSWORD = 'research to library e2e secret phrase';

async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 90_000,
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
 * The distributed mode end to end: the knowledge base and research each run
 * on their own, with their own databases, on the real Kafka broker and
 * MongoDB-protocol server. Research learns the partner from the knowledge
 * base's public events (no call between them); a project walked through its
 * phases over HTTP publishes its findings; the knowledge base records an
 * impact assessment of the partner and a practice note. The publication
 * delivered again changes nothing, and a correction (version 2) revises them.
 */
describe('research findings reach the knowledge base over Kafka (distributed e2e)', () => {
  let kb: StandaloneUnderTest<StandaloneService> | undefined;
  let research: StandaloneUnderTest<StandaloneService> | undefined;
  let producer: Producer | undefined;
  let published: TopicRecorder | undefined;

  beforeAll(async () => {
    kb = await startStandaloneUnderTest({
      prefix: 'flow_kb',
      adminPassword: ADMIN_PASSWORD,
      extra: { KAFKA_CLIENT_ID: 'sfp-knowledge-base-flow-e2e' },
      start: (env) => startStandaloneService(knowledgeBaseService, env),
    });
    research = await startStandaloneUnderTest({
      prefix: 'flow_ir',
      adminPassword: ADMIN_PASSWORD,
      extra: {
        KAFKA_CLIENT_ID: 'sfp-innovation-research-flow-e2e',
        RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS: '0',
      },
      start: (env) => startStandaloneService(innovationResearchService, env),
    });
    const kafka = new Kafka({
      clientId: 'research-flow-e2e',
      brokers: research.setup.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    published = await TopicRecorder.start(
      kafka,
      [contextTopics('innovation-research').events],
      'research-flow-e2e',
    );
  }, 180_000);

  afterAll(async () => {
    await published?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await research?.stop();
    await kb?.stop();
  });

  it('publishes, ignores the same publication delivered again, and revises on a correction', async () => {
    if (!kb || !research) throw new Error('The services did not start');
    const library = kb.admin;
    const api = research.admin;

    const registered = await library.post<Json>(
      '/knowledge-base/institutions',
      institutionRegistration({
        name: 'Caisse d’Épargne des Travailleurs de Thiès',
        country: 'SN',
      }),
    );
    expect(registered.status).toBe(201);
    const institutionId = String(registered.body['id']);
    await eventually(
      'research to learn the institution from the knowledge base’s events',
      async () =>
        (await api.get(`/innovation-research/partner-institutions/${institutionId}`)).status,
      (status) => status === 200,
    );

    const proposed = await api.post<Json>(
      '/innovation-research/projects',
      projectBody({ partnerInstitutionIds: [institutionId] }),
    );
    expect(proposed.status).toBe(201);
    const projectId = String(proposed.body['projectId']);
    let version = Number(proposed.body['streamVersion']);
    const step = async (path: string, body: unknown = {}) => {
      const answer = await api.post<Json>(
        `/innovation-research/projects/${projectId}/${path}`,
        body,
        {
          'if-match': `"${version}"`,
        },
      );
      expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 200 });
      version = Number(answer.body['streamVersion']);
      return answer.body;
    };
    await step('approve');
    await step('advance', { to: 'diagnostic-survey' });
    await step('advance', { to: 'innovation-design' });
    await step('approve-design', { note: 'Index and premium validated with the partner' });
    await step('advance', { to: 'baseline-survey' });
    const sample = { treatment: 1200, comparison: 1180 };
    await step('survey-rounds', { kind: 'baseline', number: 0, completedOn: '2025-05-30', sample });
    await step('advance', { to: 'pilot' });
    await step('advance', { to: 'follow-up-survey' });
    await step('survey-rounds', {
      kind: 'follow-up',
      number: 1,
      completedOn: '2026-05-29',
      sample,
    });
    await step('advance', { to: 'impact-analysis' });
    await step('findings', findingBody());
    await step(
      'findings',
      findingBody({
        hypothesisId: 'H2',
        verdict: 'inconclusive',
        effect: {
          size: 12000,
          unit: 'CFA francs',
          confidenceInterval: { lower: -4000, upper: 28000 },
        },
      }),
    );
    await step('advance', { to: 'cost-benefit-analysis' });
    await step('cost-benefit', COST_BENEFIT);
    const first = await step('publish', {
      summary:
        'Insured households cut children’s work after the drought; assets held up no better.',
    });
    expect(first['publicationVersion']).toBe(1);

    const assessments = () =>
      library
        .get<Json>(`/knowledge-base/impact-assessments?institutionId=${institutionId}`)
        .then((answer) => (answer.body['items'] ?? []) as Json[]);
    const [assessment] = await eventually(
      'the knowledge base to record the assessment of the partner',
      assessments,
      (items) => items.length > 0,
    );
    expect(assessment?.['source']).toMatchObject({
      context: 'innovation-research',
      projectId,
      publicationVersion: 1,
    });

    // The same publication delivered again (as a broker redelivers it), then a correction.
    const message = await eventually(
      'the FindingsPublished message on research’s events topic',
      async () =>
        published?.messages
          .filter((m) => m.headers[EVENT_HEADERS.type] === 'innovation-research.FindingsPublished')
          .find((m) => m.value?.includes(projectId)),
      (found) => found !== undefined,
    );
    if (!message) throw new Error('No FindingsPublished message');
    await producer?.send({
      topic: contextTopics('innovation-research').events,
      acks: -1,
      messages: [{ key: message.bytes.key, value: message.bytes.value, headers: message.headers }],
    });
    const corrected = await step('publish', {
      summary: 'As before, with the child-labour estimate from the cleaned follow-up data.',
      correctionReason: 'Follow-up data cleaned: 14 duplicate households removed',
    });
    expect(corrected['publicationVersion']).toBe(2);
    const revised = await eventually(
      'the knowledge base to revise the assessment to version 2',
      assessments,
      (items) => items.some((item) => item['source']?.['publicationVersion'] === 2),
    );
    // One assessment of the partner: the redelivered version 1 added none, the correction revised it.
    expect(revised).toHaveLength(1);
    const notes = await library.get<Json>(
      `/knowledge-base/practice-notes?institutionId=${institutionId}`,
    );
    expect(notes.body['items']).toHaveLength(1);
  }, 300_000);
});
