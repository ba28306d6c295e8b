import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SYSTEM_ACTOR, type EventStore } from '@sfp/event-sourcing';
import type { CommandRejection, InboundCommandDefinition } from '@sfp/messaging';
import type { ProjectionEngine } from '@sfp/projections';
import {
  CLOCK,
  COMMANDS,
  EVENT_STORE,
  LOGGER,
  PROJECTION_ENGINE,
  type Clock,
  type ContextCommands,
  type ContextReactor,
  type ContextWorker,
  type InboundCommandSource,
  type Logger,
} from '@sfp/service-kit';
import { RecordGniCommand } from './gni/application/record-gni/record-gni.command';
import { GNI_SEED_SOURCE, gniSeedEntries } from './gni/domain/gni-seed-values';
import {
  knowledgeBaseInboundCommands,
  knowledgeBaseRejectionOf,
} from './knowledge-base.inbound-commands';
import { targetReevaluationReactor } from './target/application/evaluate-target/target-reevaluation.reactor';

/** The knowledge base's background work beyond the template's: what its declaration lists. */

/** Target re-evaluation: a reactor on the knowledge base's own events (its checkpoint, its commands). */
@Injectable()
export class TargetReevaluation implements ContextReactor {
  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
  ) {}

  definition() {
    return targetReevaluationReactor(this.commands, this.clock, this.projections);
  }
}

/** The GNI per capita table gets its seed values at start when it is still empty (nothing when it has entries). */
@Injectable()
export class GniSeed implements ContextWorker {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
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
      this.logger.info({ err: error }, 'GNI per capita seed skipped');
    }
  }
}

/** What departments' and regional offices' systems may do by message on sfp.knowledge-base.commands. */
@Injectable()
export class KnowledgeBaseInboundCommands implements InboundCommandSource {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  commands(): Array<InboundCommandDefinition<object>> {
    return knowledgeBaseInboundCommands(this.commandBus, this.events);
  }

  rejectionOf(error: unknown): CommandRejection | undefined {
    return knowledgeBaseRejectionOf(error);
  }
}
