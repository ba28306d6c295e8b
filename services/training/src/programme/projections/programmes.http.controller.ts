import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type { ProgrammeProgress } from '@sfp/contracts';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import { MIN_POSITION_WAIT_MS, PROJECTION_ENGINE } from '@sfp/service-kit';
import { NO_SUCH_PROGRAMME, ProgrammeIdParams } from '../application/programme-id.params';
import { ProgrammeListQueryDto } from './programme-list.query.dto';
import {
  programmeProgress,
  type ProgrammeDocument,
  type ProgrammeEnrolmentDocument,
} from './programme-progress';
import {
  PROGRAMME_PROGRESS_PROJECTION,
  programmeDocumentId,
} from './programme-progress.projection';
import { ProgrammePageSchema, ProgrammeProgressSchema } from './programme.schemas';

/** The enrolments one page of programmes reads at most (a clear error past it, never a silent cut). */
const ENROLMENT_LIMIT = 50_000;

@ApiTags('training: programmes')
@RequirePermission('records:read')
@Controller('programmes')
export class ProgrammesQueryController {
  constructor(@Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine) {}

  @Get()
  @Operation(
    'listProgrammes',
    'Capacity-building programmes, by title, each with its progress against each target (people trained by sex and constituent group, completion rate, knowledge gain).',
  )
  @Answers(200, {
    description: 'A page of programmes with their progress, and the next page’s cursor',
    schema: ProgrammePageSchema,
  })
  async list(
    @Query() query: ProgrammeListQueryDto,
  ): Promise<{ items: ProgrammeProgress[]; nextCursor?: string }> {
    await this.waitFor(query.minPosition);
    const filter: ReadModelFilter = { record: 'programme' };
    if (query.status) filter['status'] = query.status;
    if (query.scopeKind) filter['scopeKind'] = query.scopeKind;
    const page = await this.model<ProgrammeDocument>().find({
      filter,
      sort: { field: 'title' },
      ...(query.limit ? { limit: query.limit } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const programmes = page.items.map((doc) => doc.data);
    const enrolments = await this.enrolmentsOf(programmes.flatMap((p) => p.offeringIds));
    return {
      items: programmes.map((p) => programmeProgress(p, enrolments)),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  @Get(':id')
  @Operation(
    'getProgramme',
    'Read a capacity-building programme: its scope, period, offerings and progress against each target.',
  )
  @Answers(200, {
    description: 'The programme with its progress against each target',
    schema: ProgrammeProgressSchema,
  })
  @Refuses({ 404: NO_SUCH_PROGRAMME })
  async detail(@Param() { id }: ProgrammeIdParams): Promise<ProgrammeProgress> {
    const doc = await this.model<ProgrammeDocument>().get(programmeDocumentId(id));
    if (doc?.record !== 'programme') {
      throw new NotFoundException({
        statusCode: 404,
        code: 'PROGRAMME_NOT_FOUND',
        message: `Programme ${id} does not exist`,
      });
    }
    return programmeProgress(doc, await this.enrolmentsOf(doc.offeringIds));
  }

  private model<T extends object>() {
    return this.projections.readModel<T>(PROGRAMME_PROGRESS_PROJECTION);
  }

  private async waitFor(minPosition: number | undefined): Promise<void> {
    if (minPosition === undefined) return;
    await this.projections.waitForPosition(
      PROGRAMME_PROGRESS_PROJECTION,
      minPosition,
      MIN_POSITION_WAIT_MS,
    );
  }

  /** Every enrolment of these offerings, page by page. */
  private async enrolmentsOf(
    offeringIds: readonly string[],
  ): Promise<ProgrammeEnrolmentDocument[]> {
    if (offeringIds.length === 0) return [];
    const filter: ReadModelFilter = {
      record: 'enrolment',
      offeringId: { in: [...new Set(offeringIds)] },
    };
    const model = this.model<ProgrammeEnrolmentDocument>();
    const total = await model.count(filter);
    if (total > ENROLMENT_LIMIT) {
      throw Object.assign(
        new Error(
          `These programmes' offerings have ${total} enrolments, more than ${ENROLMENT_LIMIT}; read fewer programmes at a time (limit)`,
        ),
        { code: 'QUERY_TOO_LARGE' },
      );
    }
    const items: ProgrammeEnrolmentDocument[] = [];
    let cursor: string | undefined;
    do {
      const page = await model.find({ filter, limit: 1_000, ...(cursor ? { cursor } : {}) });
      items.push(...page.items.map((doc) => doc.data));
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
