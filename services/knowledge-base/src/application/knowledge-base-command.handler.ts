import { Inject, Injectable } from '@nestjs/common';
import type { Decider, DomainEvent } from '@sfp/event-sourcing';
import { CLOCK, COMMANDS, type Clock, type ContextCommands } from '@sfp/service-kit';
import {
  institutionDecider,
  type KnownInstitution,
} from '../institution/domain/institution.decider';
import { InstitutionNotFoundError } from '../institution/domain/institution.errors';
import { streamIds } from '../knowledge-base.context';
import { runCommand } from './command-runner';
import {
  type CommandContext,
  type CommandResult,
  type KnowledgeBaseCommand,
} from './knowledge-base-command';

/** What every domain command carries besides its request: when, and by whom. */
export interface Timed {
  at: string;
  by: string;
}

/** A record's stream and the decider of its commands: where a use case runs its command. */
export interface CommandStream<State, Command, Event extends DomainEvent> {
  /** The record's id, as the command's answer names it. */
  id: string;
  streamId: string;
  decider: Decider<State, Command, Event>;
}

/**
 * What the handlers of the knowledge base's use cases share: running a
 * command on one stream (load, decide, append with the expected version) at
 * the context's clock and as the context's actor, and the institution checks
 * of the department scope. A handler decides what to run; this runs it.
 * (Nest's ICommandHandler is a conditional type, which a generic class cannot
 * implement: `execute` below is its contract.)
 */
@Injectable()
export abstract class KnowledgeBaseCommandHandler<TCommand extends KnowledgeBaseCommand<unknown>> {
  constructor(
    @Inject(COMMANDS) protected readonly commands: ContextCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  abstract execute(command: TCommand): Promise<CommandResult>;

  /**
   * Runs the command `build` gives on the record's stream (rebuilt on a
   * retry, so what it reads from other streams is fresh), at the context's
   * clock and as the context's actor; the pipeline wakes the projections when
   * it recorded something.
   */
  protected async run<State, Command extends { type: string }, Event extends DomainEvent>(
    stream: CommandStream<State, Command, Event>,
    context: CommandContext,
    build: (timed: Timed) => Promise<Command> | Command,
  ): Promise<CommandResult> {
    const at = this.clock().toISOString();
    const timed = { at, by: context.actor.id };
    const { decider, ...target } = stream;
    return runCommand(this.commands, target, decider, () => build(timed), context, at);
  }

  /**
   * Decides the command `build` gives on the record's current state without
   * recording anything: throws the refusal `run` would answer (an import
   * checks every row this way before it files any). `changed` is false.
   */
  protected async check<State, Command extends { type: string }, Event extends DomainEvent>(
    stream: CommandStream<State, Command, Event>,
    context: CommandContext,
    build: (timed: Timed) => Promise<Command> | Command,
  ): Promise<CommandResult> {
    const timed = { at: this.clock().toISOString(), by: context.actor.id };
    const { state, version } = await this.commands.load(stream.streamId, stream.decider);
    stream.decider.decide(await build(timed), state);
    return {
      id: stream.id,
      streamId: stream.streamId,
      streamVersion: version,
      position: 0,
      changed: false,
    };
  }

  /** The institution as its stream says now; a missing one is a 404. */
  protected async institution(institutionId: string): Promise<KnownInstitution> {
    const { state } = await this.commands.load(
      streamIds.institution(institutionId),
      institutionDecider,
    );
    if (state.status === 'none') throw new InstitutionNotFoundError(institutionId);
    return state;
  }

  /**
   * An integration client may act only on its department's institutions (and
   * their records): another department's institution is, for it, one that
   * does not exist (the same code and words as an unknown id).
   */
  protected async assertInstitutionInScope(
    institutionId: string,
    context: CommandContext,
  ): Promise<void> {
    if (context.scope === undefined) return;
    const institution = await this.institution(institutionId);
    if (institution.reportingDepartment !== context.scope) {
      throw new InstitutionNotFoundError(institutionId);
    }
  }
}
