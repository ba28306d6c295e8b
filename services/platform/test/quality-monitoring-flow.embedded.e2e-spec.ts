import { bytesOf, type RunningConsumer } from '@sfp/messaging';
import { httpClient, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import {
  partnerRatiosFreezeScenario,
  type SeenEvent,
} from './support/frozen-partner-ratios.scenario';
import { startTestPlatform } from './support/test-platform';

const ADMIN_PASSWORD = 'partner ratios freeze embedded secret phrase';

/**
 * The same flow in the embedded mode: the knowledge base and quality
 * monitoring in the one platform process, on the embedded bus. A review
 * freezes the partner's ratios; a restatement does not change it and its
 * detail shows a newer report; the report events published again on the
 * bus (as a redelivery) note nothing new.
 */
describe('a review keeps the partner ratios it froze when the knowledge base restates them (embedded e2e)', () => {
  let platform: EmbeddedPlatform;
  let recorder: RunningConsumer | undefined;
  const seen: SeenEvent[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-qm-freeze-', { SFP_ADMIN_PASSWORD: ADMIN_PASSWORD });
    recorder = await platform.bus.consume({
      groupId: 'quality-monitoring-freeze-e2e',
      topics: ['sfp.knowledge-base.events', 'sfp.quality-monitoring.events'],
      fromBeginning: true,
      handler: async (message) => {
        seen.push({
          topic: message.topic,
          headers: message.headers,
          value: message.value,
          bytes: bytesOf(message),
        });
      },
    });
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.close();
  });

  it('freezes the ratios into the review, shows a newer report after the restatement, and notes a redelivered report once', async () => {
    const admin = httpClient(
      `${platform.url}/api`,
      await signIn(platform.url, 'admin', ADMIN_PASSWORD),
    );
    await partnerRatiosFreezeScenario({
      knowledgeBase: admin,
      qualityMonitoring: admin,
      reviewer: 'admin',
      seen: () => seen,
      redeliver: (message) =>
        platform.bus.publish(message.topic, [
          {
            key: message.bytes.key ?? '',
            value: message.bytes.value,
            headers: message.bytes.headers,
          },
        ]),
    });
  }, 120_000);
});
