import { Injectable } from '@nestjs/common';
import { DuplicateEventError, uuidFromKey, type CommandContext } from '@sfp/event-sourcing';
import type {
  CommandAccepted,
  CommandRejection,
  InboundCommandContext,
  InboundCommandDefinition,
} from '@sfp/messaging';
import type { InboundCommandSource } from '@sfp/service-kit';
import { proposalStreamId } from '../../../quality-monitoring.context';
import { ProposalError } from '../../domain/proposal.errors';
import { ProposalDefinitionDto, proposalDefinitionOf } from '../proposal-definition.dto';
import { resubmitProposal } from '../resubmit-proposal/resubmit-proposal.use-case';
import { withdrawQualityProposal } from '../withdraw-proposal/withdraw-proposal.use-case';
import { Proposals, type ProposalCommandOf } from '../proposals';
import {
  ResubmitProposalMessageDto,
  WithdrawProposalMessageDto,
} from './proposal.inbound-messages';

/** The command context of an inbound message: its sender, correlation, and its id as the idempotency key. */
function messageContextOf(ctx: InboundCommandContext): CommandContext {
  return {
    correlationId: ctx.correlationId,
    ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
    actor: ctx.actor,
    idempotencyKey: ctx.messageId,
  };
}

/**
 * What a department's project system may do by message on
 * `sfp.quality-monitoring.commands`: submit a proposal, resubmit it after a
 * revise-and-resubmit decision, or withdraw it; each answered on
 * sfp.quality-monitoring.outcomes. Payloads are the HTTP bodies of the same
 * use cases (plus the proposal's id), validated the same way; a submission's
 * proposal id derives from the sender and the message id, so a redelivery
 * names the same proposal and records nothing more.
 */
@Injectable()
export class QualityMonitoringInboundCommands implements InboundCommandSource {
  constructor(private readonly proposals: Proposals) {}

  commands(): Array<InboundCommandDefinition<object>> {
    const submit: InboundCommandDefinition<ProposalDefinitionDto> = {
      type: 'SubmitProposal',
      dto: ProposalDefinitionDto,
      execute: async (dto, ctx) => {
        const proposalId = uuidFromKey(`submit:${ctx.actor.id}:${ctx.messageId}`, 4);
        const streamId = proposalStreamId(proposalId);
        // Delivered again after the proposal was recorded: the stream as it stands.
        if ((await this.proposals.history(proposalId)).length > 0) return this.asItStands(streamId);
        const proposal = proposalDefinitionOf(dto, {
          ...(ctx.actor.department ? { department: ctx.actor.department } : {}),
          confined: true,
        });
        return this.once(proposalId, messageContextOf(ctx), true, async () => ({
          type: 'SubmitProposal' as const,
          proposalId,
          proposal,
          origin: { channel: 'kafka', submittedBy: ctx.actor.id },
          unknownPartners: await this.proposals.partners.unknownPartners(
            proposal.partnerInstitutionIds,
          ),
        }));
      },
    };
    const resubmit: InboundCommandDefinition<ResubmitProposalMessageDto> = {
      type: 'ResubmitProposal',
      dto: ResubmitProposalMessageDto,
      execute: (dto, ctx) =>
        this.once(
          dto.proposalId,
          messageContextOf(ctx),
          false,
          resubmitProposal.command(dto, { id: dto.proposalId }, this.proposals),
        ),
    };
    const withdraw: InboundCommandDefinition<WithdrawProposalMessageDto> = {
      type: 'WithdrawProposal',
      dto: WithdrawProposalMessageDto,
      execute: (dto, ctx) =>
        this.once(
          dto.proposalId,
          messageContextOf(ctx),
          false,
          withdrawQualityProposal.command(dto, { id: dto.proposalId }, this.proposals),
        ),
    };
    return [submit, resubmit, withdraw] as Array<InboundCommandDefinition<object>>;
  }

  /** Refusals the sender must hear about: every domain error of a proposal. */
  rejectionOf(error: unknown): CommandRejection | undefined {
    if (error instanceof ProposalError) return { code: error.code, message: error.message };
    return undefined;
  }

  /** Runs the command; a message delivered again after its events were appended answers with the stream as it stands. */
  private async once(
    proposalId: string,
    context: CommandContext,
    creates: boolean,
    body: ProposalCommandOf,
  ): Promise<CommandAccepted> {
    const streamId = proposalStreamId(proposalId);
    try {
      const result =
        creates && typeof body === 'function'
          ? await this.proposals.submit(
              proposalId,
              body as Parameters<Proposals['submit']>[1],
              context,
            )
          : await this.proposals.run(proposalId, body, context);
      return { streamId, streamVersion: result.streamVersion, position: result.position };
    } catch (error) {
      if (!(error instanceof DuplicateEventError)) throw error;
      return this.asItStands(streamId);
    }
  }

  private async asItStands(streamId: string): Promise<CommandAccepted> {
    return {
      streamId,
      streamVersion: await this.proposals.streamVersion(streamId),
      position: await this.proposals.headPosition(),
    };
  }
}
