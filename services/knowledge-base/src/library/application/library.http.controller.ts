import { Body, Inject, Param, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Answers, Operation, Refuses } from '@sfp/auth';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  CommandOnRecord,
  CommandsController,
  CreatesRecord,
  RecordDetail,
  ExportableView,
} from '../../shared/http/routes';
import type { Response } from 'express';
import type { EventStore } from '@sfp/event-sourcing';
import type {
  FindQuery,
  Page,
  ProjectionEngine,
  ProjectionReadModel,
  ReadModelDocument,
  ReadModelFilter,
} from '@sfp/projections';
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
import type { ImpactAssessmentEvent, PracticeNoteEvent } from '../domain/library.events';
import { LibraryEntryNotFoundError } from '../domain/library.errors';
import {
  entryKeyOf,
  LIBRARY_PROJECTION,
  type LibraryDoc,
  type LibraryEntryDoc,
  type LibraryInstitutionLinkDoc,
  type LibraryKind,
} from '../projections/library.projection';
import { searchLibrary } from '../projections/library-search';
import {
  RecordLibraryEntryCommand,
  type LibraryEntryChange,
} from './record-library-entry/record-library-entry.command';
import {
  EntryIdParams,
  ImpactAssessmentDto,
  PracticeNoteDto,
  ReviseImpactAssessmentDto,
  RevisePracticeNoteDto,
} from './library.request.dto';
import {
  ImpactAssessmentDetailSchema,
  LibraryEntryPageSchema,
  LibrarySearchAnswerSchema,
  PracticeNoteDetailSchema,
  type ImpactAssessmentDetail,
  type LibraryEntryItem,
  type LibrarySearchAnswer,
  type PracticeNoteDetail,
} from './library.answers';
import { CommandResultSchema } from '../../shared/http/command-answers.schema';
import { csvHeadersOf, CsvFile, ETAG_HEADER } from '../../shared/http/schema-helpers';

const CREATED_HEADERS = {
  ...ETAG_HEADER,
  Location: { description: 'The new record’s URL' },
};

export class LibraryListQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ example: 'GH' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(2)
  country?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only the entries about this institution: assessments of it as a partner, notes that name it',
  })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

