import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, EventStore } from '@sfp/event-sourcing';
import { CLOCK, COMMANDS, EVENT_STORE, type Clock, type ContextCommands } from '@sfp/service-kit';
import {
  partnerInstitutionStreamId,
  researchProjectStreamId,
} from '../../innovation-research.context';
import type { ResearchProjectCommand } from '../domain/research-project.commands';
import { researchProjectDecider } from '../domain/research-project.decider';
import type { ResearchProjectEvent } from '../domain/research-project.events';

/** A research command as a use case builds it: the time and the author are added here. */
export type ResearchProjectCommandBody = ResearchProjectCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'at' | 'by'>
    : never
  : never;

/** A command's body, or how to build it (called again on each attempt, so what it reads is fresh). */
export type ResearchProjectCommandOf =
  | ResearchProjectCommandBody
  | (() => Promise<ResearchProjectCommandBody>);

/** What every research project command answers. */
export interface ResearchCommandResult {
  projectId: string;
  /** The stream's version after the command: the project's new ETag. */
  streamVersion: number;
  /** Global position of the command's last event (read your writes); the current head when nothing changed. */
  position: number;
  /** Whether the command recorded anything. */
  changed: boolean;
}

/** A command's result with the events it appended (to answer what was decided: a publication's version, …). */
export interface DecidedResearchCommand {
  result: ResearchCommandResult;
  events: readonly ResearchProjectEvent[];
}

/**
 * The innovation-research context's entry for project commands: stamps the
 * command with the clock and the actor, then runs it through the context's
 * command pipeline (load, decide, append with the expected version, retry).
 * Partner institutions are checked here against those the knowledge base
 * published (a PartnerInstitutionNoted stream each); the decider refuses the
 * unknown ones with their fields.
 */
@Injectable()
export class ResearchProjects {
  private readonly decider = researchProjectDecider();

  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    projectId: string,
    body: ResearchProjectCommandOf,
    context: CommandContext,
  ): Promise<ResearchCommandResult> {
    return (await this.decide(projectId, body, context)).result;
  }

  /** The same, with the events the command appended (none when nothing changed). */
  async decide(
    projectId: string,
    body: ResearchProjectCommandOf,
    context: CommandContext,
  ): Promise<DecidedResearchCommand> {
    const at = this.clock().toISOString();
    const stamp = (built: ResearchProjectCommandBody) =>
      ({ ...built, at, by: context.actor.id }) as ResearchProjectCommand;
    // The events of the last decision: on success, those the pipeline appended.
    let decided: ResearchProjectEvent[] = [];
    const { streamVersion, position, changed } = await this.commands.run({
      streamId: researchProjectStreamId(projectId),
      decider: {
        ...this.decider,
        decide: (command, state) => (decided = this.decider.decide(command, state)),
      },
      command: typeof body === 'function' ? async () => stamp(await body()) : () => stamp(body),
      context,
      occurredAt: at,
    });
    return {
      result: { projectId, streamVersion, position, changed },
      events: changed ? decided : [],
    };
  }

  /**
   * The ids among `institutionIds` the knowledge base has not published: no
   * PartnerInstitutionNoted in their stream (a read of one stream's version each).
   */
  async unknownPartners(institutionIds: readonly string[]): Promise<string[]> {
    const versions = await Promise.all(
      institutionIds.map((id) => this.events.streamVersion(partnerInstitutionStreamId(id))),
    );
    return institutionIds.filter((_, i) => versions[i] === 0);
  }
}
