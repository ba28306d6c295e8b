import { Body, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  CommandOnRecord,
  CommandsController,
  CreatesRecord,
  RecordDetail,
  ExportableView,
} from '../../shared/http/routes';
import type { Response } from 'express';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import { EVENT_STORE, PROJECTION_ENGINE, toCsv, type CsvColumn } from '@sfp/service-kit';
import type { CommandResult } from '../../application/knowledge-base-command';
import { CommandCall, dispatch, dispatchCreate, type HttpCall } from '../../http/command-dispatch';
import { plain } from '../../http/plain-json';
import { fieldColumns, sendCsv } from '../../http/csv-response';
import { answerPage } from '../../http/paged-view';
import { readYourWrites } from '../../http/read-your-writes';
import { historyOf } from '../../http/stream-history';
import { PagedQueryDto, ViewQueryDto } from '../../shared/http/view-query.dto';
import { streamIds } from '../../knowledge-base.context';
import type { ImpactAssessment, PracticeNote } from '../domain/library.entries';
import { LibraryEntryNotFoundError } from '../domain/library.errors';
import {
  entryKeyOf,
  LIBRARY_PROJECTION,
  type LibraryEntryDoc,
  type LibraryKind,
} from '../projections/library.projection';
import { searchLibrary } from '../projections/library-search';
import {
  RecordLibraryEntryCommand,
  type LibraryEntryChange,
} from './record-library-entry/record-library-entry.command';
import {
  ImpactAssessmentDto,
  PracticeNoteDto,
  ReviseImpactAssessmentDto,
  RevisePracticeNoteDto,
} from './library.request.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

export class LibraryListQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ example: 'GH' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(2)
  country?: string;
}

