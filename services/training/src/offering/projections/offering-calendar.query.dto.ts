import {
  COURSE_KINDS,
  OFFERING_STATUSES,
  REGIONS,
  TRAINING_LANGUAGES,
  type CourseKind,
  type OfferingStatus,
  type Region,
  type TrainingLanguage,
} from '@sfp/contracts';
import type { ReadModelFilter } from '@sfp/projections';
import {
  CountryFilter,
  DateBound,
  OneOrMoreOf,
  Format,
  MinPosition,
  OptionalOneOf,
  PageCursor,
  Optional,
  PageSize,
} from '@sfp/service-kit/query-fields';
import { IsUUID } from 'class-validator';

export const OFFERING_SORTS = ['startsOn', '-startsOn', 'endsOn', '-endsOn'] as const;
export type OfferingSort = (typeof OFFERING_SORTS)[number];

/** The offerings of one course: its id (a version 4 UUID). */
function OptionalCourseId(): PropertyDecorator {
  return Optional({ description: 'Offerings of this course only (its id)' }, IsUUID('4'));
}

/** What selects offerings, in the calendar and in the statistics. */
export class OfferingSelectionDto {
  @OptionalCourseId()
  courseId?: string;

  @OneOrMoreOf(REGIONS, 'One or more, comma-separated')
  region?: Region[];

  @CountryFilter()
  country?: string;

  @OneOrMoreOf(TRAINING_LANGUAGES, 'One or more (ISO 639-1), comma-separated')
  language?: TrainingLanguage[];

  @OneOrMoreOf(COURSE_KINDS, 'One or more, comma-separated')
  courseKind?: CourseKind[];

  @DateBound('Offerings ending on or after this date (YYYY-MM-DD)')
  from?: string;

  @DateBound('Offerings starting on or before this date (YYYY-MM-DD)')
  to?: string;

  @MinPosition()
  minPosition?: number;

  @Format()
  format?: 'json' | 'csv';
}

/** Filters, sort and page of the calendar. */
export class OfferingCalendarQueryDto extends OfferingSelectionDto {
  @OneOrMoreOf(OFFERING_STATUSES, 'One or more, comma-separated')
  status?: OfferingStatus[];

  @OptionalOneOf(OFFERING_SORTS, { default: 'startsOn' })
  sort?: OfferingSort;

  @PageSize()
  limit?: number;

  @PageCursor()
  cursor?: string;
}

/** The read-model filter of offerings: the calendar's, or the statistics' (declared fields only). */
export function offeringFilter(
  query: OfferingSelectionDto & { status?: OfferingStatus[] },
): ReadModelFilter {
  const filter: ReadModelFilter = {};
  if (query.courseId) filter['courseId'] = query.courseId;
  if (query.region?.length) filter['region'] = { in: query.region };
  if (query.country) filter['country'] = query.country;
  if (query.language?.length) filter['language'] = { in: query.language };
  if (query.courseKind?.length) filter['courseKind'] = { in: query.courseKind };
  if (query.status?.length) filter['status'] = { in: query.status };
  // An offering is in the range when its dates meet it.
  if (query.from) filter['endsOn'] = { gte: query.from };
  if (query.to) filter['startsOn'] = { lte: query.to };
  return filter;
}

export function offeringSortOf(sort: OfferingSort = 'startsOn'): {
  field: string;
  direction: 'asc' | 'desc';
} {
  return { field: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' };
}
