import type { EventBus, PartitionLag } from '@sfp/messaging';
import { ServiceMetrics } from '../metrics/service-metrics';
import { kafkaReadinessCheck, sampleConsumerLag, type ConsumerLagWatch } from './kafka-readiness';

function watchWith(groupLag: EventBus['groupLag']): ConsumerLagWatch {
  return {
    bus: { groupLag } as EventBus,
    metrics: new ServiceMetrics({ defaultMetrics: false }),
    context: 'help-desk',
    groupId: 'sfp.help-desk.command-gateway',
    topic: 'sfp.help-desk.commands',
  };
}

const lag = (partition: number, value: number): PartitionLag => ({
  partition,
  committedOffset: '0',
  endOffset: String(value),
  lag: value,
});

describe('Kafka readiness and consumer lag', () => {
  it('sums the lag over the partitions and records it per context and group', async () => {
    const watch = watchWith(async () => [lag(0, 2), lag(1, 0), lag(2, 5)]);
    expect(await sampleConsumerLag(watch)).toBe(7);
    const text = await watch.metrics.registry.metrics();
    expect(text).toContain(
      'sfp_consumer_lag_messages{context="help-desk",group="sfp.help-desk.command-gateway"} 7',
    );
  });

  it('passes when the brokers answer and fails with their error when they do not', async () => {
    const up = kafkaReadinessCheck(watchWith(async () => [lag(0, 0)]));
    expect(up.name).toBe('help-desk.kafka');
    await expect(up.check()).resolves.toBeUndefined();
    const down = kafkaReadinessCheck(
      watchWith(async () => {
        throw new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
      }),
    );
    await expect(down.check()).rejects.toThrow('ECONNREFUSED');
  });
});
