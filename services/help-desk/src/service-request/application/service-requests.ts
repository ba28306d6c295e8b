import { Inject, Injectable, Optional } from '@nestjs/common';
import { DuplicateEventError, type CommandContext, type EventStore } from '@sfp/event-sourcing';
import { CLOCK, COMMANDS, EVENT_STORE, type Clock, type ContextCommands } from '@sfp/service-kit';
import { serviceRequestStreamId } from '../../help-desk.context';
import { SLA_POLICY } from '../../help-desk.settings';
import { serviceRequestDecider } from '../domain/service-request.decider';
import { ServiceRequestNotFoundError } from '../domain/service-request.errors';
import type { ServiceRequestCommand } from '../domain/service-request.commands';
import type { SlaPolicy } from '../domain/sla-policy';
import { Assignees } from './assign-request/assignees';

/** A command as a use case builds it: the time and the author are added here. */
export type ServiceRequestCommandBody = ServiceRequestCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'at' | 'by'>
    : never
  : never;

/** What every service request command answers (HTTP body; Kafka outcome). */
export interface ServiceRequestCommandResult {
  requestId: string;
  /** The stream's version after the command: the request's new ETag. */
  streamVersion: number;
  /** Global position of the command's last event (read your writes); the current head when nothing changed. */
  position: number;
  /** Whether the command recorded anything (an idempotent repeat records nothing). */
  changed: boolean;
}

/**
 * The help desk's one entry for commands, from HTTP, Kafka or its own
 * schedule: stamps the command with the clock and the actor, scopes a
 * department's integration client to its own requests, then runs it through
 * the context's command pipeline (load, decide, append with the expected
 * version, decide again on a conflict that is not the caller's).
 */
@Injectable()
export class ServiceRequests {
  private readonly decider;

  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SLA_POLICY) sla: SlaPolicy,
    /** Checks an assignee against the platform's users (none: any name, as a bare spec host). */
    @Optional() private readonly assignees?: Assignees,
  ) {
    this.decider = serviceRequestDecider(sla);
  }

  async run(
    requestId: string,
    body: ServiceRequestCommandBody,
    context: CommandContext,
    at: Date = this.clock(),
  ): Promise<ServiceRequestCommandResult> {
    const command = {
      ...body,
      at: at.toISOString(),
      // The schedule's SLA check is nobody's act.
      ...(body.type === 'CheckServiceRequestSla' ? {} : { by: context.actor.id }),
    } as ServiceRequestCommand;
    const streamId = serviceRequestStreamId(requestId);
    await this.checkDepartment(streamId, command, context);
    if (command.type === 'AssignServiceRequest' && this.assignees)
      command.assignee = await this.assignees.check(requestId, command.assignee);
    const { streamVersion, position, changed } = await this.commands.run({
      streamId,
      decider: this.decider,
      command: () => command,
      context,
      occurredAt: command.at,
    });
    return { requestId, streamVersion, position, changed };
  }

  /**
   * The same, for an inbound message: a message delivered again after its
   * events were appended answers with the stream as it stands (its event ids
   * derive from the message id, so the store refuses them a second time).
   */
  async runOnce(
    requestId: string,
    body: ServiceRequestCommandBody,
    context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    try {
      return await this.run(requestId, body, context);
    } catch (error) {
      if (!(error instanceof DuplicateEventError)) throw error;
      const streamId = serviceRequestStreamId(requestId);
      return {
        requestId,
        streamVersion: await this.events.streamVersion(streamId),
        position: await this.events.headPosition(),
        changed: false,
      };
    }
  }

  /**
   * A department's integration client acts only on the requests its department
   * filed; another department's request is, for it, a request that does not exist.
   */
  private async checkDepartment(
    streamId: string,
    command: ServiceRequestCommand,
    { actor }: CommandContext,
  ): Promise<void> {
    if (actor.kind !== 'integration-client' || command.type === 'SubmitServiceRequest') return;
    const [first] = await this.events.readStream(streamId);
    if (first && first.actor.department !== actor.department) {
      this.commands.refused(command);
      // Exactly the decider's answer for an unknown id (code and text), so
      // neither HTTP nor Kafka tells another department's request from none.
      throw new ServiceRequestNotFoundError();
    }
  }
}
