import {
  COURSE_KINDS,
  COURSE_STATUSES,
  PRIORITY_AREAS,
  THEMES,
  TRAINING_AUDIENCES,
  TRAINING_LANGUAGES,
  type CourseKind,
  type CourseStatus,
  type PriorityArea,
  type Theme,
  type TrainingAudience,
  type TrainingLanguage,
} from '@sfp/contracts';
import type { ReadModelFilter } from '@sfp/projections';
import { OneOrMoreOf, OptionalOneOf, PagedQueryDto } from '@sfp/service-kit/query-fields';
import { audienceFlag, languageFlag, themeFlag } from './course-entry';

export const COURSE_SORTS = [
  'code',
  '-code',
  'title',
  '-title',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

/** Filters, sort and page of the course catalogue. */
export class CourseCatalogueQueryDto extends PagedQueryDto {
  @OneOrMoreOf(COURSE_KINDS, 'One or more, comma-separated')
  kind?: CourseKind[];

  @OneOrMoreOf(COURSE_STATUSES, 'One or more, comma-separated')
  status?: CourseStatus[];

  @OptionalOneOf(THEMES, { description: 'Courses with this theme' })
  theme?: Theme;

  @OneOrMoreOf(PRIORITY_AREAS, 'One or more, comma-separated')
  priorityArea?: PriorityArea[];

  @OptionalOneOf(TRAINING_AUDIENCES, { description: 'Courses for this audience' })
  audience?: TrainingAudience;

  @OptionalOneOf(TRAINING_LANGUAGES, { description: 'Courses given in this language (ISO 639-1)' })
  language?: TrainingLanguage;

  @OptionalOneOf(COURSE_SORTS, { default: 'code' })
  sort?: CourseSort;
}

/** The read-model filter of a catalogue query (declared fields only). */
export function courseCatalogueFilter(query: CourseCatalogueQueryDto): ReadModelFilter {
  const filter: ReadModelFilter = {};
  if (query.kind?.length) filter['kind'] = { in: query.kind };
  if (query.status?.length) filter['status'] = { in: query.status };
  if (query.priorityArea?.length) filter['priorityArea'] = { in: query.priorityArea };
  if (query.theme) filter[themeFlag(query.theme)] = true;
  if (query.audience) filter[audienceFlag(query.audience)] = true;
  if (query.language) filter[languageFlag(query.language)] = true;
  return filter;
}

export function courseSortOf(sort: CourseSort = 'code'): {
  field: string;
  direction: 'asc' | 'desc';
} {
  return { field: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' };
}
