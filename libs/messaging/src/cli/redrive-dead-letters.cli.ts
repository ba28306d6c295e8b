/**
 * Re-drives a context's dead letters to their original topics after a fix.
 *
 *   npm run dlq:redrive -- help-desk                 # Kafka at KAFKA_BROKERS
 *   npm run dlq:redrive -- help-desk --embedded ./data/platform.sqlite
 *   npm run dlq:redrive -- help-desk --reason failed # only those that failed for good
 */
import { EmbeddedEventBus } from '../bus/embedded/embedded-event-bus';
import type { EventBus } from '../bus/event-bus.port';
import { KafkaEventBus } from '../bus/kafka/kafka-event-bus';
import { DEAD_LETTER_HEADERS } from '../dead-letters/dead-letter-headers';
import { redriveDeadLetters } from '../dead-letters/redrive-dead-letters';
import { contextTopics } from '../topics/context-topics';

async function main(argv: string[]): Promise<number> {
  const [context, ...rest] = argv;
  if (!context || context.startsWith('-')) {
    process.stderr.write(
      'usage: npm run dlq:redrive -- <context> [--embedded <sqlite file>] [--reason <reason>]\n',
    );
    return 2;
  }
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const embedded = option('--embedded');
  const reason = option('--reason');
  let bus: EventBus;
  if (embedded) {
    bus = new EmbeddedEventBus({ filename: embedded });
  } else {
    const brokers = process.env['KAFKA_BROKERS'];
    if (!brokers) {
      process.stderr.write(
        'Set KAFKA_BROKERS, or pass --embedded <sqlite file> for the embedded platform.\n',
      );
      return 2;
    }
    bus = new KafkaEventBus({ brokers: brokers.split(','), clientId: 'sfp-dlq-redrive' });
  }
  try {
    const result = await redriveDeadLetters({
      bus,
      dlqTopic: contextTopics(context).dlq,
      filter: reason ? (m) => m.headers[DEAD_LETTER_HEADERS.reason] === reason : undefined,
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await bus.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `dlq:redrive failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
