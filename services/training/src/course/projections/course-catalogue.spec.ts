import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { courseStreamId } from '../../training.context';
import { CourseRevised } from '../domain/course.events';
import { ReadSideHarness } from '../../offering/projections/testing/read-side.harness';
import { response, schemaErrors } from '@sfp/testing';
import {
  COURSE_A,
  COURSE_B,
  courseSteps,
  definitionA,
  revisionSteps,
} from '../../offering/projections/testing/training-story';
import { COURSE_CATALOGUE_PROJECTION } from './course-catalogue.projection';
import { CourseCatalogueQueryDto } from './course-catalogue.query.dto';
import { CoursesQueryController } from './courses.http.controller';
import { CourseCsvSchema, CourseDetailSchema, CoursePageSchema } from './course.schemas';

describe('the course catalogue', () => {
  const harness = new ReadSideHarness();
  const controller = () => new CoursesQueryController(harness.engine, harness.store);
  const list = async (query: Partial<CourseCatalogueQueryDto>, res = response()) => {
    const page = await controller().list(query as CourseCatalogueQueryDto, res);
    if (typeof page === 'string') throw new Error('expected JSON');
    expect(schemaErrors(CoursePageSchema, page)).toEqual([]);
    return page;
  };

  beforeAll(async () => {
    for (const [stream, events] of [...courseSteps, ...revisionSteps])
      await harness.append(stream, events);
    // Course B, a draft, edited in place: still revision 1.
    await harness.append(courseStreamId(COURSE_B), [
      CourseRevised.of({
        courseId: COURSE_B,
        revision: 1,
        course: {
          ...(await controller().detail({ id: COURSE_B }, response())).course,
          title: 'Microinsurance: the basics',
          languages: ['es', 'pt'],
        },
        reason: 'Portuguese version ready',
        revisedBy: 'user-trainer-2',
        revisedAt: '2025-10-05T08:00:00.000Z',
      }),
    ]);
    await harness.settle();
  });
  afterAll(() => harness.close());

  it('keeps one entry per course: its current revision, status and dates', async () => {
    const entry = await harness.engine.readModel(COURSE_CATALOGUE_PROJECTION).get(COURSE_A);
    expect(entry).toMatchObject({
      courseId: COURSE_A,
      code: 'SFP-MF-101',
      kind: 'regional-course',
      status: 'published',
      revision: 2,
      durationHours: 21,
      publishedAt: '2025-09-25T10:00:00.000Z',
      updatedAt: '2025-12-01T10:00:00.000Z',
      theme_youth: true,
      theme_gender: false,
      audience_workers_organisation: true,
      language_fr: true,
    });
    const draft = (await list({ status: ['draft'] })).items;
    expect(draft.map((c) => [c.courseId, c.revision, c.title, c.languages])).toEqual([
      [COURSE_B, 1, 'Microinsurance: the basics', ['es', 'pt']],
    ]);
    // Clients read lists, not the filter flags.
    expect(Object.keys(draft[0] ?? {}).some((key) => key.startsWith('theme_'))).toBe(false);
  });

  it.each([
    [{ kind: ['e-learning' as const] }, [COURSE_B]],
    [{ kind: ['regional-course' as const, 'e-learning' as const] }, [COURSE_A, COURSE_B]],
    [{ theme: 'poverty' as const }, [COURSE_A]],
    [{ theme: 'gender' as const }, [COURSE_B]],
    [{ priorityArea: ['financial-inclusion' as const] }, [COURSE_A]],
    [{ audience: 'employers-organisation' as const }, [COURSE_B]],
    [{ language: 'pt' as const }, [COURSE_B]],
    [{ language: 'ar' as const }, []],
    [{ status: ['retired' as const] }, []],
  ])('filters by %j', async (query, expected) => {
    expect((await list(query)).items.map((c) => c.courseId)).toEqual(expected);
  });

  it('sorts and pages, and exports a page as CSV', async () => {
    const first = await list({ sort: '-code', limit: 1 });
    expect(first.items.map((c) => c.code)).toEqual(['SFP-MI-201']);
    const second = await list({ sort: '-code', limit: 1, cursor: first.nextCursor ?? '' });
    expect(second.items.map((c) => c.code)).toEqual(['SFP-MF-101']);
    expect(second.nextCursor).toBeUndefined();

    const res = response();
    const csv = await controller().list(
      { format: 'csv', sort: 'code' } as CourseCatalogueQueryDto,
      res,
    );
    expect(schemaErrors(CourseCsvSchema, csv)).toEqual([]);
    const lines = String(csv).trim().split('\r\n');
    expect(CourseCsvSchema.description).toContain(`header line ${lines[0]},`);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      'SFP-MF-101,Microfinance for decent work,regional-course,published,2',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="training-courses.csv"');
  });

  it('reads a course with every revision from its stream, with its ETag', async () => {
    const res = response();
    const detail = await controller().detail({ id: COURSE_A }, res);
    expect(schemaErrors(CourseDetailSchema, detail)).toEqual([]);
    expect(res.headers['etag']).toBe('"3"');
    expect(detail).toMatchObject({
      status: 'published',
      revision: 2,
      course: { durationHours: 21 },
    });
    expect(detail.revisions).toEqual([
      {
        revision: 1,
        course: definitionA,
        writtenBy: 'user-trainer-1',
        writtenAt: '2025-09-15T08:30:00.000Z',
        publishedAt: '2025-09-25T10:00:00.000Z',
      },
      {
        revision: 2,
        course: { ...definitionA, durationHours: 21 },
        reason: 'Three days instead of four',
        writtenBy: 'user-trainer-1',
        writtenAt: '2025-12-01T10:00:00.000Z',
        publishedAt: '2025-12-01T10:00:00.000Z',
      },
    ]);
    // A draft edited in place keeps one revision, as last written.
    const draft = await controller().detail({ id: COURSE_B }, response());
    expect(draft.revisions.map((r) => [r.revision, r.course.title])).toEqual([
      [1, 'Microinsurance: the basics'],
    ]);
  });

  it('answers 404 for a course never created', async () => {
    await expect(
      controller().detail({ id: '11111111-2222-4333-8444-555555555555' }, response()),
    ).rejects.toMatchObject({ response: { code: 'COURSE_NOT_FOUND' } });
  });

  it('refuses filters that are not in the lists', () => {
    const refused = (query: Record<string, unknown>) =>
      validateSync(plainToInstance(CourseCatalogueQueryDto, query), {
        whitelist: true,
        forbidNonWhitelisted: true,
      }).map((e) => e.property);
    expect(refused({ kind: 'seminar', theme: '', language: 'de', limit: '0' })).toEqual([
      'kind',
      'theme',
      'language',
      'limit',
    ]);
    expect(refused({ kind: 'brief,workshop', status: ['draft'], minPosition: '12' })).toEqual([]);
  });
});
