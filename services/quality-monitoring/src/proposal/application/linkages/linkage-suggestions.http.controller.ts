import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type { LinkageSuggestion } from '@sfp/contracts';
import { NO_SUCH_PROPOSAL, ProposalIdParams } from '../proposal.params';
import { Proposals } from '../proposals';
import { linkageSuggestionsFor } from './linkage-suggestions';
import { LinkageSuggestionsSchema } from './linkage-suggestions.schema';

/** GET /proposals/:id/linkage-suggestions: links to the other contexts' tools, computed now. */
@ApiTags('quality-monitoring: proposals')
@RequirePermission('records:read')
@Controller('proposals')
export class LinkageSuggestionsController {
  constructor(private readonly proposals: Proposals) {}

  @Get(':id/linkage-suggestions')
  @Operation(
    'listQualityLinkageSuggestions',
    'Suggested links between the proposal and the unit’s other tools (courses, programmes, research projects, practice notes, impact assessments), best first, each with its score and reason; accepted links always listed, dismissed ones not again.',
  )
  @Answers(200, {
    description: 'The suggestions, computed from the tools known now',
    schema: LinkageSuggestionsSchema,
  })
  @Refuses({ 404: NO_SUCH_PROPOSAL })
  async suggestions(@Param() { id }: ProposalIdParams): Promise<{ items: LinkageSuggestion[] }> {
    return { items: await linkageSuggestionsFor(this.proposals, id) };
  }
}