export class SearchQueryDto extends ViewQueryDto {
  @ApiProperty({
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

/** The rules between an assessment's fields that its schema cannot say (the decider checks them). */
const ASSESSMENT_RULES =
  'The figures contradict each other (RULE_VIOLATED, by field): intervention.end before intervention.start, an achieved sample more than ten times the planned one, a confidence interval whose lower bound exceeds its upper bound or that leaves out its effect size.';

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

  @Operation('recordImpactAssessment', 'Record an impact assessment.')
  @Answers(201, {
    description: 'Recorded',
    schema: CommandResultSchema,
    headers: CREATED_HEADERS,
  })
  @Refuses({ 400: ASSESSMENT_RULES })
  @CreatesRecord('impact-assessments')
  record(@Body() dto: ImpactAssessmentDto, @CommandCall({ ifMatch: false }) call: HttpCall) {
    const assessment = entryOf(dto) as ImpactAssessment;
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

  @Operation(
    'reviseImpactAssessment',
    'Revise an impact assessment: its whole new version, with the reason.',
  )
  @Answers(200, { description: 'Revised', schema: CommandResultSchema, headers: ETAG_HEADER })
  @Refuses({ 400: ASSESSMENT_RULES, 404: 'No such impact assessment' })
  @CommandOnRecord('impact-assessments/:id/revisions', { ifMatch: false })
  revise(
    @Param() { id }: EntryIdParams,
    @Body() dto: ReviseImpactAssessmentDto,
    @CommandCall({ ifMatch: false }) call: HttpCall,
  ) {
    const { reason, ...assessment } = entryOf(dto);
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

  @Operation('publishPracticeNote', 'Publish a practice note: a good or bad practice, or a lesson.')
  @Answers(201, {
    description: 'Published',
    schema: CommandResultSchema,
    headers: CREATED_HEADERS,
  })
  @CreatesRecord('practice-notes')
  publish(@Body() dto: PracticeNoteDto, @CommandCall({ ifMatch: false }) call: HttpCall) {
    const note = entryOf(dto) as PracticeNote;
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

  @Operation(
    'revisePracticeNote',
    'Revise a practice note: its whole new version, with the reason.',
  )
  @Answers(200, { description: 'Revised', schema: CommandResultSchema, headers: ETAG_HEADER })
  @Refuses({ 404: 'No such practice note' })
  @CommandOnRecord('practice-notes/:id/revisions', { ifMatch: false })
  reviseNote(
    @Param() { id }: EntryIdParams,
    @Body() dto: RevisePracticeNoteDto,
    @CommandCall({ ifMatch: false }) call: HttpCall,
  ) {
    const { reason, ...note } = entryOf(dto);
    return this.recordEntry(call, {
      kind: 'practice-note',
      noteId: id,
      command: { type: 'RevisePracticeNote', note: note as PracticeNote, reason },
    });
  }

  @Operation('getImpactAssessment', 'An impact assessment as last revised, with its history.')
  @Answers(200, { description: 'The impact assessment', schema: ImpactAssessmentDetailSchema })
  @Refuses({ 404: 'No such impact assessment' })
  @RecordDetail('impact-assessments/:id')
  async assessment(@Param() { id }: EntryIdParams): Promise<ImpactAssessmentDetail> {
    const { streamVersion, data, history } = await this.entryStream(
      'impact-assessment',
      streamIds.impactAssessment(id),
    );
    const { assessment } = data as ImpactAssessmentEvent['data'];
    return { kind: 'impact-assessment', streamVersion, current: assessment, history };
  }

  @Operation('getPracticeNote', 'A practice note as last revised, with its history.')
  @Answers(200, { description: 'The practice note', schema: PracticeNoteDetailSchema })
  @Refuses({ 404: 'No such practice note' })
  @RecordDetail('practice-notes/:id')
  async note(@Param() { id }: EntryIdParams): Promise<PracticeNoteDetail> {
    const { streamVersion, data, history } = await this.entryStream(
      'practice-note',
      streamIds.practiceNote(id),
    );
    const { note } = data as PracticeNoteEvent['data'];
    return { kind: 'practice-note', streamVersion, current: note, history };
  }

  @Operation(
    'listImpactAssessments',
    'Impact assessments, latest first; format=csv exports the page.',
  )
  @Answers(200, {
    description: 'A page of impact assessments',
    schema: LibraryEntryPageSchema,
    content: { 'text/csv': CsvFile('The page as CSV') },
    headers: csvHeadersOf('impact-assessments.csv', { paged: true }),
  })
  @ExportableView('impact-assessments')
  assessments(@Query() query: LibraryListQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.list('impact-assessment', query, res);
  }

  @Operation('listPracticeNotes', 'Practice notes, latest first; format=csv exports the page.')
  @Answers(200, {
    description: 'A page of practice notes',
    schema: LibraryEntryPageSchema,
    content: { 'text/csv': CsvFile('The page as CSV') },
    headers: csvHeadersOf('practice-notes.csv', { paged: true }),
  })
  @ExportableView('practice-notes')
  notes(@Query() query: LibraryListQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.list('practice-note', query, res);
  }

  /** Full-text search over titles, tags and summaries, best matches first (title 3, tags 2, summary 1 per word). */
  @Operation(
    'searchKnowledgeBase',
    'Search the library’s titles, tags and summaries, best matches first.',
  )
  @Answers(200, {
    description: 'The matching entries, best first (at most 100)',
    schema: LibrarySearchAnswerSchema,
    content: { 'text/csv': CsvFile('The matching entries as CSV') },
    headers: csvHeadersOf('search.csv'),
  })
  @ExportableView('search')
  async search(
    @Query() query: SearchQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | LibrarySearchAnswer> {
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

  /** An entry's stream: its version, its last event's data (the entry as last revised) and its history. */
  private async entryStream(kind: LibraryKind, streamId: string) {
    const recorded = await this.events.readStream(streamId);
    const last = recorded[recorded.length - 1];
    if (!last)
      throw new LibraryEntryNotFoundError(
        kind === 'impact-assessment' ? 'impact assessment' : 'practice note',
      );
    return { streamVersion: last.streamVersion, data: last.data, history: historyOf(recorded) };
  }

  private async list(kind: LibraryKind, query: LibraryListQueryDto, res: Response) {
    await readYourWrites(this.projections, query.minPosition, LIBRARY_PROJECTION);
    const model = this.projections.readModel<LibraryDoc>(LIBRARY_PROJECTION);
    const filter: ReadModelFilter = query.institutionId
      ? { docType: 'institution-link', kind, institutionId: query.institutionId }
      : { docType: 'entry', kind };
    if (query.country) filter['country'] = query.country;
    return answerPage(
      query.institutionId
        ? entriesThroughLinks(model)
        : (model as ProjectionReadModel<LibraryEntryDoc>),
      query,
      res,
      { filter, sort: { field: 'recordedAt', direction: 'desc' } },
      { file: `${kind}s.csv`, columns: COLUMNS },
      (doc) => summaryOf(doc.data),
    );
  }
}

/**
 * The entries about an institution, read as a view: a page of its links
 * (filtered and sorted as asked), then their entries in one read.
 */
function entriesThroughLinks(
  model: ProjectionReadModel<LibraryDoc>,
): Pick<ProjectionReadModel<LibraryEntryDoc>, 'find'> {
  return {
    find: async (query: FindQuery): Promise<Page<LibraryEntryDoc>> => {
      const links = await model.find(query);
      const keys = links.items.map((doc) => (doc.data as LibraryInstitutionLinkDoc).entryKey);
      const entries = await model.getMany(keys);
      const items: ReadModelDocument<LibraryEntryDoc>[] = [];
      for (const link of links.items) {
        const key = (link.data as LibraryInstitutionLinkDoc).entryKey;
        const entry = entries.get(key) as LibraryEntryDoc | undefined;
        if (entry) items.push({ ...link, id: key, data: entry });
      }
      return { items, ...(links.nextCursor ? { nextCursor: links.nextCursor } : {}) };
    },
  };
}

function summaryOf(entry: LibraryEntryDoc): LibraryEntryItem {
  const { tokens: _tokens, docType: _docType, ...rest } = entry;
  return { ...rest, key: entryKeyOf(entry.kind, entry.entryId) };
}

/**
 * The entry a validated DTO gives, as plain JSON. An optional field sent as
 * null is taken as left out (the document shows optional fields as nullable):
 * the entry never holds a null.
 */
function entryOf<T extends object>(dto: T): T {
  return withoutNulls(plain(dto)) as T;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}
