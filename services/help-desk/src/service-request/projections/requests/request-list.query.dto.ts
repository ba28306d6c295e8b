import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '@sfp/projections';
import { OptionalOneOf, OptionalText, stacked } from '@sfp/service-kit/body-fields';
import {
  ESCALATION_REASONS,
  ORIGINS,
  PRIORITIES,
  REGIONS,
  REQUEST_KINDS,
  REQUEST_SORTS,
  REQUEST_STATUSES,
  SLA_STATUSES,
  THEMES,
  type RequestSort,
  type RequestStatus,
  type SlaStatus,
  type EscalationReason,
} from '@sfp/contracts';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
/** `status=a,b` or `status=a&status=b`; an empty value stays, and is refused as none of the values. */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim());
/** Digits only become a number; anything else ('', '1.5', '1e3', '0x10') stays text, which the rules refuse. */
const toWholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
/** A calendar date, or a UTC time of it to the minute, second or fraction of a second: what the filter can read. */
const ISO_DATE_OR_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?Z)?$/;

/** An optional query parameter, documented by `api` and checked by `rules`. */
function OptionalParameter(
  api: ApiPropertyOptions,
  ...rules: PropertyDecorator[]
): PropertyDecorator {
  return stacked(ApiPropertyOptional(api), IsOptional(), ...rules);
}

/** One or more of `values`, comma-separated or repeated. */
function OneOrMoreOf(values: readonly string[], api: ApiPropertyOptions = {}): PropertyDecorator {
  return OptionalParameter(
    { enum: values, isArray: true, ...api },
    Transform(toList),
    ArrayMaxSize(values.length),
    IsIn(values, { each: true }),
  );
}

/** `true` or `false`. */
function Flag(description: string): PropertyDecorator {
  return OptionalParameter({ description }, Transform(toBoolean), IsBoolean());
}

/** An ISO date (`2026-03-01`) or time (`2026-03-01T09:00:00Z`) bounding the submission time. */
function SubmittedBound(description: string): PropertyDecorator {
  return OptionalParameter(
    { description },
    Matches(ISO_DATE_OR_TIME, {
      message: '$property must be an ISO date (2026-03-01) or UTC time (2026-03-01T09:00:00Z)',
    }),
  );
}

/** A whole number from `min` (up to `max`), e.g. a page size or an event position. */
function WholeNumber(api: ApiPropertyOptions, min: number, max?: number): PropertyDecorator {
  return OptionalParameter(
    api,
    Transform(toWholeNumber),
    IsInt(),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );
}

/** Filters, sort and page of the request list. Every value is checked; nothing reaches the store unchecked. */
export class RequestListQueryDto {
  @OneOrMoreOf(REQUEST_STATUSES, { description: 'One or more, comma-separated' })
  status?: RequestStatus[];

  @Flag('true: active requests only; false: resolved, closed or cancelled')
  open?: boolean;

  @OptionalText(1, 100)
  assignee?: string;

  @Flag('true: only requests nobody is assigned to')
  unassigned?: boolean;

  @OneOrMoreOf(PRIORITIES)
  priority?: string[];

  @OneOrMoreOf(REQUEST_KINDS)
  kind?: string[];

  @OneOrMoreOf(REGIONS)
  region?: string[];

  @OptionalParameter({ example: 'SN' }, Matches(/^[A-Z]{2}$/))
  country?: string;

  @OptionalOneOf(ORIGINS)
  origin?: string;

  @OptionalOneOf(THEMES)
  theme?: string;

  @OptionalOneOf(SLA_STATUSES, {
    description: 'Against the current time: due-soon = due within 24 h',
  })
  sla?: SlaStatus;

  @OptionalOneOf(ESCALATION_REASONS, {
    description:
      'Escalated to the team lead in the current SLA span: approaching its breach, or breached',
  })
  escalation?: EscalationReason;

  @SubmittedBound('Submitted on or after (ISO date or time)')
  from?: string;

  @SubmittedBound('Submitted before (ISO date or time)')
  to?: string;

  @OptionalOneOf(REQUEST_SORTS, { default: '-submittedAt' })
  sort?: RequestSort;

  @WholeNumber({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 }, 1, MAX_PAGE_SIZE)
  limit?: number;

  @OptionalText(1, 2_000, { description: 'nextCursor of the previous page' })
  cursor?: string;

  @WholeNumber(
    {
      description:
        'Read your writes: wait (up to 5 s) until the list has applied this position (from a command response)',
    },
    0,
  )
  minPosition?: number;

  @OptionalOneOf(['json', 'csv'], { default: 'json' })
  format?: 'json' | 'csv';
}

/** Filters of the statistics: the same as the list's, without sort and page. */
export class RequestStatisticsQueryDto {
  @OneOrMoreOf(REQUEST_KINDS)
  kind?: string[];

  @OneOrMoreOf(REGIONS)
  region?: string[];

  @OptionalOneOf(THEMES)
  theme?: string;

  @SubmittedBound('Submitted on or after (ISO date)')
  from?: string;

  @SubmittedBound('Submitted before (ISO date)')
  to?: string;

  @WholeNumber({}, 0)
  minPosition?: number;
}
