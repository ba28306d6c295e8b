import { MinPosition } from '@sfp/service-kit/query-fields';

/** A tool's linked proposals: read once the view has applied this position (a link just accepted). */
export class LinkedProposalsQueryDto {
  @MinPosition()
  minPosition?: number;
}
