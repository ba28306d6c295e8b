import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, EventStore } from '@sfp/event-sourcing';
import {
  CLOCK,
  COMMANDS,
  EVENT_STORE,
  PLATFORM_USERS,
  type Clock,
  type ContextCommands,
  type PlatformUsers,
} from '@sfp/service-kit';
import { InterventionTools } from '../../intervention-tool/application/intervention-tools';
import { PartnerDirectory } from '../../intervention-tool/application/partner-directory';
import { proposalStreamId } from '../../quality-monitoring.context';
import { ReviewPolicies } from '../../review-policy/application/review-policies';
import type { ProposalCommand } from '../domain/proposal.commands';
import { decideProposal, evolveProposal, initialProposalState } from '../domain/proposal.decider';
import { ProposalNotFoundError } from '../domain/proposal.errors';
import type { ProposalEvent } from '../domain/proposal.events';
import { proposalFactsOf, type ProposalFacts } from './proposal-facts';

/** A proposal command as a use case builds it: the time and the author are added here. */
export type ProposalCommandBody = ProposalCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'at' | 'by'>
    : never
  : never;

/** A command's body, or how to build it (called again on each attempt, so what it reads is fresh). */
export type ProposalCommandOf = ProposalCommandBody | (() => Promise<ProposalCommandBody>);

/** What every proposal command answers. */
export interface ProposalCommandResult {
  proposalId: string;
  /** The stream's version after the command: the proposal's new ETag. */
  streamVersion: number;
  /** Global position of the command's last event (read your writes); the current head when nothing changed. */
  position: number;
  /** Whether the command recorded anything. */
  changed: boolean;
}

/** A command's result with the events it appended (to answer what was decided: a version, …). */
export interface DecidedProposalCommand {
  result: ProposalCommandResult;
  events: readonly ProposalEvent[];
}

/**
 * The quality-monitoring context's entry for proposal commands: stamps the
 * command with the clock and the caller's username (reviewers are named by
 * username; a caller the platform does not know as a user, a department's
 * integration client, by its id), then runs it through the context's command
 * pipeline (load, decide, append with the expected version, retry). A command
 * on a proposal never submitted is a 404.
 */
@Injectable()
export class Proposals {
  private readonly decider = {
    initialState: initialProposalState,
    evolve: evolveProposal,
    decide: (command: ProposalCommand, state: ReturnType<typeof initialProposalState>) =>
      decideProposal(state, command),
  };

  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PLATFORM_USERS) readonly users: PlatformUsers,
    @Inject(CLOCK) private readonly clock: Clock,
    /** What the commands read besides the proposal: partners, policies, tools. */
    readonly partners: PartnerDirectory,
    readonly policies: ReviewPolicies,
    readonly tools: InterventionTools,
  ) {}

  async run(
    proposalId: string,
    body: ProposalCommandOf,
    context: CommandContext,
  ): Promise<ProposalCommandResult> {
    return (await this.decide(proposalId, body, context)).result;
  }

  /** A submission: the one command that creates the proposal's stream. */
  async submit(
    proposalId: string,
    body: () => Promise<ProposalCommandBody & { type: 'SubmitProposal' }>,
    context: CommandContext,
  ): Promise<ProposalCommandResult> {
    return (await this.execute(proposalId, body, context, true)).result;
  }

  /** The same, with the events the command appended (none when nothing changed). */
  decide(
    proposalId: string,
    body: ProposalCommandOf,
    context: CommandContext,
  ): Promise<DecidedProposalCommand> {
    return this.execute(proposalId, body, context, false);
  }

  private async execute(
    proposalId: string,
    body: ProposalCommandOf,
    context: CommandContext,
    creates: boolean,
  ): Promise<DecidedProposalCommand> {
    const streamId = proposalStreamId(proposalId);
    // Only a submission creates the stream: anything else on an unknown id is a 404.
    if (!creates) await this.checkVisible(proposalId, context);
    const at = this.clock().toISOString();
    const by = await this.usernameOf(context);
    const stamp = (built: ProposalCommandBody) => ({ ...built, at, by }) as ProposalCommand;
    // The events of the last decision: on success, those the pipeline appended.
    let decided: ProposalEvent[] = [];
    const { streamVersion, position, changed } = await this.commands.run({
      streamId,
      decider: {
        ...this.decider,
        decide: (command, state) => (decided = this.decider.decide(command, state)),
      },
      command: typeof body === 'function' ? async () => stamp(await body()) : () => stamp(body),
      context,
      occurredAt: at,
    });
    return {
      result: { proposalId, streamVersion, position, changed },
      events: changed ? decided : [],
    };
  }

  /**
   * A proposal never submitted is a 404; so is, for a department's
   * integration client, another department's proposal.
   */
  private async checkVisible(proposalId: string, { actor }: CommandContext): Promise<void> {
    if (actor.kind !== 'integration-client') {
      if ((await this.events.streamVersion(proposalStreamId(proposalId))) === 0)
        throw new ProposalNotFoundError();
      return;
    }
    const { proposal } = await this.facts(proposalId);
    if (!proposal || proposal.department !== actor.department) throw new ProposalNotFoundError();
  }

  /** A stream's version, and the store's head: what an inbound message delivered again answers. */
  streamVersion(streamId: string): Promise<number> {
    return this.events.streamVersion(streamId);
  }

  headPosition(): Promise<number> {
    return this.events.headPosition();
  }

  /** The proposal's events as recorded (none for an unknown id). */
  async history(proposalId: string): Promise<ProposalEvent[]> {
    const recorded = await this.events.readStream(proposalStreamId(proposalId));
    return recorded as unknown as ProposalEvent[];
  }

  /** What the application reads of the proposal (its current version and definition, linkages decided). */
  async facts(proposalId: string): Promise<ProposalFacts> {
    return proposalFactsOf(await this.history(proposalId));
  }

  /** The caller as reviewers are named: the platform user's username, else the actor's id. */
  async usernameOf(context: CommandContext): Promise<string> {
    if (context.actor.kind !== 'person') return context.actor.id;
    return (await this.users.byId(context.actor.id))?.username ?? context.actor.id;
  }
}
