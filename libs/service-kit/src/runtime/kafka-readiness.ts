import type { EventBus } from '@sfp/messaging';
import type { ReadinessCheck } from '../app/operations.controller';
import type { ServiceMetrics } from '../metrics/service-metrics';

export interface ConsumerLagWatch {
  bus: EventBus;
  metrics: ServiceMetrics;
  context: string;
  /** The consumer group whose lag is measured, e.g. the command gateway's. */
  groupId: string;
  topic: string;
}

/**
 * Asks the brokers for the group's committed and end offsets on the topic and
 * records the total lag in `sfp_consumer_lag_messages`. Throws when Kafka does
 * not answer, so it doubles as the bus readiness check.
 */
export async function sampleConsumerLag(watch: ConsumerLagWatch): Promise<number> {
  const partitions = await watch.bus.groupLag(watch.groupId, watch.topic);
  const lag = partitions.reduce((sum, p) => sum + p.lag, 0);
  watch.metrics.consumerLag.set({ context: watch.context, group: watch.groupId }, lag);
  return lag;
}

/** Readiness of the bus: the brokers answer an offsets request (and the lag gauge is refreshed). */
export function kafkaReadinessCheck(watch: ConsumerLagWatch): ReadinessCheck {
  return {
    name: `${watch.context}.kafka`,
    check: async () => void (await sampleConsumerLag(watch)),
  };
}

/** Refreshes the lag gauge every `intervalMs` between scrapes; returns the stop function. */
export function watchConsumerLag(
  watch: ConsumerLagWatch,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  let inFlight = false;
  const timer = setInterval(() => {
    if (inFlight) return; // Kafka is slow to answer: no pile-up of requests
    inFlight = true;
    sampleConsumerLag(watch)
      .catch(onError)
      .finally(() => (inFlight = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
