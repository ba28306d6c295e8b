import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EventStore, RecordedEvent } from '@sfp/event-sourcing';
import {
  contextTopics,
  decodeEventMessage,
  OutboxRelay,
  provisionContextTopics,
  startInboundCommandGateway,
  startReliableConsumer,
  type ConsumerStateStores,
  type EventBus,
  type RunningConsumer,
  type TopicProvisioningConfig,
} from '@sfp/messaging';
import type { ProjectionEngine } from '@sfp/projections';
import { ContextLeadership, instanceIdentity } from '../leadership/context-leadership';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { CommandAttribution } from './context-dependencies';
import {
  COMMAND_ATTRIBUTION,
  CONSUMER_STATE,
  EVENT_BUS,
  LEADER_LEASE,
  LOGGER,
  METRICS,
  OUTBOX_STORE,
  PROJECTION_ENGINE,
  TOPIC_PROVISIONING,
  type LeaderLease,
} from './context.tokens';
import type { ContextSubscription, ContextWorker, ServiceDefinition } from './service-definition';

/** DI token of the context's own definition (inside its module). */
export const SERVICE_DEFINITION = Symbol('sfp.context.definition');

/**
 * The background work every context has, started with the application and
 * stopped with it, in this order: its projections and reactors; its topics
 * (sfp.<context>.events, .commands, .outcomes, .dlq); the outbox relay that
 * publishes its events; the gateway of its inbound commands; its
 * subscriptions to other contexts' public events; then its own workers.
 * Stopped the other way round, reactors before the projections they may wait
 * for.
 *
 * With several instances (a LEADER_LEASE, distributed mode) the singleton
 * work, the projections, reactors and workers, runs only on the instance
 * that holds the lease `<context>.leader` (ContextLeadership), started when
 * it takes the lease and stopped when it loses it; the outbox relay runs on
 * every instance and publishes only while it holds its own lease
 * (`<context>.outbox`); the inbound gateway and the subscriptions run on
 * every instance, sharing their topics' partitions through their consumer
 * groups. A follower still answers queries, statuses and read-your-writes:
 * the projection engine reads the leader's checkpoints from the store.
 * Without a lease (embedded) the process is always the leader.
 */
