import { Body, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
} from '@nestjs/swagger';
import {
  KnowledgeBaseController,
  CommandOnRecord,
  CreatesRecord,
  RecordDetail,
} from '../../shared/http/routes';
import type { Request, Response } from 'express';
import type { EventStore } from '@sfp/event-sourcing';
import { COMMANDS, EVENT_STORE, etagOf, type ContextCommands } from '@sfp/service-kit';
import type { CommandResult } from '../../application/knowledge-base-command';
import { CommandCall, dispatch, type HttpCall } from '../../http/command-dispatch';
import { plain } from '../../http/plain-json';
import { assertInScope, callerOf } from '../../http/request-principal';
import { historyOf } from '../../http/stream-history';
import { streamIds } from '../../knowledge-base.context';
import { institutionDecider } from '../../institution/domain/institution.decider';
import { PerformanceReportNotFoundError } from '../domain/performance-report.errors';
import type { PerformanceReportEvent } from '../domain/performance-report.events';
import { FileReportCommand } from './file-report/file-report.command';
import { FileReportDto, RestateReportDto } from './performance-report.request.dto';
import { RestateReportCommand } from './restate-report/restate-report.command';

const REPORT_ID = /^[0-9a-f-]{36}_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/;

/** Periodic performance reports: filed once per institution and period, corrected by restatement. */
@ApiBadRequestResponse({
  description:
    'Invalid input with a message per field, or a broken identity (IDENTITY_VIOLATED, naming it)',
})
@ApiForbiddenResponse({
  description: 'An integration client outside its department (OUT_OF_DEPARTMENT_SCOPE)',
})
@KnowledgeBaseController('performance reports')
export class PerformanceReportsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @CreatesRecord('institutions/:id/performance-reports', {
    description:
      '{ id (the report id), streamId, streamVersion, position, changed }; Location points at the report. The targets it touches are judged again just after the answer: a view of targets with minPosition=<position> waits for that',
  })
  @ApiConflictResponse({
    description: 'A report for this period exists (restate it), or the institution is not active',
  })
  async file(
    @Param('id', new ParseUUIDPipe({ version: '4' })) institutionId: string,
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

  @CommandOnRecord('performance-reports/:reportId/restatements', {
    ifMatch: 'The ETag (version) you corrected; a stale one is a 409',
  })
  @ApiParam({
    name: 'reportId',
    example: '0b6c3f0e-8a55-4d5e-9c1b-5f6a7e8d9c0a_2025-01-01_2025-12-31',
  })
  @ApiOkResponse({ description: 'Restated: a new version; the earlier ones stay in the history' })
  @ApiNotFoundResponse()
  restate(
    @Param('reportId') reportId: string,
    @Body() dto: RestateReportDto,
    @CommandCall() call: HttpCall,
  ): Promise<CommandResult> {
    if (!REPORT_ID.test(reportId)) throw new PerformanceReportNotFoundError(reportId);
    const { currency, fx, inputs, reason } = plain(dto);
    return dispatch(
      this.commandBus,
      call,
      (context) => new RestateReportCommand({ reportId, currency, fx, inputs, reason }, context),
    );
  }

  /** The report at its current version, every earlier version, and who filed or restated each. */
  @RecordDetail('performance-reports/:reportId', {
    description: '{ current, versions[], history[] }; ETag = the current version',
  })
  async detail(
    @Param('reportId') reportId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!REPORT_ID.test(reportId)) throw new PerformanceReportNotFoundError(reportId);
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
    assertInScope(
      callerOf(req),
      institution.status === 'none' ? undefined : institution.reportingDepartment,
    );
    res.setHeader('ETag', etagOf(recorded.length));
    return { reportId, version: current.version, current, versions, history: historyOf(recorded) };
  }
}
