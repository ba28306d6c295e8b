import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { contextTopics, type RunningConsumer } from '@sfp/messaging';
import type { ProjectionEngine } from '@sfp/projections';
import { ContextLeadership } from '@sfp/service-kit';
import { startPublicEventConsumer } from './consumption/public-event.consumer';
import { REPORTING_CONTEXT, REPORTING_DEAD_LETTER_TOPIC } from './reporting.context';
import {
  REPORTING_PROJECTIONS,
  REPORTING_RUNTIME,
  type ReportingRuntime,
} from './reporting.runtime';

/**
 * Reporting's background work, started with the application and stopped with
 * it: its projections over its log, and one consumer group per context whose
 * public events it reads (sfp.reporting.<context>), appending them to the log.
 * With several instances (a leader lease, distributed mode) the projections
 * run only on the holder of `reporting.leader`; the consumers run on every
 * instance and the others answer queries from the leader's checkpoints.
 */
@Injectable()
export class ReportingWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumers: RunningConsumer[] = [];
  private leadership?: ContextLeadership;

  constructor(
    @Inject(REPORTING_RUNTIME) private readonly runtime: ReportingRuntime,
    @Inject(REPORTING_PROJECTIONS) private readonly projections: ProjectionEngine,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { runtime } = this;
    for (const plugin of runtime.plugins)
      for (const view of plugin.views) this.projections.register(view.projection);
    if (!runtime.leaderLease) await this.projections.start();
    runtime.metrics.addProjectionSource({
      context: REPORTING_CONTEXT,
      statuses: () => this.projections.statuses(),
    });
    runtime.metrics.addLeadershipSource({
      context: REPORTING_CONTEXT,
      leader: () => this.leadership?.status().leader ?? !runtime.leaderLease,
    });

    const topicOf = runtime.eventTopicOf ?? ((context: string) => contextTopics(context).events);
    const topics = [...runtime.plugins.map((p) => topicOf(p.context)), REPORTING_DEAD_LETTER_TOPIC];
    // Left as they are when they exist; created here when reporting starts before a context does.
    await runtime.bus.ensureTopics(
      topics.map((topic) => ({
        topic,
        partitions: runtime.topicProvisioning.partitions,
        replicationFactor: runtime.topicProvisioning.replicationFactor,
      })),
    );
    const prefix = runtime.consumerGroupPrefix ?? `sfp.${REPORTING_CONTEXT}`;
    for (const plugin of runtime.plugins) {
      this.consumers.push(
        await startPublicEventConsumer({
          bus: runtime.bus,
          log: runtime.log,
          plugin,
          topic: topicOf(plugin.context),
          groupId: `${prefix}.${plugin.context}`,
          deadLetterTopic: REPORTING_DEAD_LETTER_TOPIC,
          onLogged: () => this.projections.wake(),
          onDeadLetter: (notice) =>
            runtime.logger.warn(
              {
                reason: notice.reason,
                error: notice.error,
                fieldErrors: notice.fieldErrors,
                topic: notice.message.topic,
                offset: notice.message.offset,
              },
              'Public event dead-lettered by reporting',
            ),
          onRetry: (error, attempt, message) =>
            runtime.logger.warn(
              { err: error, attempt, topic: message.topic, offset: message.offset },
              'Public events not logged yet: trying again',
            ),
        }),
      );
    }
    if (!runtime.leaderLease) return;
    const { logger } = runtime;
    this.leadership = new ContextLeadership({
      name: `${REPORTING_CONTEXT}.leader`,
      leases: runtime.leaderLease.leases,
      ttlMs: runtime.leaderLease.ttlMs,
      onElected: async () => {
        logger.info(this.leadership?.status(), 'Leader of the context: singleton work starts');
        await this.projections.start();
      },
      onDeposed: async () => {
        logger.warn(this.leadership?.status(), 'No longer the leader: singleton work stops');
        await this.projections.stop();
      },
      onError: (error, during) =>
        logger.error({ err: error, during }, 'Leadership of the context failed'),
    });
    await this.leadership.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.leadership?.stop();
    for (const consumer of this.consumers.splice(0)) await consumer.stop();
    await this.projections.stop();
  }
}
