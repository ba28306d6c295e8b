import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { countCommandOutcomes, executeCommand } from '@sfp/event-sourcing';
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

/**
 * Runs one service request command through the library's pipeline
 * (executeCommand): load the stream, decide, append with the expected version.
 * A conflict with a version the caller pinned (If-Match) is theirs to resolve
 * (409); without one, the command is simply decided again on the newer state,
 * a few times.
 */
@CommandHandler(ExecuteServiceRequestCommand)
export class ExecuteServiceRequestCommandHandler
  implements ICommandHandler<ExecuteServiceRequestCommand, ServiceRequestCommandResult>
{
  private readonly decider;
  private readonly count;

  constructor(
    @Inject(HELP_DESK_RUNTIME) private readonly runtime: HelpDeskRuntime,
    @Inject(HELP_DESK_PROJECTIONS) private readonly projections: ProjectionEngine,
  ) {
    this.decider = serviceRequestDecider(runtime.sla);
    this.count = countCommandOutcomes(runtime.metrics, 'help-desk');
  }

  async execute(message: ExecuteServiceRequestCommand): Promise<ServiceRequestCommandResult> {
    const { requestId, command, context } = message;
    const streamId = serviceRequestStreamId(requestId);
    await this.checkDepartment(streamId, requestId, message);
    const { streamVersion, position, changed } = await executeCommand({
      store: this.runtime.eventStore,
      eventTypes: this.runtime.eventTypes,
      streamId,
      decider: this.decider,
      command: () => command,
      context,
      occurredAt: command.at,
      onOutcome: this.count,
    });
    if (changed) this.projections.wake();
    return { requestId, streamVersion, position, changed };
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
      this.count({ command: message.command, outcome: 'rejected', events: [] });
      throw new ServiceRequestNotFoundError(requestId);
    }
  }
}
