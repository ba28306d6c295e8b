import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  type Type as ClassType,
} from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  Answers,
  CurrentPrincipal,
  Operation,
  Refuses,
  RequirePermission,
  type Principal,
} from '@sfp/auth';
import {
  DeadLetterPageSchema,
  DeadLetterSchema,
  DeadLetterTopicSchema,
  type DeadLetter,
  type DeadLetterPage,
  type DeadLetterTopic,
} from '@sfp/contracts';
import { Type as T } from '@sinclair/typebox';
import { redriveDeadLetter, type DeadLetterIndex, type EventBus } from '@sfp/messaging';

/** What the dead-letter operations need: the index, the bus to re-drive on, the topics covered. */
export interface DeadLetterOperations {
  index: DeadLetterIndex;
  bus: EventBus;
  dlqTopics: string[];
}

export const DEAD_LETTER_OPERATIONS = Symbol('DEAD_LETTER_OPERATIONS');

export const DEAD_LETTER_STATUSES = ['pending', 'redriven'] as const;

/** A dead letter's id in the path: `<dead-letter topic>@<partition>:<offset>`, of one of the host's topics. */
export function deadLetterIdParams(dlqTopics: readonly string[]) {
  const topics = dlqTopics.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  class DeadLetterIdParams {
    @ApiProperty({
      description: '`<dead-letter topic>@<partition>:<offset>`',
      example: `${dlqTopics[0] ?? 'sfp.help-desk.dlq'}@0:0`,
    })
    @IsString()
    @MaxLength(200)
    @Matches(new RegExp(`^(${topics})@\\d{1,10}:\\d{1,20}$`), {
      message: `must be a dead letter id: <dead-letter topic>@<partition>:<offset>, of ${dlqTopics.join(', ')}`,
    })
    id!: string;
  }
  return DeadLetterIdParams;
}

export class RedriveDto {
  @ApiPropertyOptional({ description: 'Why it can be processed now (kept in the log)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** The list's query, for the host's dead-letter topics (its `topic` is one of them). */
export function deadLetterListQuery(dlqTopics: readonly string[]) {
  class DeadLetterListQueryDto {
    @ApiPropertyOptional({ description: "Only this dead-letter topic's letters" })
    @IsOptional()
    @IsIn([...dlqTopics], {
      message: `must be one of the dead-letter topics: ${dlqTopics.join(', ')}`,
    })
    topic?: string;

    @ApiPropertyOptional({ description: 'Only the letters waiting, or those already re-driven' })
    @IsOptional()
    @IsIn([...DEAD_LETTER_STATUSES])
    status?: (typeof DEAD_LETTER_STATUSES)[number];

    @ApiPropertyOptional({ description: 'Page size (default 50)' })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(200)
    limit?: number;

    @ApiPropertyOptional({ description: "The previous page's `nextCursor`" })
    @IsOptional()
    @IsString()
    @IsNotEmpty()
    @MaxLength(500)
    cursor?: string;
  }
  return DeadLetterListQueryDto;
}

/**
 * Dead letters of the host's contexts at /dead-letters: why each failed, its
 * payload, and a re-drive after the fix. Made per host because the list's
 * `topic` is one of the host's dead-letter topics (the validation and the
 * OpenAPI document both say which).
 */
export function createDeadLettersController(dlqTopics: readonly string[]): ClassType<unknown> {
  const ListQuery = deadLetterListQuery(dlqTopics);
  type ListQuery = InstanceType<typeof ListQuery>;
  const IdParams = deadLetterIdParams(dlqTopics);
  type IdParams = InstanceType<typeof IdParams>;

  @ApiTags('operations')
  @RequirePermission('platform:admin')
  @Controller('dead-letters')
  class DeadLettersController {
    constructor(
      @Inject(DEAD_LETTER_OPERATIONS) private readonly operations: DeadLetterOperations,
    ) {}

    @Get()
    @Operation('listDeadLetters', 'List the dead letters, newest first, a page at a time.')
    @Answers(200, {
      description:
        'A page of dead letters: reason, error, field errors, original topic/partition/offset, payload, status',
      schema: DeadLetterPageSchema,
    })
    list(@Query() query: ListQuery): Promise<DeadLetterPage> {
      const topics = query.topic
        ? this.operations.dlqTopics.filter((t) => t === query.topic)
        : this.operations.dlqTopics;
      return this.operations.index.list({
        dlqTopics: topics,
        ...(query.status ? { status: query.status } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
    }

    @Get('summary')
    @Operation('summarizeDeadLetters', 'Count the pending and re-driven letters of each topic.')
    @Answers(200, {
      description: 'Every dead-letter topic of the host with its pending and re-driven counts',
      schema: T.Array(DeadLetterTopicSchema),
    })
    async summary(): Promise<DeadLetterTopic[]> {
      const counts = new Map((await this.operations.index.summary()).map((s) => [s.dlqTopic, s]));
      return this.operations.dlqTopics.map(
        (dlqTopic) => counts.get(dlqTopic) ?? { dlqTopic, pending: 0, redriven: 0 },
      );
    }

    @Get(':id')
    @Operation('getDeadLetter', 'Read one dead letter: why it failed, and the message as it was.')
    @Answers(200, { description: 'The dead letter', schema: DeadLetterSchema })
    @Refuses({ 404: 'No such dead letter on the topics of this host' })
    get(@Param() params: IdParams): Promise<DeadLetter> {
      return this.entry(params.id);
    }

    @Post(':id/redrive')
    @HttpCode(200)
    @Operation(
      'redriveDeadLetter',
      'Publish a dead letter again to its original topic, once the cause is fixed.',
    )
    @Answers(200, {
      description: 'Published again to its original topic; the entry as now marked re-driven',
      schema: DeadLetterSchema,
    })
    @Refuses({
      404: 'No such dead letter on the topics of this host',
      409: 'It was already re-driven',
      422: 'The index does not hold it byte for byte (too large, or not UTF-8): re-drive it from its topic (DEAD_LETTER_TOO_LARGE)',
    })
    async redrive(
      @Param() params: IdParams,
      @Body() _body: RedriveDto,
      @CurrentPrincipal() principal: Principal,
    ): Promise<DeadLetter> {
      await this.entry(params.id);
      return redriveDeadLetter({
        bus: this.operations.bus,
        index: this.operations.index,
        id: params.id,
        by: principal.id,
      });
    }

    private async entry(id: string): Promise<DeadLetter> {
      const entry = await this.operations.index.get(id);
      if (!entry || !this.operations.dlqTopics.includes(entry.dlqTopic)) {
        throw Object.assign(new Error(`No dead letter ${id}`), { code: 'DEAD_LETTER_NOT_FOUND' });
      }
      return entry;
    }
  }
  return DeadLettersController;
}
