import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, WrongExpectedVersionError, type DomainEvent } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  HELP_DESK_PROJECTIONS,
  HELP_DESK_RUNTIME,
  type HelpDeskRuntime,
} from '../../../help-desk.runtime';
import { serviceRequestStreamId } from '../../../help-desk.context';
import { serviceRequestDecider } from '../../domain/service-request.decider';
import { ServiceRequestNotFoundError } from '../../domain/service-request.errors';
import {
  ExecuteServiceRequestCommand,
  type ServiceRequestCommandResult,
} from './execute-service-request-command';

const RETRIES_ON_CONFLICT = 3;

/**
 * Runs one service request command: load the stream, decide, append with the
 * expected version. A conflict with a version the caller pinned (If-Match) is
 * theirs to resolve (409); without one, the command is simply decided again on
 * the newer state, a few times.
 */
@CommandHandler(ExecuteServiceRequestCommand)
export class ExecuteServiceRequestCommandHandler
  implements ICommandHandler<ExecuteServiceRequestCommand, ServiceRequestCommandResult>
{
  private readonly decider;

  constructor(
    @Inject(HELP_DESK_RUNTIME) private readonly runtime: HelpDeskRuntime,
    @Inject(HELP_DESK_PROJECTIONS) private readonly projections: ProjectionEngine,
  ) {
    this.decider = serviceRequestDecider(runtime.sla);
  }

  async execute(message: ExecuteServiceRequestCommand): Promise<ServiceRequestCommandResult> {
    const { requestId, command, context } = message;
    const streamId = serviceRequestStreamId(requestId);
    await this.checkDepartment(streamId, requestId, message);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await handleCommand(
          this.runtime.eventStore,
          streamId,
          this.decider,
          command,
          {
            eventTypes: this.runtime.eventTypes,
            expectedVersion: context.expectedVersion,
            metadata: {
              correlationId: context.correlationId,
              ...(context.causationId ? { causationId: context.causationId } : {}),
              actor: context.actor,
              occurredAt: command.at,
            },
            ...(context.idempotencyKey ? { eventId: eventIdsFrom(context.idempotencyKey) } : {}),
          },
        );
        this.runtime.metrics.commands.inc({
          context: 'help-desk',
          command: command.type,
          outcome: 'accepted',
        });
        if (result.positions.length) {
          this.runtime.metrics.eventsAppended.inc(
            { context: 'help-desk' },
            result.positions.length,
          );
          this.projections.wake();
        }
        const position = result.positions.at(-1) ?? (await this.runtime.eventStore.headPosition());
        return {
          requestId,
          streamVersion: result.nextExpectedVersion,
          position,
          changed: result.positions.length > 0,
        };
      } catch (error) {
        const retry =
          error instanceof WrongExpectedVersionError &&
          context.expectedVersion === undefined &&
          attempt < RETRIES_ON_CONFLICT;
        if (!retry) {
          const outcome = error instanceof Error && 'code' in error ? 'rejected' : 'failed';
          this.runtime.metrics.commands.inc({
            context: 'help-desk',
            command: command.type,
            outcome,
          });
          throw error;
        }
      }
    }
  }

  /**
   * A department's integration client acts only on the requests its department
   * filed; another department's request is, for it, a request that does not exist.
   */
  private async checkDepartment(
    streamId: string,
    requestId: string,
    message: ExecuteServiceRequestCommand,
  ) {
    const { actor } = message.context;
    if (actor.kind !== 'integration-client' || message.command.type === 'SubmitServiceRequest')
      return;
    const [first] = await this.runtime.eventStore.readStream(streamId);
    if (first && first.actor.department !== actor.department) {
      this.runtime.metrics.commands.inc({
        context: 'help-desk',
        command: message.command.type,
        outcome: 'rejected',
      });
      throw new ServiceRequestNotFoundError(requestId);
    }
  }
}

/** Deterministic UUID-shaped ids from a message id, so a redelivered message's append is a duplicate. */
function eventIdsFrom(key: string) {
  return (_event: DomainEvent, index: number): string => {
    const hex = createHash('sha256').update(`${key}#${index}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}
