import {
  PROGRAMME_SCOPE_KINDS,
  PROGRAMME_STATUSES,
  type ProgrammeScopeKind,
  type ProgrammeStatus,
} from '@sfp/contracts';
import { MinPosition, OptionalOneOf, PageCursor, PageSize } from '@sfp/service-kit/query-fields';

/** Filters and page of the programme list. */
export class ProgrammeListQueryDto {
  @OptionalOneOf(PROGRAMME_STATUSES, { description: 'active or closed' })
  status?: ProgrammeStatus;

  @OptionalOneOf(PROGRAMME_SCOPE_KINDS, { description: 'organisation, country or region' })
  scopeKind?: ProgrammeScopeKind;

  @MinPosition()
  minPosition?: number;

  @PageSize()
  limit?: number;

  @PageCursor()
  cursor?: string;
}
