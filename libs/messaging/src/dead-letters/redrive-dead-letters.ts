import { bytesOf, type EventBus, type IncomingMessage } from '../bus/event-bus.port';
import { DEAD_LETTER_HEADERS, isDeadLetterHeader } from './dead-letter-headers';

export interface RedriveOptions {
  bus: EventBus;
  dlqTopic: string;
  /** The group whose cursor remembers which dead letters were re-driven (default `sfp.dlq-redrive`). */
  groupId?: string;
  /** Only re-drive dead letters for which this returns true; the others are passed over for good. */
  filter?: (message: IncomingMessage) => boolean;
  /** Give up waiting for the end of the topic after this long (default 30 s). */
  timeoutMs?: number;
}

export interface RedriveResult {
  redriven: number;
  skipped: number;
  byTopic: Record<string, number>;
}

/**
 * Re-drives dead letters after a fix: each one not yet re-driven is published
 * again to its original topic, with its original key and headers (the dlq-*
 * headers removed, `redriven-from` added), and the consumers process it anew.
 * Runs until it has caught up with the end of the dead-letter topic.
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<RedriveResult> {
  const groupId = options.groupId ?? 'sfp.dlq-redrive';
  const result: RedriveResult = { redriven: 0, skipped: 0, byTopic: {} };
  const remaining = async () =>
    (await options.bus.groupLag(groupId, options.dlqTopic)).reduce((sum, p) => sum + p.lag, 0);
  if ((await remaining()) === 0) return result;

  const consumer = await options.bus.consume({
    groupId,
    topics: [options.dlqTopic],
    fromBeginning: true,
    handler: async (message) => {
      const original = message.headers[DEAD_LETTER_HEADERS.originalTopic];
      if (!original || (options.filter && !options.filter(message))) {
        result.skipped++;
        return;
      }
      // The dead letter's bytes as they are: the original message's, byte for byte.
      const bytes = bytesOf(message);
      const headers: Record<string, string | Buffer[]> = {};
      for (const [name, values] of Object.entries(bytes.headers)) {
        if (!isDeadLetterHeader(name)) headers[name] = values;
      }
      headers[DEAD_LETTER_HEADERS.redrivenFrom] =
        `${message.topic}@${message.partition}:${message.offset}`;
      await options.bus.publish(original, [{ key: bytes.key ?? '', value: bytes.value, headers }]);
      result.redriven++;
      result.byTopic[original] = (result.byTopic[original] ?? 0) + 1;
    },
  });
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    while ((await remaining()) > 0) {
      if (Date.now() > deadline) {
        throw new Error(
          `Re-drive of ${options.dlqTopic} stopped after ${options.timeoutMs ?? 30_000} ms with dead letters left; run it again`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await consumer.stop();
  }
  return result;
}
