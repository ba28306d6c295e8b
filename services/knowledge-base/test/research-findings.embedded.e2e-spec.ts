import { randomUUID } from 'node:crypto';
import { contextTopics, type IncomingMessage, type RunningConsumer } from '@sfp/messaging';
import { httpClient } from '@sfp/testing';
import {
  startEmbeddedKnowledgeBase,
  type EmbeddedKnowledgeBase,
} from './support/embedded-knowledge-base';
import { researchFindingsScenario } from './research-findings.scenario';

/**
 * Research's FindingsPublished in the knowledge base's library, on the
 * embedded platform's bus: published on sfp.innovation-research.events as
 * research's outbox relay encodes it.
 */
describe('research findings into the library (embedded e2e)', () => {
  let kb: EmbeddedKnowledgeBase;
  let dlq: RunningConsumer;
  const letters: IncomingMessage[] = [];

  beforeAll(async () => {
    kb = await startEmbeddedKnowledgeBase();
    dlq = await kb.bus.consume({
      groupId: `test-dlq-${randomUUID()}`,
      topics: [contextTopics('knowledge-base').dlq],
      fromBeginning: true,
      handler: async (message) => void letters.push(message),
    });
  });
  afterAll(async () => {
    await dlq?.stop();
    await kb?.close();
  });

  it('records an assessment per partner and a practice note, ignores redeliveries, revises on a correction, dead-letters a malformed one', async () => {
    await researchFindingsScenario({
      http: httpClient(kb.url),
      publish: (message) => kb.bus.publish(contextTopics('innovation-research').events, [message]),
      deadLetters: () => letters,
    });
  });
});
