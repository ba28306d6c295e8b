import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type {
  QualityPartnerView,
  QualityProposalDetail,
  QualityProposalDiff,
  QualityProposalListEntry,
} from '@sfp/contracts';
import {
  countryPosting,
  postingRestriction,
  type ProjectionEngine,
  type ReadModelFilter,
} from '@sfp/projections';
import {
  CLOCK,
  CsvFile,
  csvHeadersOf,
  ETAG_HEADER,
  etagOf,
  pagedList,
  PROJECTION_ENGINE,
  waitForMinPosition,
  type Clock,
} from '@sfp/service-kit';
import { ViewQueryDto } from '@sfp/service-kit/query-fields';
import { QUALITY_PARTNER_RATIOS_PROJECTION } from '../../intervention-tool/projections/quality-partner-ratios.projection';
import {
  NO_SUCH_PROPOSAL,
  NO_SUCH_VERSION,
  ProposalDiffQueryDto,
  ProposalIdParams,
  ProposalListQueryDto,
} from './quality-queries.dto';
import {
  QUALITY_PROPOSALS_PROJECTION,
  reviewerPosting,
  type ProposalDoc,
} from './quality-proposals.projection';
import { detailAsOf, frozenPartnersOf, proposalDiffOf, proposalEntryOf } from './quality-read';
import {
  QualityProposalDetailSchema,
  QualityProposalDiffSchema,
  QualityProposalPageSchema,
} from './quality-proposal.schemas';
import { PROPOSAL_CSV_COLUMNS } from './quality-reports.schemas';

/** The read-model filter of a list query, with the ids its words, country and reviewer allow. */
export function proposalListFilter(
  query: ProposalListQueryDto,
  ids: string[] | undefined,
): ReadModelFilter {
  const filter: ReadModelFilter = { docType: 'proposal' };
  if (ids !== undefined) filter['id'] = { in: ids };
  if (query.status?.length) filter['status'] = { in: query.status };
  if (query.department) filter['department'] = query.department;
  if (query.instrument) filter['instrument'] = query.instrument;
  if (query.channel) filter['channel'] = query.channel;
  if (query.decided) filter['decided'] = query.decided === 'true';
  return filter;
}

const notFound = (id: string) =>
  new NotFoundException({
    statusCode: 404,
    code: 'PROPOSAL_NOT_FOUND',
    message: `Proposal ${id} does not exist`,
  });

@ApiTags('quality monitoring: proposals')
@RequirePermission('records:read')
@Controller('proposals')
export class QualityProposalsQueryController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Operation(
    'listQualityProposals',
    'The review queue: proposals by status, department, instrument, channel, country, reviewer, decided and title words, oldest submission first, with their age in working days and the service level’s due date (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'A page of proposals (ages as of today) and the next page’s cursor',
    schema: QualityProposalPageSchema,
    content: {
      'text/csv': CsvFile(
        `CSV with the header line ${PROPOSAL_CSV_COLUMNS.map((c) => c.header).join(',')}, then one line per proposal`,
      ),
    },
    headers: csvHeadersOf('quality-proposals.csv', { paged: true }),
  })
  async list(
    @Query() query: ProposalListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: QualityProposalListEntry[]; nextCursor?: string } | string> {
    await waitForMinPosition(this.projections, QUALITY_PROPOSALS_PROJECTION, query.minPosition);
    const ids = await postingRestriction(
      this.projections,
      QUALITY_PROPOSALS_PROJECTION,
      query.q,
      query.country ? countryPosting(query.country) : undefined,
      query.reviewer ? reviewerPosting(query.reviewer) : undefined,
    );
    const now = this.clock().toISOString();
    const { minPosition: _waited, ...rest } = query;
    return pagedList(this.projections, rest, res, {
      projection: QUALITY_PROPOSALS_PROJECTION,
      filter: proposalListFilter(query, ids),
      sort: { field: 'submittedAt', direction: 'asc' },
      entryOf: (doc: ProposalDoc) => proposalEntryOf(doc, now),
      csv: { filename: 'quality-proposals.csv', columns: PROPOSAL_CSV_COLUMNS },
    });
  }

  @Get(':id')
  @Operation(
    'getQualityProposal',
    'Read a proposal: its versions, every review with each reviewer’s ratings and comments, the partners’ frozen ratios (and whether a newer report exists), red flags, scores, reconciliation, decisions, linkages, and the service level (due date, working days elapsed).',
  )
  @Answers(200, {
    description:
      'The whole proposal (the service level as of today); its stream version in the ETag',
    schema: QualityProposalDetailSchema,
    headers: ETAG_HEADER,
  })
  @Refuses({ 404: NO_SUCH_PROPOSAL })
  async detail(
    @Param() { id }: ProposalIdParams,
    @Query() query: ViewQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QualityProposalDetail> {
    const doc = await this.proposal(id, query.minPosition);
    const partners = await this.projections
      .readModel<QualityPartnerView>(QUALITY_PARTNER_RATIOS_PROJECTION)
      .getMany(frozenPartnersOf(doc.detail));
    res.setHeader('ETag', etagOf(doc.detail.streamVersion));
    return detailAsOf(doc.detail, this.clock().toISOString(), partners);
  }

  @Get(':id/diff')
  @Operation(
    'getQualityProposalDiff',
    'What changed between two versions of a proposal, field by field (lists item by item), with the earlier version’s review: its reviewers’ comments by criterion, summaries, decision and reasons.',
  )
  @Answers(200, {
    description: 'The changes and the earlier review’s comments',
    schema: QualityProposalDiffSchema,
  })
  @Refuses({ 404: `${NO_SUCH_PROPOSAL}; ${NO_SUCH_VERSION}` })
  async diff(
    @Param() { id }: ProposalIdParams,
    @Query() query: ProposalDiffQueryDto,
  ): Promise<QualityProposalDiff> {
    const doc = await this.proposal(id, query.minPosition);
    const to = query.to ?? doc.detail.version;
    const from = query.from ?? to - 1;
    const diff = proposalDiffOf(doc.detail, from, to);
    if (!diff) {
      throw new NotFoundException({
        statusCode: 404,
        code: 'PROPOSAL_VERSION_NOT_FOUND',
        message: `Proposal ${id} has versions 1 to ${doc.detail.version}; ${from} and ${to} cannot be compared`,
      });
    }
    return diff;
  }

  private async proposal(id: string, minPosition: number | undefined): Promise<ProposalDoc> {
    await waitForMinPosition(this.projections, QUALITY_PROPOSALS_PROJECTION, minPosition);
    const doc = (await this.projections
      .readModel<ProposalDoc>(QUALITY_PROPOSALS_PROJECTION)
      .get(id)) as ProposalDoc | undefined;
    if (!doc || doc.docType !== 'proposal') throw notFound(id);
    return doc;
  }
}
