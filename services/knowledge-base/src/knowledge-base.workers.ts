import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SYSTEM_ACTOR } from '@sfp/event-sourcing';
import {
  contextTopics,
  OutboxRelay,
  provisionContextTopics,
  startInboundCommandGateway,
  type RunningConsumer,
} from '@sfp/messaging';
import type { ProjectionEngine } from '@sfp/projections';
import { RecordGniCommand } from './gni/application/record-gni/record-gni.command';
import { GNI_SEED_SOURCE, gniSeedEntries } from './gni/domain/gni-seed-values';
import { gniTableProjection } from './gni/projections/gni-table.projection';
import { institutionProfilesProjection } from './institution/projections/institution-profile.projection';
import { programmeMembersProjection } from './institution/projections/programme-members.projection';
import { KNOWLEDGE_BASE_CONTEXT } from './knowledge-base.context';
import {
  knowledgeBaseInboundCommands,
  knowledgeBaseRejectionOf,
} from './knowledge-base.inbound-commands';
import {
  KNOWLEDGE_BASE_PROJECTIONS,
  KNOWLEDGE_BASE_RUNTIME,
  type KnowledgeBaseRuntime,
} from './knowledge-base.runtime';
import { libraryProjection } from './library/projections/library.projection';
import { performanceReportsProjection } from './performance-report/projections/performance-reports.projection';
import { targetsProjection } from './target/projections/targets.projection';
import { targetReevaluationReactor } from './target/application/evaluate-target/target-reevaluation.reactor';
import { TARGET_REEVALUATION } from './target/projections/target-statuses.read-your-writes';

export const KNOWLEDGE_BASE_PROJECTION_DEFINITIONS = [
  institutionProfilesProjection,
  performanceReportsProjection,
  targetsProjection,
  programmeMembersProjection,
  gniTableProjection,
  libraryProjection,
] as const;

/**
 * The knowledge base's background work, started and stopped with the
 * application: its projections, the target re-evaluation (a reactor run by
 * the projection engine), the GNI per capita seed (first start only),
 * topic provisioning, the outbox relay to sfp.knowledge-base.events and the
 * gateway for department commands on sfp.knowledge-base.commands.
 */
@Injectable()
export class KnowledgeBaseWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private gateway?: RunningConsumer;

  constructor(
    @Inject(KNOWLEDGE_BASE_RUNTIME) private readonly runtime: KnowledgeBaseRuntime,
    @Inject(KNOWLEDGE_BASE_PROJECTIONS) private readonly projections: ProjectionEngine,
    private readonly commandBus: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = contextTopics(KNOWLEDGE_BASE_CONTEXT);
    for (const definition of KNOWLEDGE_BASE_PROJECTION_DEFINITIONS)
      this.projections.register(definition as never);
    this.projections.register(targetReevaluationReactor(this.runtime, this.projections));
    await this.projections.start();
    this.runtime.metrics.addProjectionSource({
      context: KNOWLEDGE_BASE_CONTEXT,
      statuses: () => this.projections.statuses(),
    });
    if (this.runtime.seedGniTable !== false) await this.seedGniTable();
    await provisionContextTopics(
      this.runtime.bus,
      KNOWLEDGE_BASE_CONTEXT,
      this.runtime.topicProvisioning,
    );
    this.relay = new OutboxRelay({
      name: `${KNOWLEDGE_BASE_CONTEXT}.outbox`,
      store: this.runtime.outboxStore,
      bus: this.runtime.bus,
      checkpoints: this.runtime.consumerState.checkpoints,
      leases: this.runtime.consumerState.leases,
      topicFor: () => topics.events,
      onError: (error) => this.runtime.logger.error({ err: error }, 'Outbox relay round failed'),
    });
    this.relay.start();
    this.gateway = await startInboundCommandGateway({
      context: KNOWLEDGE_BASE_CONTEXT,
      bus: this.runtime.bus,
      processed: this.runtime.consumerState.processed,
      commands: knowledgeBaseInboundCommands(this.commandBus, this.runtime),
      rejectionOf: knowledgeBaseRejectionOf,
      ...(this.runtime.attributeCommand ? { actorOf: this.runtime.attributeCommand } : {}),
      onDeadLetter: (notice) =>
        this.runtime.logger.warn(
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

  /** The GNI per capita table gets its seed values when it is still empty (nothing when it has entries). */
  private async seedGniTable(): Promise<void> {
    try {
      await this.commandBus.execute(
        new RecordGniCommand(
          {
            type: 'RecordGniPerCapita',
            entries: gniSeedEntries(),
            source: GNI_SEED_SOURCE,
            onlyIfEmpty: true,
          },
          { correlationId: 'knowledge-base-gni-seed', actor: SYSTEM_ACTOR },
        ),
      );
    } catch (error) {
      // Another instance seeded it at the same moment: its append won, which is the point.
      this.runtime.logger.info({ err: error }, 'GNI per capita seed skipped');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.gateway?.stop();
    await this.relay?.stop();
    // The reactor first: its reactions under way wait for the other projections.
    await this.projections.runner(TARGET_REEVALUATION)?.stop();
    await this.projections.stop();
  }

  relayStatus() {
    return this.relay?.status();
  }
}
