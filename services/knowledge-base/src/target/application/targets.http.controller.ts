import { Body, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CommandOnRecord,
  CommandsController,
  CreatesRecord,
  RecordDetail,
  ExportableView,
} from '../../shared/http/routes';
import type { Request, Response } from 'express';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import {
  COMMANDS,
  EVENT_STORE,
  PROJECTION_ENGINE,
  type ContextCommands,
  type CsvColumn,
} from '@sfp/service-kit';
import { CommandCall, dispatch, dispatchCreate, type HttpCall } from '../../http/command-dispatch';
import { fieldColumns } from '../../http/csv-response';
import { answerPage } from '../../http/paged-view';
import { assertVisible, callerOf } from '../../http/request-principal';
import { institutionDecider } from '../../institution/domain/institution.decider';
import { historyOf } from '../../http/stream-history';
import { PagedQueryDto, ViewQueryDto } from '../../shared/http/view-query.dto';
import { streamIds } from '../../knowledge-base.context';
import { TargetNotFoundError } from '../domain/target.errors';
import type { TargetSetData } from '../domain/target.events';
import { readYourTargetStatuses } from '../projections/target-statuses.read-your-writes';
import { TARGETS_PROJECTION, type TargetRow } from '../projections/targets.projection';
import { SetTargetCommand } from './set-target/set-target.command';
import { targetOf } from './set-target/set-target.mapping';
import { SetTargetDto, TargetIdParams, WithdrawTargetDto } from './target.request.dto';
import { WithdrawTargetCommand } from './withdraw-target/withdraw-target.command';
import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Answers, Operation, Refuses } from '@sfp/auth';
import { CommandResultSchema } from '../../shared/http/command-answers.schema';
import { csvHeadersOf, CsvFile, ETAG_HEADER } from '../../shared/http/schema-helpers';

const CREATED_HEADERS = {
  ...ETAG_HEADER,
  Location: { description: 'The new record’s URL' },
};
import { TargetDetailSchema, TargetPageSchema, type TargetDetail } from './target.answers';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Transform } from 'class-transformer';
import { toBoolean } from '../../shared/http/query-helpers';
import { TARGET_STATUSES } from '../domain/target-status';

export class TargetListQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: TARGET_STATUSES })
  @IsOptional()
  @IsIn(TARGET_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'false: withdrawn targets only' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}

export class TargetDetailQueryDto extends PickType(ViewQueryDto, ['minPosition'] as const) {}

/** The 403 of an integration client's department scope: targets that belong to no department. */
const OUT_OF_SCOPE =
  'An integration client’s target of a programme or the portfolio, which belong to no department (OUT_OF_DEPARTMENT_SCOPE)';
/** For an integration client, another department's record does not exist. */
const HIDDEN =
  'for an integration client, also one of another department, answered as an unknown id';

const COLUMNS: CsvColumn<TargetRow>[] = [
  ...fieldColumns<TargetRow>('targetId'),
  { header: 'scope', value: (t) => t.scopeKey },
  ...fieldColumns<TargetRow>(
    'indicator',
    'comparator',
    'threshold',
    'tolerance',
    'dueDate',
    'status',
    'value',
    'reason',
    'active',
    'statusChangedAt',
  ),
];

/** Targets per institution, programme or portfolio, with tolerance bands; status re-evaluated on every report. */
@CommandsController('targets', 'targets')
export class TargetsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
  ) {}

  @Operation(
    'setTarget',
    'Set a target on an institution, a programme or the portfolio.',
    'Judged on the latest reports just after the answer (GET /targets/{id}?minPosition=<position> waits for that).',
  )
  @Answers(201, {
    description: 'Set; judged on the latest reports just after the answer',
    schema: CommandResultSchema,
    headers: CREATED_HEADERS,
  })
  @Refuses({
    403: OUT_OF_SCOPE,
    404: `No such institution (scope institution); ${HIDDEN}`,
  })
  @CreatesRecord()
  set(@Body() dto: SetTargetDto, @CommandCall({ ifMatch: false }) call: HttpCall) {
    return dispatchCreate(
      this.commandBus,
      call,
      (targetId, context) => new SetTargetCommand(targetOf(targetId, dto), context),
    );
  }

  @Operation('withdrawTarget', 'Withdraw a target, with the reason.')
  @Answers(200, { description: 'Withdrawn', schema: CommandResultSchema, headers: ETAG_HEADER })
  @Refuses({
    404: `No such target; ${HIDDEN}`,
    409: 'The target is withdrawn already, or If-Match names a version that is not its current one',
  })
  @CommandOnRecord(':id/withdraw')
  withdraw(
    @Param() { id }: TargetIdParams,
    @Body() dto: WithdrawTargetDto,
    @CommandCall() call: HttpCall,
  ) {
    return dispatch(
      this.commandBus,
      call,
      (context) => new WithdrawTargetCommand({ targetId: id, reason: dto.reason }, context),
    );
  }

  /** Every target with its status; `format=csv` exports the page. */
  @Operation('listTargets', 'Targets with their status, by due date; format=csv exports the page.')
  @Answers(200, {
    description: 'A page of targets',
    schema: TargetPageSchema,
    content: { 'text/csv': CsvFile('The page as CSV') },
    headers: csvHeadersOf('targets.csv', { paged: true }),
  })
  @ExportableView()
  async list(@Query() query: TargetListQueryDto, @Res({ passthrough: true }) res: Response) {
    await readYourTargetStatuses(
      this.projections,
      this.events,
      query.minPosition,
      TARGETS_PROJECTION,
    );
    const filter: ReadModelFilter = {};
    if (query.status) filter['status'] = query.status;
    if (query.active !== undefined) filter['active'] = query.active;
    return answerPage(
      this.projections.readModel<TargetRow>(TARGETS_PROJECTION),
      query,
      res,
      { filter, sort: { field: 'dueDate', direction: 'asc' } },
      { file: 'targets.csv', columns: COLUMNS },
    );
  }

  /** A target, its status and the history of its status changes (from its stream). */
  @Operation('getTarget', 'A target, its status and its history.')
  @Answers(200, { description: 'The target', schema: TargetDetailSchema })
  @Refuses({ 404: `No such target; ${HIDDEN}` })
  @RecordDetail(':id')
  async detail(
    @Param() { id }: TargetIdParams,
    @Query() query: TargetDetailQueryDto,
    @Req() req: Request,
  ): Promise<TargetDetail> {
    await readYourTargetStatuses(
      this.projections,
      this.events,
      query.minPosition,
      TARGETS_PROJECTION,
    );
    const recorded = await this.events.readStream(streamIds.target(id));
    if (recorded.length === 0) throw new TargetNotFoundError(id);
    const caller = callerOf(req);
    const scope = (recorded[0]?.data as TargetSetData).scope;
    if (caller.scope !== undefined) {
      const institution =
        scope.kind === 'institution'
          ? (
              await this.commands.load(
                streamIds.institution(scope.institutionId),
                institutionDecider,
              )
            ).state
          : undefined;
      assertVisible(
        caller,
        institution && institution.status !== 'none' ? institution.reportingDepartment : undefined,
        () => new TargetNotFoundError(id),
      );
    }
    const view = await this.projections.readModel<TargetRow>(TARGETS_PROJECTION).get(id);
    return {
      targetId: id,
      streamVersion: recorded.length,
      ...(view ? { view } : {}),
      history: historyOf(recorded),
    };
  }
}
