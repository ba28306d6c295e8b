import type { EventBus, IncomingMessage, RunningConsumer } from '../bus/event-bus.port';

/** Collects what arrives on a topic, for assertions. */
export async function recordTopic(
  bus: EventBus,
  topic: string,
  groupId = `recorder-${topic}-${Math.random().toString(36).slice(2)}`,
): Promise<{ messages: IncomingMessage[]; consumer: RunningConsumer }> {
  const messages: IncomingMessage[] = [];
  const consumer = await bus.consume({
    groupId,
    topics: [topic],
    fromBeginning: true,
    handler: async (m) => {
      messages.push(m);
    },
  });
  return { messages, consumer };
}

/** Waits until `condition` holds, looking every `pollMs`; fails naming `what` after `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 45_000,
  pollMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
