import {
  MinPosition,
  OptionalOneOf,
  PageCursor,
  PageSize,
} from '../../offering/projections/query-fields';
import { PROGRAMME_SCOPE_KINDS, type ProgrammeScopeKind } from '../domain/programme.targets';

/** Filters and page of the programme list. */
export class ProgrammeListQueryDto {
  @OptionalOneOf(['active', 'closed'], { description: 'active or closed' })
  status?: 'active' | 'closed';

  @OptionalOneOf(PROGRAMME_SCOPE_KINDS, { description: 'organisation, country or region' })
  scopeKind?: ProgrammeScopeKind;

  @MinPosition()
  minPosition?: number;

  @PageSize()
  limit?: number;

  @PageCursor()
  cursor?: string;
}
