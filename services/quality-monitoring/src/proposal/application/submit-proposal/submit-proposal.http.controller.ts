import { randomUUID } from 'node:crypto';
import { Body, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Answers, Operation, Refuses } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { CreatingCommandRoute, ETAG_HEADER, HttpCommandContext } from '@sfp/service-kit';
import { ProposalVersionAnswerSchema, type ProposalVersionAnswer } from '../proposal.answers';
import { ProposalCommandController } from '../proposal.command-routes';
import {
  DEFINITION_RULES,
  proposalDefinitionOf,
  ProposalDefinitionDto,
} from '../proposal-definition.dto';
import { Proposals } from '../proposals';

/** POST /proposals: a proposal with a financial component submitted for review (version 1). */
@ProposalCommandController()
export class SubmitProposalController {
  constructor(private readonly proposals: Proposals) {}

  @Post()
  @Operation(
    'submitQualityProposal',
    'Submit a proposal with a financial component for review: its budget, financial component, partners, logical framework, exit strategy, constituents and outcomes.',
  )
  @Answers(201, {
    description: 'Submitted: the new proposal’s id, its version (1) and the position of its event',
    schema: ProposalVersionAnswerSchema,
    headers: {
      Location: { description: 'The new proposal: /api/quality-monitoring/proposals/{proposalId}' },
      ...ETAG_HEADER,
    },
  })
  @Refuses({ 400: DEFINITION_RULES })
  @CreatingCommandRoute()
  async submit(
    @Body() dto: ProposalDefinitionDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProposalVersionAnswer> {
    const proposalId = randomUUID();
    const proposal = proposalDefinitionOf(dto, {
      ...(context.actor.department ? { department: context.actor.department } : {}),
      confined: context.actor.kind === 'integration-client',
    });
    const submittedBy = await this.proposals.usernameOf(context);
    const result = await this.proposals.submit(
      proposalId,
      // The partners as the knowledge base has published them when the submission is decided.
      async () => ({
        type: 'SubmitProposal' as const,
        proposalId,
        proposal,
        origin: {
          channel: proposal.iatiIdentifier ? 'iati-import' : 'http',
          submittedBy,
        },
        unknownPartners: await this.proposals.partners.unknownPartners(
          proposal.partnerInstitutionIds,
        ),
      }),
      context,
    );
    res.setHeader('Location', `${req.baseUrl}${req.path}/${proposalId}`.replace(/\/+/g, '/'));
    return { ...result, version: 1 };
  }
}
