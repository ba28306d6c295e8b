import { Type, type Static } from '@sinclair/typebox';
import {
  COURSE_KINDS,
  COURSE_STATUSES,
  PRIORITY_AREAS,
  THEMES,
  TRAINING_AUDIENCES,
  TRAINING_LANGUAGES,
  type CourseDefinition,
  type CourseDetail,
  type CourseEntry,
  type CourseRevisionEntry,
} from '@sfp/contracts';
import {
  CsvFile,
  csvHeadersOf,
  IsoDateTime,
  PageOf,
  sameShape,
  StringEnum,
} from '@sfp/service-kit';
import type { CsvColumn } from '@sfp/service-kit';

const Percent = (description: string) => Type.Number({ minimum: 0, maximum: 100, description });

/** A course's definition, as each revision carries it. */
export const CourseDefinitionSchema = Type.Object(
  {
    code: Type.String({ description: 'Short unique code, e.g. SFP-MF-101' }),
    title: Type.String(),
    kind: StringEnum(COURSE_KINDS),
    learningObjectives: Type.Array(Type.String()),
    themes: Type.Array(StringEnum(THEMES)),
    audiences: Type.Array(StringEnum(TRAINING_AUDIENCES)),
    durationHours: Type.Number({ exclusiveMinimum: 0 }),
    priorityArea: StringEnum(PRIORITY_AREAS),
    languages: Type.Array(StringEnum(TRAINING_LANGUAGES, { description: 'ISO 639-1' })),
    owner: Type.String({ description: 'The user who owns the course' }),
    supervisorApprovalRequired: Type.Boolean({
      description: 'Staff enrolments wait for their supervisor’s approval',
    }),
    completionRule: Type.Object({
      minAttendancePercent: Percent('Share of the session days attended, in per cent'),
      minPostTestScore: Type.Optional(Percent('Post-test score in per cent; absent: no test')),
    }),
  },
  { title: 'TrainingCourseDefinition' },
);

/** One course of the catalogue (GET /courses). */
export const CourseEntrySchema = Type.Object(
  {
    courseId: Type.String(),
    code: Type.String(),
    title: Type.String(),
    kind: StringEnum(COURSE_KINDS),
    status: StringEnum(COURSE_STATUSES),
    revision: Type.Integer({ minimum: 1, description: 'The current revision' }),
    themes: Type.Array(StringEnum(THEMES)),
    audiences: Type.Array(StringEnum(TRAINING_AUDIENCES)),
    priorityArea: StringEnum(PRIORITY_AREAS),
    languages: Type.Array(StringEnum(TRAINING_LANGUAGES)),
    durationHours: Type.Number({ exclusiveMinimum: 0 }),
    owner: Type.String(),
    supervisorApprovalRequired: Type.Boolean(),
    createdAt: IsoDateTime(),
    updatedAt: IsoDateTime('The last change'),
    publishedAt: Type.Optional(IsoDateTime('First published')),
    retiredAt: Type.Optional(IsoDateTime()),
  },
  { title: 'TrainingCourseEntry' },
);

export const CoursePageSchema = PageOf(CourseEntrySchema, 'TrainingCoursePage');

/** The columns of the catalogue's CSV, in order. */
export const COURSE_CSV_COLUMNS: CsvColumn<CourseEntry>[] = [
  { header: 'courseId', value: (c) => c.courseId },
  { header: 'code', value: (c) => c.code },
  { header: 'title', value: (c) => c.title },
  { header: 'kind', value: (c) => c.kind },
  { header: 'status', value: (c) => c.status },
  { header: 'revision', value: (c) => c.revision },
  { header: 'themes', value: (c) => c.themes },
  { header: 'audiences', value: (c) => c.audiences },
  { header: 'priorityArea', value: (c) => c.priorityArea },
  { header: 'languages', value: (c) => c.languages },
  { header: 'durationHours', value: (c) => c.durationHours },
  { header: 'owner', value: (c) => c.owner },
  { header: 'createdAt', value: (c) => c.createdAt },
  { header: 'publishedAt', value: (c) => c.publishedAt },
  { header: 'retiredAt', value: (c) => c.retiredAt },
];

export const CourseCsvSchema = CsvFile(
  `CSV with the header line ${COURSE_CSV_COLUMNS.map((c) => c.header).join(',')}, then one line per course (lists joined by "; ")`,
);
export const COURSE_CSV_HEADERS = csvHeadersOf('training-courses.csv', { paged: true });

const CourseRevisionSchema = Type.Object(
  {
    revision: Type.Integer({ minimum: 1 }),
    course: CourseDefinitionSchema,
    reason: Type.Optional(Type.String({ description: 'Why it was last edited' })),
    writtenBy: Type.String(),
    writtenAt: IsoDateTime(),
    publishedAt: Type.Optional(
      IsoDateTime(
        'When it became the revision offerings are planned from (published, or revised while published)',
      ),
    ),
  },
  { title: 'TrainingCourseRevision' },
);

/** GET /courses/{id}: the course from its stream, with every revision. */
export const CourseDetailSchema = Type.Object(
  {
    courseId: Type.String(),
    streamVersion: Type.Integer({ minimum: 1, description: 'The course’s version: its ETag' }),
    status: StringEnum(COURSE_STATUSES),
    revision: Type.Integer({ minimum: 1, description: 'The current revision' }),
    course: CourseDefinitionSchema,
    createdBy: Type.String(),
    createdAt: IsoDateTime(),
    retirement: Type.Optional(
      Type.Object({ reason: Type.String(), retiredBy: Type.String(), retiredAt: IsoDateTime() }),
    ),
    revisions: Type.Array(CourseRevisionSchema, {
      description: 'Oldest first; a draft edited in place keeps its revision',
    }),
  },
  { title: 'TrainingCourseDetail' },
);

// The schemas describe the types the code answers with, and nothing else.
sameShape<Static<typeof CourseDefinitionSchema>, CourseDefinition>(true);
sameShape<Static<typeof CourseEntrySchema>, CourseEntry>(true);
sameShape<Static<typeof CourseRevisionSchema>, CourseRevisionEntry>(true);
sameShape<Static<typeof CourseDetailSchema>, CourseDetail>(true);