@Injectable()
export class ContextWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private gateway?: RunningConsumer;
  private leadership?: ContextLeadership;
  private readonly subscriptions: RunningConsumer[] = [];
  private readonly reactorNames: string[] = [];
  private readonly started: ContextWorker[] = [];
  /** This instance in the leases (its host, process id and a random part). */
  private readonly owner = instanceIdentity();

  constructor(
    @Inject(SERVICE_DEFINITION) private readonly definition: ServiceDefinition,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(OUTBOX_STORE) private readonly outbox: EventStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CONSUMER_STATE) private readonly consumerState: ConsumerStateStores,
    @Inject(TOPIC_PROVISIONING) private readonly provisioning: TopicProvisioningConfig,
    @Inject(COMMAND_ATTRIBUTION) private readonly attribution: CommandAttribution | null,
    @Inject(METRICS) private readonly metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(LEADER_LEASE) private readonly leaderLease: LeaderLease | null,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { context } = this.definition;
    const topics = contextTopics(context);
    for (const projection of this.definition.projections ?? [])
      this.projections.register(projection);
    for (const reactorType of this.definition.reactors ?? []) {
      const reactor = this.moduleRef.get(reactorType, { strict: true }).definition();
      this.projections.register(reactor);
      this.reactorNames.push(reactor.name);
    }
    if (!this.leaderLease) await this.projections.start();
    this.metrics.addProjectionSource({ context, statuses: () => this.projections.statuses() });
    await provisionContextTopics(this.bus, context, this.provisioning);
    this.relay = new OutboxRelay({
      name: `${context}.outbox`,
      store: this.outbox,
      bus: this.bus,
      checkpoints: this.consumerState.checkpoints,
      leases: this.consumerState.leases,
      ...(this.leaderLease ? { leaseTtlMs: this.leaderLease.ttlMs, owner: this.owner } : {}),
      topicFor: () => topics.events,
      onError: (error) => this.logger.error({ err: error }, 'Outbox relay round failed'),
    });
    this.relay.start();
    if (this.definition.inboundCommands) {
      const source = this.moduleRef.get(this.definition.inboundCommands, { strict: true });
      this.gateway = await startInboundCommandGateway({
        context,
        bus: this.bus,
        processed: this.consumerState.processed,
        commands: source.commands(),
        rejectionOf: (error) => source.rejectionOf(error),
        ...(this.attribution ? { actorOf: this.attribution } : {}),
        onDeadLetter: (notice) =>
          this.logger.warn(
            {
              reason: notice.reason,
              error: notice.error,
              topic: notice.message.topic,
              offset: notice.message.offset,
            },
            'Inbound command dead-lettered',
          ),
      });
    }
    for (const subscriptionType of this.definition.subscriptions ?? []) {
      const subscription = this.moduleRef.get(subscriptionType, { strict: true });
      this.subscriptions.push(await this.subscribe(subscription, topics.dlq));
    }
    this.metrics.addLeadershipSource({ context, leader: () => this.leadershipStatus().leader });
    if (!this.leaderLease) {
      await this.startWorkers();
      return;
    }
    this.leadership = new ContextLeadership({
      name: `${context}.leader`,
      leases: this.consumerState.leases,
      ttlMs: this.leaderLease.ttlMs,
      owner: this.owner,
      onElected: async () => {
        this.logger.info(this.leadership?.status(), 'Leader of the context: singleton work starts');
        await this.projections.start();
        await this.startWorkers();
      },
      onDeposed: async () => {
        this.logger.warn(this.leadership?.status(), 'No longer the leader: singleton work stops');
        await this.stopSingletonWork();
      },
      onError: (error, during) =>
        this.logger.error({ err: error, during }, 'Leadership of the context failed'),
    });
    // A lone instance (or the first) serves its views from the start, as before leases.
    await this.leadership.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.leadership) await this.leadership.stop();
    else await this.stopWorkers();
    for (const subscription of this.subscriptions.splice(0)) await subscription.stop();
    await this.gateway?.stop();
    await this.relay?.stop();
    await this.stopSingletonWork();
  }

  /** Whether this instance runs the singleton work, and since when (always, without a lease). */
  leadershipStatus() {
    return (
      this.leadership?.status() ?? {
        lease: null,
        leader: true,
        elections: 1,
      }
    );
  }

  private async startWorkers(): Promise<void> {
    for (const workerType of this.definition.workers ?? []) {
      const worker = this.moduleRef.get(workerType, { strict: true });
      await worker.start();
      this.started.push(worker);
    }
  }

  private async stopWorkers(): Promise<void> {
    for (const worker of this.started.splice(0).reverse()) await worker.stop?.();
  }

  /** Workers, then reactors (a reaction under way may wait for the other projections), then the projections. */
  private async stopSingletonWork(): Promise<void> {
    await this.stopWorkers();
    for (const name of this.reactorNames) await this.projections.runner(name)?.stop();
    await this.projections.stop();
  }

  /** Follows the source context's events topic (provisioned if missing) with its own group. */
  private async subscribe(
    subscription: ContextSubscription,
    deadLetterTopic: string,
  ): Promise<RunningConsumer> {
    const { context } = this.definition;
    const source = await provisionContextTopics(this.bus, subscription.source, this.provisioning);
    const handled = new Set(subscription.eventTypes);
    return startReliableConsumer<RecordedEvent>({
      bus: this.bus,
      groupId: `sfp-${context}.${subscription.name}`,
      topics: [source.events],
      deadLetterTopic: () => deadLetterTopic,
      decode: decodeEventMessage,
      handle: async (event) => {
        if (handled.has(event.type)) await subscription.handle(event);
      },
      onDeadLetter: (notice) =>
        this.logger.warn(
          {
            subscription: subscription.name,
            reason: notice.reason,
            error: notice.error,
            topic: notice.message.topic,
            offset: notice.message.offset,
          },
          'Event of another context dead-lettered',
        ),
    });
  }

  /** The outbox relay's position and lag (operations). */
  relayStatus() {
    return this.relay?.status();
  }
}
