import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import { ToolLinkedProposalsSchema, type ToolKind, type ToolLinkedProposals } from '@sfp/contracts';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  EVENT_STORE,
  linkedProposalsOf,
  LinkedProposalsQueryDto,
  PROJECTION_ENGINE,
} from '@sfp/service-kit';
import { streamIds } from '../../knowledge-base.context';
import { EntryIdParams } from '../../library/application/library.request.dto';
import { LibraryEntryNotFoundError } from '../../library/domain/library.errors';
import { LIBRARY_LINKED_PROPOSALS_PROJECTION } from './linked-proposals.projection';

const LINKED = {
  description:
    'The quality-monitoring proposals linked to it (accepted links; a dismissed one is gone), newest first, with the decision once known',
  schema: ToolLinkedProposalsSchema,
} as const;

/** The proposals quality monitoring linked to a practice note or an impact assessment (from its public events). */
@ApiTags('knowledge base: linked proposals')
@RequirePermission('records:read')
@Controller()
export class LibraryLinkedProposalsController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @Get('practice-notes/:id/linked-proposals')
  @Operation(
    'listPracticeNoteLinkedProposals',
    'The quality-monitoring proposals linked to a practice note.',
  )
  @Answers(200, LINKED)
  @Refuses({ 404: 'No such practice note (code LIBRARY_ENTRY_NOT_FOUND)' })
  note(
    @Param() { id }: EntryIdParams,
    @Query() query: LinkedProposalsQueryDto,
  ): Promise<ToolLinkedProposals> {
    return this.linked('practice-note', id, streamIds.practiceNote(id), query.minPosition);
  }

  @Get('impact-assessments/:id/linked-proposals')
  @Operation(
    'listImpactAssessmentLinkedProposals',
    'The quality-monitoring proposals linked to an impact assessment.',
  )
  @Answers(200, LINKED)
  @Refuses({ 404: 'No such impact assessment (code LIBRARY_ENTRY_NOT_FOUND)' })
  assessment(
    @Param() { id }: EntryIdParams,
    @Query() query: LinkedProposalsQueryDto,
  ): Promise<ToolLinkedProposals> {
    return this.linked('impact-assessment', id, streamIds.impactAssessment(id), query.minPosition);
  }

  private async linked(
    kind: ToolKind,
    id: string,
    streamId: string,
    minPosition?: number,
  ): Promise<ToolLinkedProposals> {
    if ((await this.events.streamVersion(streamId)) === 0)
      throw new LibraryEntryNotFoundError(
        kind === 'practice-note' ? 'practice note' : 'impact assessment',
      );
    return linkedProposalsOf(
      this.projections,
      LIBRARY_LINKED_PROPOSALS_PROJECTION,
      kind,
      id,
      minPosition,
    );
  }
}
