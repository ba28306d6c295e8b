import {
  ConflictException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Optional,
  Param,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@sfp/auth';
import type { TypedEventStore } from '@sfp/event-sourcing';
import {
  Answers,
  CLOCK,
  CONTEXT_SETTINGS,
  EVENT_STORE,
  Operation,
  Refuses,
  type Clock,
} from '@sfp/service-kit';
import { proposalStreamId } from '../quality-monitoring.context';
import { NO_SUCH_PROPOSAL, ProposalIdParams } from '../proposal/application/proposal.params';
import { writeIatiActivity } from './iati-activity.writer';
import { exportSourceOf } from './iati-export.source';
import { reportingOrgOf, type IatiReportingOrgSettings } from './iati.settings';

/** GET /proposals/:id/iati: an approved proposal as an IATI 2.03 activity file. */
@ApiTags('quality-monitoring: IATI')
@RequirePermission('records:read')
@Controller('proposals')
export class IatiExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: TypedEventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional()
    @Inject(CONTEXT_SETTINGS)
    private readonly settings?: IatiReportingOrgSettings,
  ) {}

  @Get(':id/iati')
  @Operation(
    'exportProposalIati',
    'An approved proposal (approved, or approved with conditions) as an IATI 2.03 activity file: reporting organisation, status, dates, participating organisations, recipient countries and sectors (percentages summing to 100), the committed budget by year, the conditions, the logical framework as results, and the platform’s extension (namespace https://sfp.example.org/iati-extension/1) with what IATI has no element for, so that importing the file gives the proposal back.',
  )
  @Answers(200, {
    description: 'The IATI activity file (UTF-8), as an attachment',
    content: {
      'application/xml': {
        type: 'string',
        description: 'An iati-activities document, version 2.03, with one iati-activity',
      },
    },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="<the proposal id>.iati.xml"',
      },
    },
  })
  @Refuses({
    404: NO_SUCH_PROPOSAL,
    409: 'The proposal’s current version is not approved: not decided yet, decided revise-and-resubmit or rejected, or withdrawn (PROPOSAL_NOT_APPROVED)',
  })
  async exportActivity(
    @Param() { id }: ProposalIdParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const source = exportSourceOf(await this.events.readStream(proposalStreamId(id)));
    if (source.kind === 'unknown') {
      throw new NotFoundException({
        statusCode: 404,
        code: 'PROPOSAL_NOT_FOUND',
        message: `Proposal ${id} does not exist`,
      });
    }
    if (source.kind === 'not-approved') {
      throw new ConflictException({
        statusCode: 409,
        code: 'PROPOSAL_NOT_APPROVED',
        message: `Proposal ${id} is not exported: ${source.why}; only an approved proposal is`,
      });
    }
    const xml = writeIatiActivity({
      proposalId: id,
      version: source.version,
      proposal: source.proposal,
      decision: source.decision,
      conditions: source.conditions,
      decidedAt: source.decidedAt,
      generatedAt: this.clock().toISOString(),
      reportingOrg: reportingOrgOf(this.settings),
    });
    res.setHeader('Content-Type', 'application/xml; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${id}.iati.xml"`);
    return xml;
  }
}
