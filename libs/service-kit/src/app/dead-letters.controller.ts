import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CurrentPrincipal, RequirePermission, type Principal } from '@sfp/auth';
import { redriveDeadLetter, type DeadLetterIndex, type EventBus } from '@sfp/messaging';

/** What the dead-letter operations need: the index, the bus to re-drive on, the topics covered. */
export interface DeadLetterOperations {
  index: DeadLetterIndex;
  bus: EventBus;
  dlqTopics: string[];
}

export const DEAD_LETTER_OPERATIONS = Symbol('DEAD_LETTER_OPERATIONS');

export class DeadLetterListQueryDto {
  @ApiPropertyOptional({ example: 'sfp.help-desk.dlq' })
  @IsOptional()
  @Matches(/^sfp\.[a-z-]+\.dlq$/, {
    message: 'must be a dead-letter topic such as sfp.help-desk.dlq',
  })
  topic?: string;

  @ApiPropertyOptional({ enum: ['pending', 'redriven'] })
  @IsOptional()
  @IsIn(['pending', 'redriven'])
  status?: 'pending' | 'redriven';

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class RedriveDto {
  @ApiProperty({ description: 'Why it can be processed now (kept in the log)', required: false })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** Dead letters of the host's contexts: why each failed, its payload, and a re-drive after the fix. */
@ApiTags('operations')
@RequirePermission('platform:admin')
@Controller('dead-letters')
export class DeadLettersController {
  constructor(@Inject(DEAD_LETTER_OPERATIONS) private readonly operations: DeadLetterOperations) {}

  @Get()
  @ApiOkResponse({
    description:
      '{ items, nextCursor? }, newest first: reason, error, field errors, original topic/partition/offset, payload, status',
  })
  list(@Query() query: DeadLetterListQueryDto) {
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
  @ApiOkResponse({ description: 'Per dead-letter topic: pending and re-driven counts' })
  async summary() {
    const counts = new Map((await this.operations.index.summary()).map((s) => [s.dlqTopic, s]));
    return this.operations.dlqTopics.map(
      (dlqTopic) => counts.get(dlqTopic) ?? { dlqTopic, pending: 0, redriven: 0 },
    );
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const entry = await this.operations.index.get(id);
    if (!entry || !this.operations.dlqTopics.includes(entry.dlqTopic)) {
      throw Object.assign(new Error(`No dead letter ${id}`), { code: 'DEAD_LETTER_NOT_FOUND' });
    }
    return entry;
  }

  @Post(':id/redrive')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Published again to its original topic; the entry marked re-driven (once)',
  })
  async redrive(
    @Param('id') id: string,
    @Body() _body: RedriveDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.get(id);
    return redriveDeadLetter({
      bus: this.operations.bus,
      index: this.operations.index,
      id,
      by: principal.id,
    });
  }
}
