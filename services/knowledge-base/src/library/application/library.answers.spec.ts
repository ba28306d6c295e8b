import 'reflect-metadata';
import type { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { InMemoryEventStore } from '@sfp/event-sourcing';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { ContextCommands, ServiceMetrics } from '@sfp/service-kit';
import type { KnowledgeBaseCommand } from '../../application/knowledge-base-command';
import type { HttpCall } from '../../http/command-dispatch';
import { KNOWLEDGE_BASE_CONTEXT, knowledgeBaseEventTypes } from '../../knowledge-base.context';
import { CommandResultSchema } from '../../shared/http/command-answers.schema';
import { expectConforms } from '@sfp/testing';
import { exampleAssessment } from '../domain/testing/example-assessment';
import { LIBRARY_PROJECTION, libraryProjection } from '../projections/library.projection';
import {
  ImpactAssessmentDetailSchema,
  LibraryEntryPageSchema,
  LibrarySearchAnswerSchema,
  PracticeNoteDetailSchema,
} from './library.answers';
import { LibraryController } from './library.http.controller';
import type {
  ImpactAssessmentDto,
  PracticeNoteDto,
  ReviseImpactAssessmentDto,
  RevisePracticeNoteDto,
} from './library.request.dto';
import { RecordLibraryEntryHandler } from './record-library-entry/record-library-entry.handler';
import { RecordLibraryEntryCommand } from './record-library-entry/record-library-entry.command';
import { RESEARCH_ENTRY_IDS } from '../../research-findings/application/research-entry-ids';
import { libraryEntriesOf } from '../../research-findings/domain/research-publication.mapping';
import { examplePublication } from '../../research-findings/domain/testing/example-publication';

/**
 * The bodies the library's routes answer, produced by the controller over a
 * real store and projection, conform to the schemas the OpenAPI document gives
 * for them: when the code and a schema drift apart, this fails.
 */
describe('library route answers and their schemas', () => {
  const store = new InMemoryEventStore();
  const commands = new ContextCommands({
    context: KNOWLEDGE_BASE_CONTEXT,
    store,
    eventTypes: knowledgeBaseEventTypes(),
    metrics: new ServiceMetrics(),
  });
  const handler = new RecordLibraryEntryHandler(commands, () => new Date('2026-03-02T09:00:00Z'));
  const commandBus = {
    execute: (command: KnowledgeBaseCommand<unknown>) => handler.execute(command as never),
  } as unknown as CommandBus;
  const engine = new ProjectionEngine({
    eventStore: store,
    store: new SqliteReadModelStore({ filename: ':memory:' }),
    pollIntervalMs: 10,
  });
  engine.register(libraryProjection);
  const controller = new LibraryController(commandBus, store, engine);

  const headers = new Map<string, string>();
  const call = (path: string): HttpCall => ({
    req: {
      principal: { kind: 'person', id: 'user-1', name: 'analyst', roles: ['admin'] },
      baseUrl: '/api/knowledge-base',
      path,
      headers: {},
    } as unknown as Request,
    res: {
      setHeader: (name: string, value: string) => headers.set(name, value),
    } as unknown as Response,
  });
  const res = {} as Response;

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());

  it('answers each route with what its schema says', async () => {
    const assessment = {
      ...exampleAssessment(),
      partnerInstitutionId: '0b6f3f0e-8d8a-4a63-9d0c-6f1d2b8f4c1a',
      registryId: null, // an optional field sent as null is left out
      intervention: { start: '2022-03-01', end: '2023-02-28' },
      costBenefit: { benefitCostRatio: 1.4 },
      links: [{ label: 'Working paper', url: 'https://example.org/paper.pdf' }],
    } as unknown as ImpactAssessmentDto;
    const recorded = await controller.record(assessment, call('/impact-assessments'));
    expectConforms(CommandResultSchema, recorded);
    expect(headers.get('Location')).toBe(`/api/knowledge-base/impact-assessments/${recorded.id}`);
    expectConforms(
      CommandResultSchema,
      await controller.revise(
        { id: recorded.id },
        { ...assessment, reason: 'Endline added' } as ReviseImpactAssessmentDto,
        call(`/impact-assessments/${recorded.id}/revisions`),
      ),
    );
    const note = {
      title: 'Group lending lessons',
      summary: 'What worked in rural Ghana',
      body: null,
      practiceKind: 'lesson',
      themes: ['gender'],
      tags: ['ghana'],
      institutionIds: [],
      assessmentIds: [recorded.id],
    } as unknown as PracticeNoteDto;
    const published = await controller.publish(note, call('/practice-notes'));
    const revised = await controller.reviseNote(
      { id: published.id },
      { ...note, body: 'The long version', reason: 'More detail' } as RevisePracticeNoteDto,
      call(`/practice-notes/${published.id}/revisions`),
    );
    await engine.waitForPosition(LIBRARY_PROJECTION, revised.position, 5_000);

    const assessmentDetail = await controller.assessment({ id: recorded.id });
    expectConforms(ImpactAssessmentDetailSchema, assessmentDetail);
    expect(assessmentDetail.current).not.toHaveProperty('registryId');
    const noteDetail = await controller.note({ id: published.id });
    expectConforms(PracticeNoteDetailSchema, noteDetail);
    expect(noteDetail.history).toHaveLength(2);

    const assessments = await controller.assessments({}, res);
    expectConforms(LibraryEntryPageSchema, assessments);
    expect(assessments).toMatchObject({ items: [{ kind: 'impact-assessment', revision: 2 }] });
    const notes = await controller.notes({ limit: 1 }, res);
    expectConforms(LibraryEntryPageSchema, notes);
    expect(notes).toMatchObject({ items: [{ kind: 'practice-note' }] });

    const found = await controller.search({ q: 'ghana' }, res);
    expectConforms(LibrarySearchAnswerSchema, found);
    expect(typeof found === 'string' ? [] : found.items).toHaveLength(2);
  });

  it('answers research-derived entries, with their source, and the entries about an institution, as the schemas say', async () => {
    const publication = examplePublication({ projectId: 'rp-answers' });
    const entries = libraryEntriesOf(publication, RESEARCH_ENTRY_IDS);
    const context = { correlationId: 'spec', actor: { kind: 'system' as const, id: 'research' } };
    for (const { assessmentId, assessment } of entries.assessments)
      await handler.execute(
        new RecordLibraryEntryCommand(
          {
            kind: 'impact-assessment',
            assessmentId,
            command: {
              type: 'RecordSourcedImpactAssessment',
              assessmentId,
              assessment,
              reason: 'v1',
            },
          },
          context,
        ),
      );
    const last = await handler.execute(
      new RecordLibraryEntryCommand(
        {
          kind: 'practice-note',
          noteId: entries.noteId,
          command: {
            type: 'PublishSourcedPracticeNote',
            noteId: entries.noteId,
            note: entries.note,
            reason: 'v1',
          },
        },
        context,
      ),
    );
    await engine.waitForPosition(LIBRARY_PROJECTION, last.position, 5_000);
    const [first] = entries.assessments;
    const detail = await controller.assessment({ id: first?.assessmentId ?? '' });
    expectConforms(ImpactAssessmentDetailSchema, detail);
    expect(detail.current.source).toMatchObject({ projectId: 'rp-answers', publicationVersion: 1 });
    const institutionId = publication.partnerInstitutionIds[0] ?? '';
    const ofInstitution = await controller.assessments({ institutionId }, res);
    expectConforms(LibraryEntryPageSchema, ofInstitution);
    expect(ofInstitution).toMatchObject({
      items: [{ entryId: first?.assessmentId, source: { projectId: 'rp-answers' } }],
    });
    const notesOfInstitution = await controller.notes({ institutionId }, res);
    expectConforms(LibraryEntryPageSchema, notesOfInstitution);
    expect(notesOfInstitution).toMatchObject({ items: [{ entryId: entries.noteId }] });
    expectConforms(PracticeNoteDetailSchema, await controller.note({ id: entries.noteId }));
  });

  it('refuses an entry that does not exist (404)', async () => {
    await expect(
      controller.assessment({ id: '0b6f3f0e-8d8a-4a63-9d0c-6f1d2b8f4c1a' }),
    ).rejects.toMatchObject({ code: 'LIBRARY_ENTRY_NOT_FOUND' });
  });
});
