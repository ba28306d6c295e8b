import { Body, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  KnowledgeBaseController,
  CommandOnRecord,
  CreatesRecord,
  RecordDetail,
} from '../../shared/http/routes';
import type { Request, Response } from 'express';
import type { EventStore } from '@sfp/event-sourcing';
import {
  Answers,
  COMMANDS,
  EVENT_STORE,
  etagOf,
  Operation,
  Refuses,
  type ContextCommands,
} from '@sfp/service-kit';
import type { CommandResult } from '../../application/knowledge-base-command';
import { CommandCall, dispatch, type HttpCall } from '../../http/command-dispatch';
import { plain } from '../../http/plain-json';
import { assertVisible, callerOf } from '../../http/request-principal';
import { historyOf } from '../../http/stream-history';
import { streamIds } from '../../knowledge-base.context';
import { institutionDecider } from '../../institution/domain/institution.decider';
import { InstitutionIdParams } from '../../institution/application/institution.request.dto';
import { CommandResultSchema } from '../../shared/http/command-answers.schema';
import { ETAG_HEADER } from '../../shared/http/schema-helpers';
import { PerformanceReportNotFoundError } from '../domain/performance-report.errors';
import type { PerformanceReportEvent } from '../domain/performance-report.events';
import { FileReportCommand } from './file-report/file-report.command';
import {
  PerformanceReportDetailSchema,
  type PerformanceReportDetail,
} from './performance-report-detail.schema';
import { FileReportDto, ReportIdParams, RestateReportDto } from './performance-report.request.dto';
import { RestateReportCommand } from './restate-report/restate-report.command';

const REPORT_NOT_FOUND =
  'No performance report with this id; for an integration client, also one of another department, answered as an unknown id';
const INVALID_FIGURES =
  'Invalid input with a message per field, or figures that break an identity (IDENTITY_VIOLATED, naming it)';

/** Periodic performance reports: filed once per institution and period, corrected by restatement. */
@KnowledgeBaseController('performance reports')
export class PerformanceReportsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @Operation(
    'filePerformanceReport',
    'File an institution’s performance report for one period (once per period; restate it to correct it).',
  )
  @Answers(201, {
    description:
      'Filed: `id` is the report id. The targets it touches are judged again just after the answer: a view of targets with minPosition=<position> waits for that',
    schema: CommandResultSchema,
    headers: {
      Location: {
        description: 'The new report: /api/knowledge-base/performance-reports/{reportId}',
      },
      ...ETAG_HEADER,
    },
  })
  @Refuses({
    400: INVALID_FIGURES,
    404: 'No institution with this id; for an integration client, also one of another department, answered as an unknown id',
    409: 'A report for this institution and period exists (PERFORMANCE_REPORT_ALREADY_FILED: restate it), or the institution is not active (ILLEGAL_TRANSITION)',
  })
  @CreatesRecord('institutions/:id/performance-reports')
  async file(
    @Param() { id: institutionId }: InstitutionIdParams,
    @Body() dto: FileReportDto,
    @CommandCall({ ifMatch: false }) call: HttpCall,
  ): Promise<CommandResult> {
    const { req, res } = call;
    const { period, currency, fx, inputs } = plain(dto);
    const result = await dispatch(
      this.commandBus,
      call,
      (context) => new FileReportCommand({ institutionId, period, currency, fx, inputs }, context),
    );
    const prefix = `${req.baseUrl}${req.path}`.replace(
      /\/institutions\/[^/]+\/performance-reports\/?$/,
      '',
    );
    res.setHeader('Location', `${prefix}/performance-reports/${result.id}`.replace(/\/+/g, '/'));
    return result;
  }

  @Operation(
    'restatePerformanceReport',
    'Correct a filed report: a new version with the reason; the earlier ones stay in its history.',
  )
  @Answers(200, {
    description:
      'Restated: a new version (changed: false when the figures are the same); ETag = the report’s new version',
    schema: CommandResultSchema,
    headers: ETAG_HEADER,
  })
  @Refuses({
    400: INVALID_FIGURES,
    404: REPORT_NOT_FOUND,
    409: 'If-Match is not the report’s current version (WRONG_EXPECTED_VERSION)',
  })
  @CommandOnRecord('performance-reports/:reportId/restatements', {
    ifMatch: 'The ETag (version) you corrected; a stale one is a 409',
  })
  restate(
    @Param() { reportId }: ReportIdParams,
    @Body() dto: RestateReportDto,
    @CommandCall() call: HttpCall,
  ): Promise<CommandResult> {
    const { currency, fx, inputs, reason } = plain(dto);
    return dispatch(
      this.commandBus,
      call,
      (context) => new RestateReportCommand({ reportId, currency, fx, inputs, reason }, context),
    );
  }

  /** The report at its current version, every earlier version, and who filed or restated each. */
  @Operation(
    'getPerformanceReport',
    'A performance report at its current version, every earlier version, and who filed or restated each.',
  )
  @Answers(200, {
    description: 'The report, its versions and its history',
    schema: PerformanceReportDetailSchema,
    headers: ETAG_HEADER,
  })
  @Refuses({ 404: REPORT_NOT_FOUND })
  @RecordDetail('performance-reports/:reportId')
  async detail(
    @Param() { reportId }: ReportIdParams,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PerformanceReportDetail> {
    const recorded = await this.events.readStream(streamIds.performanceReport(reportId));
    if (recorded.length === 0) throw new PerformanceReportNotFoundError(reportId);
    const versions = recorded
      .map((r) => ({ type: r.type, data: r.data }) as PerformanceReportEvent)
      .map((e) => e.data);
    const current = versions[versions.length - 1] as (typeof versions)[number];
    const { state: institution } = await this.commands.load(
      streamIds.institution(current.institutionId),
      institutionDecider,
    );
    assertVisible(
      callerOf(req),
      institution.status === 'none' ? undefined : institution.reportingDepartment,
      () => new PerformanceReportNotFoundError(reportId),
    );
    res.setHeader('ETag', etagOf(recorded.length));
    return { reportId, version: current.version, current, versions, history: historyOf(recorded) };
  }
}
