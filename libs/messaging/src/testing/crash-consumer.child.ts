/**
 * A consumer process for crash tests: consumes a topic in a group and appends
 * every handled value to a file (synchronously, so what is written was handled).
 * The test kills it with SIGKILL mid-stream and starts it again.
 *
 *   node -r ts-node/register/transpile-only crash-consumer.child.ts <kafka|embedded> <address> <topic> <group> <out-file> <delay-ms>
 */
import { appendFileSync } from 'node:fs';
import { EmbeddedEventBus } from '../bus/embedded/embedded-event-bus';
import type { EventBus } from '../bus/event-bus.port';
import { KafkaEventBus } from '../bus/kafka/kafka-event-bus';

async function main() {
  const [mode, address, topic, groupId, outFile, delay] = process.argv.slice(2);
  if (!mode || !address || !topic || !groupId || !outFile) throw new Error('missing arguments');
  const bus: EventBus =
    mode === 'kafka'
      ? new KafkaEventBus({ brokers: address.split(','), clientId: 'crash-consumer' })
      : new EmbeddedEventBus({ filename: address });
  await bus.consume({
    groupId,
    topics: [topic],
    fromBeginning: true,
    handler: async (message) => {
      appendFileSync(outFile, `${message.key}|${message.value}\n`);
      await new Promise((r) => setTimeout(r, Number(delay ?? 0)));
    },
  });
  process.stdout.write('consuming\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
