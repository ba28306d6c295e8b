import { integrationEnv, uniqueName } from '@sfp/testing';
import type { IncomingMessage } from '../event-bus.port';
import { KafkaEventBus } from './kafka-event-bus';

/**
 * A handler slower than the consumer's session (10 s) keeps its place in the
 * group: the consumer heartbeats while it runs, so the offset it then resolves
 * is committed and the message is not delivered again. Without the heartbeat the
 * member was dropped, its commit refused, and the same slice came back for ever.
 */
describe('Kafka consumer with a handler slower than its session (real broker)', () => {
  let bus: KafkaEventBus;

  beforeAll(() => {
    bus = new KafkaEventBus({
      brokers: integrationEnv().kafkaBrokers,
      clientId: 'slow-handler-test',
    });
  });
  afterAll(async () => {
    await bus.close();
  });

  it.each([['handler'], ['batchHandler']] as const)(
    'a %s that takes 13 s handles each message once',
    async (kind) => {
      const topic = `${uniqueName('slow-handler')}.events`;
      await bus.ensureTopics([{ topic, partitions: 1, replicationFactor: 1 }]);
      await bus.publish(topic, [
        { key: 'k', value: 'first' },
        { key: 'k', value: 'second' },
      ]);
      const handled: string[] = [];
      const handle = async (message: IncomingMessage) => {
        if (message.value === 'first' && !handled.includes('first'))
          await new Promise((resolve) => setTimeout(resolve, 13_000));
        handled.push(message.value as string);
      };
      const running = await bus.consume({
        groupId: uniqueName('slow-handler-group'),
        topics: [topic],
        ...(kind === 'handler'
          ? { handler: handle }
          : {
              maxBatchSize: 1,
              batchHandler: async (messages: IncomingMessage[]) => {
                for (const message of messages) await handle(message);
              },
            }),
      });
      const deadline = Date.now() + 45_000;
      while (handled.length < 2 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      // Long enough for a refused commit to bring the slice back.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await running.stop();
      expect(handled).toEqual(['first', 'second']);
    },
    70_000,
  );
});
