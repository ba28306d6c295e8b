import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
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
import { CourseIdParams, NO_SUCH_COURSE } from '../../http/record-id.params';
import { programmeStreamId } from '../../programme/application/programmes';
import {
  NO_SUCH_PROGRAMME,
  ProgrammeIdParams,
} from '../../programme/application/programme-id.params';
import { courseStreamId } from '../../training.context';
import { TRAINING_LINKED_PROPOSALS_PROJECTION } from './linked-proposals.projection';

const LINKED = {
  description:
    'The quality-monitoring proposals linked to it (accepted links; a dismissed one is gone), newest first, with the decision once known',
  schema: ToolLinkedProposalsSchema,
} as const;

/** The proposals quality monitoring linked to a course or a programme (from its public events). */
@ApiTags('training: linked proposals')
@RequirePermission('records:read')
@Controller()
export class TrainingLinkedProposalsController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @Get('courses/:id/linked-proposals')
  @Operation('listCourseLinkedProposals', 'The quality-monitoring proposals linked to a course.')
  @Answers(200, LINKED)
  @Refuses({ 404: NO_SUCH_COURSE })
  async course(
    @Param() { id }: CourseIdParams,
    @Query() query: LinkedProposalsQueryDto,
  ): Promise<ToolLinkedProposals> {
    if ((await this.events.streamVersion(courseStreamId(id))) === 0)
      throw new NotFoundException({
        statusCode: 404,
        code: 'COURSE_NOT_FOUND',
        message: `Course ${id} does not exist`,
      });
    return this.linked('course', id, query.minPosition);
  }

  @Get('programmes/:id/linked-proposals')
  @Operation(
    'listProgrammeLinkedProposals',
    'The quality-monitoring proposals linked to a programme.',
  )
  @Answers(200, LINKED)
  @Refuses({ 404: NO_SUCH_PROGRAMME })
  async programme(
    @Param() { id }: ProgrammeIdParams,
    @Query() query: LinkedProposalsQueryDto,
  ): Promise<ToolLinkedProposals> {
    if ((await this.events.streamVersion(programmeStreamId(id))) === 0)
      throw new NotFoundException({
        statusCode: 404,
        code: 'PROGRAMME_NOT_FOUND',
        message: `Programme ${id} does not exist`,
      });
    return this.linked('programme', id, query.minPosition);
  }

  private linked(kind: ToolKind, toolId: string, minPosition?: number) {
    return linkedProposalsOf(
      this.projections,
      TRAINING_LINKED_PROPOSALS_PROJECTION,
      kind,
      toolId,
      minPosition,
    );
  }
}
