import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  contextTopics,
  OutboxRelay,
  provisionContextTopics,
  startInboundCommandGateway,
  type RunningConsumer,
} from '@sfp/messaging';
import { SYSTEM_ACTOR } from '@sfp/event-sourcing';
import { HELP_DESK_CONTEXT } from './help-desk.context';
import type { ProjectionEngine } from '@sfp/projections';
import {
  HELP_DESK_PROJECTIONS,
  HELP_DESK_RUNTIME,
  type HelpDeskRuntime,
} from './help-desk.runtime';
import {
  REQUESTS_PROJECTION,
  requestsProjection,
} from './service-request/projections/requests/requests.projection';
import type { RequestSummary } from './service-request/projections/requests/request-summary';
import {
  ExecuteServiceRequestCommand,
  type ServiceRequestCommandResult,
} from './service-request/application/commands/execute-service-request-command';
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
  private slaTimer?: NodeJS.Timeout;
  private slaCheck: Promise<number> = Promise.resolve(0);

  constructor(
    @Inject(HELP_DESK_RUNTIME) private readonly runtime: HelpDeskRuntime,
    @Inject(HELP_DESK_PROJECTIONS) private readonly projections: ProjectionEngine,
    private readonly commandBus: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = contextTopics(HELP_DESK_CONTEXT);
    this.projections.register(requestsProjection);
    await this.projections.start();
    this.runtime.metrics.addProjectionSource({
      context: HELP_DESK_CONTEXT,
      statuses: () => this.projections.statuses(),
    });
    await provisionContextTopics(
      this.runtime.bus,
      HELP_DESK_CONTEXT,
      this.runtime.topicProvisioning,
    );
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
      actorOf: this.runtime.attributeCommand,
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
    this.scheduleSlaChecks();
  }

  /**
   * The scheduled SLA check: every open request past its due date and not yet
   * marked gets a CheckServiceRequestSla command, which records the breach as
   * an event once (the decider ignores a second check). Returns how many
   * breaches were recorded.
   */
  async checkSlas(now: Date = this.runtime.clock()): Promise<number> {
    const model = this.projections.readModel<RequestSummary>(REQUESTS_PROJECTION);
    let recorded = 0;
    let cursor: string | undefined;
    do {
      const page = await model.find({
        filter: { open: true, slaBreached: false, dueAt: { lt: now.toISOString() } },
        sort: { field: 'dueAt', direction: 'asc' },
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const { data } of page.items) {
        const result: ServiceRequestCommandResult = await this.commandBus.execute(
          new ExecuteServiceRequestCommand(
            data.requestId,
            { type: 'CheckServiceRequestSla', at: now.toISOString() },
            { correlationId: `sla-check-${now.toISOString()}`, actor: SYSTEM_ACTOR },
          ),
        );
        if (result.changed) recorded++;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return recorded;
  }

  private scheduleSlaChecks(): void {
    if (this.runtime.slaCheckIntervalMs <= 0) return;
    this.slaTimer = setInterval(() => {
      this.slaCheck = this.slaCheck
        .then(() => this.checkSlas())
        .catch((error: unknown) => {
          this.runtime.logger.error({ err: error }, 'Scheduled SLA check failed');
          return 0;
        });
    }, this.runtime.slaCheckIntervalMs);
    this.slaTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.slaTimer) clearInterval(this.slaTimer);
    await this.slaCheck;
    await this.gateway?.stop();
    await this.relay?.stop();
    await this.projections.stop();
  }

  relayStatus() {
    return this.relay?.status();
  }
}