export class SearchQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({
    example: 'child labour ghana',
    description:
      'Words to find in titles, tags and summaries (all must match; the last may be a prefix)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q!: string;

  @ApiPropertyOptional({ enum: ['impact-assessment', 'practice-note'] })
  @IsOptional()
  @IsIn(['impact-assessment', 'practice-note'])
  kind?: LibraryKind;
}

const COLUMNS: CsvColumn<LibraryEntryDoc>[] = [
  ...fieldColumns<LibraryEntryDoc>('kind'),
  { header: 'id', value: (e) => e.entryId },
  ...fieldColumns<LibraryEntryDoc>(
    'title',
    'country',
    'themes',
    'tags',
    'revision',
    'recordedAt',
    'summary',
  ),
];

/** Impact assessments and practice notes, and full-text search over their titles, tags and summaries. */
@CommandsController('library')
export class LibraryController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
  ) {}

  @CreatesRecord('impact-assessments')
  record(@Body() dto: ImpactAssessmentDto, @CommandCall({ ifMatch: false }) call: HttpCall) {
    const assessment = plain(dto) as ImpactAssessment;
    return dispatchCreate(
      this.commandBus,
      call,
      (assessmentId, context) =>
        new RecordLibraryEntryCommand(
          {
            kind: 'impact-assessment',
            assessmentId,
            command: { type: 'RecordImpactAssessment', assessmentId, assessment },
          },
          context,
        ),
    );
  }

  @CommandOnRecord('impact-assessments/:id/revisions', { ifMatch: false })
  revise(
    @Param('id', uuid) id: string,
    @Body() dto: ReviseImpactAssessmentDto,
    @CommandCall({ ifMatch: false }) call: HttpCall,
  ) {
    const { reason, ...assessment } = plain(dto);
    return this.recordEntry(call, {
      kind: 'impact-assessment',
      assessmentId: id,
      command: {
        type: 'ReviseImpactAssessment',
        assessment: assessment as ImpactAssessment,
        reason,
      },
    });
  }

  @CreatesRecord('practice-notes')
  publish(@Body() dto: PracticeNoteDto, @CommandCall({ ifMatch: false }) call: HttpCall) {
    const note = plain(dto) as PracticeNote;
    return dispatchCreate(
      this.commandBus,
      call,
      (noteId, context) =>
        new RecordLibraryEntryCommand(
          { kind: 'practice-note', noteId, command: { type: 'PublishPracticeNote', noteId, note } },
          context,
        ),
    );
  }

  @CommandOnRecord('practice-notes/:id/revisions', { ifMatch: false })
  reviseNote(
    @Param('id', uuid) id: string,
    @Body() dto: RevisePracticeNoteDto,
    @CommandCall({ ifMatch: false }) call: HttpCall,
  ) {
    const { reason, ...note } = plain(dto);
    return this.recordEntry(call, {
      kind: 'practice-note',
      noteId: id,
      command: { type: 'RevisePracticeNote', note: note as PracticeNote, reason },
    });
  }

  @RecordDetail('impact-assessments/:id')
  assessment(@Param('id', uuid) id: string) {
    return this.detail('impact-assessment', streamIds.impactAssessment(id));
  }

  @RecordDetail('practice-notes/:id')
  note(@Param('id', uuid) id: string) {
    return this.detail('practice-note', streamIds.practiceNote(id));
  }

  @ExportableView('impact-assessments')
  assessments(@Query() query: LibraryListQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.list('impact-assessment', query, res);
  }

  @ExportableView('practice-notes')
  notes(@Query() query: LibraryListQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.list('practice-note', query, res);
  }

  /** Full-text search over titles, tags and summaries, best matches first (title 3, tags 2, summary 1 per word). */
  @ExportableView('search')
  async search(@Query() query: SearchQueryDto, @Res({ passthrough: true }) res: Response) {
    await readYourWrites(this.projections, query.minPosition, LIBRARY_PROJECTION);
    const hits = await searchLibrary(
      this.projections.readModel(LIBRARY_PROJECTION),
      query.q,
      query.kind,
    );
    if (query.format === 'csv')
      return sendCsv(
        res,
        'search.csv',
        toCsv(
          hits.map((h) => h.entry),
          COLUMNS,
        ),
      );
    return { query: query.q, items: hits.map((h) => ({ score: h.score, ...summaryOf(h.entry) })) };
  }

  private recordEntry(call: HttpCall, entry: LibraryEntryChange): Promise<CommandResult> {
    return dispatch(
      this.commandBus,
      call,
      (context) => new RecordLibraryEntryCommand(entry, context),
    );
  }

  private async detail(kind: LibraryKind, streamId: string) {
    const recorded = await this.events.readStream(streamId);
    if (recorded.length === 0)
      throw new LibraryEntryNotFoundError(
        kind === 'impact-assessment' ? 'impact assessment' : 'practice note',
      );
    const last = recorded[recorded.length - 1] as (typeof recorded)[number];
    const data = last.data as { assessment?: ImpactAssessment; note?: PracticeNote };
    return {
      kind,
      streamVersion: last.streamVersion,
      current: data.assessment ?? data.note,
      history: historyOf(recorded),
    };
  }

  private async list(kind: LibraryKind, query: LibraryListQueryDto, res: Response) {
    await readYourWrites(this.projections, query.minPosition, LIBRARY_PROJECTION);
    const filter: ReadModelFilter = { docType: 'entry', kind };
    if (query.country) filter['country'] = query.country;
    return answerPage(
      this.projections.readModel<LibraryEntryDoc>(LIBRARY_PROJECTION),
      query,
      res,
      { filter, sort: { field: 'recordedAt', direction: 'desc' } },
      { file: `${kind}s.csv`, columns: COLUMNS },
      (doc) => summaryOf(doc.data),
    );
  }
}

function summaryOf(entry: LibraryEntryDoc) {
  const { tokens: _tokens, docType: _docType, ...rest } = entry;
  return { ...rest, key: entryKeyOf(entry.kind, entry.entryId) };
}
