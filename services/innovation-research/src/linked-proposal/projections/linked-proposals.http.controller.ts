import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import { ToolLinkedProposalsSchema, type ToolLinkedProposals } from '@sfp/contracts';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  EVENT_STORE,
  linkedProposalsOf,
  LinkedProposalsQueryDto,
  PROJECTION_ENGINE,
} from '@sfp/service-kit';
import { researchProjectStreamId } from '../../innovation-research.context';
import {
  NO_SUCH_RESEARCH_PROJECT,
  ResearchProjectIdParams,
} from '../../research-project/application/research-project.params';
import { RESEARCH_LINKED_PROPOSALS_PROJECTION } from './linked-proposals.projection';

/** The proposals quality monitoring linked to a research project (from its public events). */
@ApiTags('innovation research: linked proposals')
@RequirePermission('records:read')
@Controller('projects')
export class ResearchLinkedProposalsController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @Get(':id/linked-proposals')
  @Operation(
    'listResearchProjectLinkedProposals',
    'The quality-monitoring proposals linked to a research project.',
  )
  @Answers(200, {
    description:
      'The quality-monitoring proposals linked to it (accepted links; a dismissed one is gone), newest first, with the decision once known',
    schema: ToolLinkedProposalsSchema,
  })
  @Refuses({ 404: NO_SUCH_RESEARCH_PROJECT })
  async linked(
    @Param() { id }: ResearchProjectIdParams,
    @Query() query: LinkedProposalsQueryDto,
  ): Promise<ToolLinkedProposals> {
    if ((await this.events.streamVersion(researchProjectStreamId(id))) === 0)
      throw new NotFoundException({
        statusCode: 404,
        code: 'RESEARCH_PROJECT_NOT_FOUND',
        message: `Research project ${id} does not exist`,
      });
    return linkedProposalsOf(
      this.projections,
      RESEARCH_LINKED_PROPOSALS_PROJECTION,
      'research-project',
      id,
      query.minPosition,
    );
  }
}
