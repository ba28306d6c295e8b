import type { RunningConsumer } from '@sfp/messaging';
import { PLATFORM_CONTEXTS, type EmbeddedPlatform } from '../src/embedded-platform';
import { startTestPlatform } from './support/test-platform';
import { noticeBoardService } from './fixtures/notice-board/notice-board.service';
import {
  describeTemplateScenario,
  type SeenMessage,
} from './fixtures/notice-board/notice-board.scenario';

const ADMIN_PASSWORD = 'a template e2e secret phrase';

/**
 * The service template in embedded mode: a throwaway context declared with
 * defineService, mounted by the embedded platform beside the real contexts
 * (SQLite files, the embedded bus), with no host code of its own.
 */
describe('a context declared with defineService, on the embedded platform (e2e)', () => {
  let platform: EmbeddedPlatform;
  let recorder: RunningConsumer;
  const seen: SeenMessage[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform(
      'sfp-template-',
      {
        SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      },
      {
        contexts: [...PLATFORM_CONTEXTS, noticeBoardService],
      },
    );
    recorder = await platform.bus.consume({
      groupId: 'template-e2e-recorder',
      topics: ['sfp.notice-board.outcomes', 'sfp.notice-board.events', 'sfp.notice-board.dlq'],
      fromBeginning: true,
      handler: async (message) => {
        seen.push({ topic: message.topic, value: message.value, headers: message.headers });
      },
    });
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.close();
  });

  describeTemplateScenario(() => ({
    url: platform.url,
    adminPassword: ADMIN_PASSWORD,
    publish: (topic, message) => platform.bus.publish(topic, [message]),
    waitFor: async (label, predicate) => {
      for (let i = 0; i < 200; i++) {
        const found = seen.find(predicate);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`Timed out waiting for ${label}`);
    },
  }));

  it('keeps the platform contexts as they were: the help desk still answers beside it', async () => {
    const health = await fetch(`${platform.url}/api/health/ready`);
    expect(health.status).toBe(200);
    expect((await fetch(`${platform.url}/api/help-desk/service-requests`)).status).toBe(401);
  });
});
