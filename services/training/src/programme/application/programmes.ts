import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@sfp/event-sourcing';
import { CLOCK, COMMANDS, type Clock, type ContextCommands } from '@sfp/service-kit';
import { offeringDecider } from '../../offering/domain/offering.decider';
import { OfferingNotFoundError } from '../../offering/domain/offering.errors';
import { offeringStreamId } from '../../training.context';
import type { ProgrammeCommand } from '../domain/programme.commands';
import { programmeDecider } from '../domain/programme.decider';

/** A programme's stream. */
export const programmeStreamId = (programmeId: string): string => `programme-${programmeId}`;

/** A programme command as a use case builds it: the time and the author are added here. */
export type ProgrammeCommandBody = ProgrammeCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'at' | 'by'>
    : never
  : never;

/** A command's body, or how to build it (read again on each attempt, e.g. after checking an offering). */
export type ProgrammeCommandOf = ProgrammeCommandBody | (() => Promise<ProgrammeCommandBody>);

/** What every programme command answers. */
export interface ProgrammeCommandResult {
  programmeId: string;
  /** The stream's version after the command: the programme's new ETag. */
  streamVersion: number;
  /** Global position of the command's last event (read your writes); the current head when nothing changed. */
  position: number;
  /** Whether the command recorded anything. */
  changed: boolean;
}

/**
 * The training context's entry for programme commands: stamps the command
 * with the clock and the actor, then runs it through the context's command
 * pipeline (load, decide, append with the expected version, retry).
 */
@Injectable()
export class Programmes {
  private readonly decider = programmeDecider();
  private readonly offeringDecider = offeringDecider();

  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    programmeId: string,
    body: ProgrammeCommandOf,
    context: CommandContext,
  ): Promise<ProgrammeCommandResult> {
    const at = this.clock().toISOString();
    const stamp = (built: ProgrammeCommandBody) =>
      ({ ...built, at, by: context.actor.id }) as ProgrammeCommand;
    const { streamVersion, position, changed } = await this.commands.run({
      streamId: programmeStreamId(programmeId),
      decider: this.decider,
      command: typeof body === 'function' ? async () => stamp(await body()) : () => stamp(body),
      context,
      occurredAt: at,
    });
    return { programmeId, streamVersion, position, changed };
  }

  /** Refuses an offering that was never planned (404 OFFERING_NOT_FOUND). */
  async checkOfferingExists(offeringId: string): Promise<void> {
    const { state } = await this.commands.load(offeringStreamId(offeringId), this.offeringDecider);
    if (state.status === 'none') throw new OfferingNotFoundError(offeringId);
  }
}
