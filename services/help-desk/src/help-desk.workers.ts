import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  contextTopics,
  OutboxRelay,
  provisionContextTopics,
  startInboundCommandGateway,
  topicProvisioningFromEnv,
  type RunningConsumer,
} from '@sfp/messaging';
import { HELP_DESK_CONTEXT } from './help-desk.context';
import type { ProjectionEngine } from '@sfp/projections';
import { HELP_DESK_PROJECTIONS, HELP_DESK_RUNTIME, type HelpDeskRuntime } from './help-desk.runtime';
import { requestsProjection } from './service-request/projections/requests/requests.projection';
import {
  helpDeskInboundCommands,
  helpDeskRejectionOf,
} from './service-request/application/commands/service-request.inbound-commands';

/**
 * The help desk's background work, started with the application and stopped
 * with it: topic provisioning, the outbox relay to sfp.help-desk.events, and
 * the gateway for department commands on sfp.help-desk.commands, and the
 * projections that keep its read models.
 */
@Injectable()
export class HelpDeskWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private gateway?: RunningConsumer;

  constructor(
    @Inject(HELP_DESK_RUNTIME) private readonly runtime: HelpDeskRuntime,
    @Inject(HELP_DESK_PROJECTIONS) private readonly projections: ProjectionEngine,
    private readonly commandBus: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = contextTopics(HELP_DESK_CONTEXT);
    this.projections.register(requestsProjection);
    await this.projections.start();
    await provisionContextTopics(this.runtime.bus, HELP_DESK_CONTEXT, topicProvisioningFromEnv());
    this.relay = new OutboxRelay({
      name: `${HELP_DESK_CONTEXT}.outbox`,
      store: this.runtime.outboxStore,
      bus: this.runtime.bus,
      checkpoints: this.runtime.consumerState.checkpoints,
      leases: this.runtime.consumerState.leases,
      topicFor: () => topics.events,
      onError: (error) => this.runtime.logger.error({ err: error }, 'Outbox relay round failed'),
    });
    this.relay.start();
    this.gateway = await startInboundCommandGateway({
      context: HELP_DESK_CONTEXT,
      bus: this.runtime.bus,
      processed: this.runtime.consumerState.processed,
      commands: helpDeskInboundCommands(this.commandBus, this.runtime),
      rejectionOf: helpDeskRejectionOf,
      onDeadLetter: (notice) =>
        this.runtime.logger.warn(
          { reason: notice.reason, error: notice.error, topic: notice.message.topic, offset: notice.message.offset },
          'Inbound command dead-lettered',
        ),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.gateway?.stop();
    await this.relay?.stop();
    await this.projections.stop();
  }

  relayStatus() {
    return this.relay?.status();
  }
}
