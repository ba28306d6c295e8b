import { ApiProperty } from '@nestjs/swagger';
import { Length, Matches } from 'class-validator';
import {
  DELIVERY_CHANNELS,
  FINANCIAL_INSTRUMENTS,
  PROPOSAL_STATUSES,
  TOOL_KINDS,
  type DeliveryChannel,
  type FinancialInstrument,
  type ProposalStatus,
  type ToolKind,
} from '@sfp/contracts';
import { OptionalText } from '@sfp/service-kit/body-fields';
import {
  CountryFilter,
  DateBound,
  OneOrMoreOf,
  OptionalOneOf,
  PagedQueryDto,
  ViewQueryDto,
  WholeNumber,
} from '@sfp/service-kit/query-fields';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** The path of a read of one proposal (`/proposals/{id}…`). */
export class ProposalIdParams {
  @ApiProperty({ description: 'The proposal’s id (as its submission answered)' })
  @Length(1, 100)
  @Matches(ID, { message: 'id must be a proposal id (letters, digits, - _ . :)' })
  id!: string;
}

/** The path of GET /partners/{institutionId}. */
export class PartnerIdParams {
  @ApiProperty({ description: 'The knowledge base’s id of the institution' })
  @Length(1, 100)
  @Matches(ID, { message: 'institutionId must be an institution id (letters, digits, - _ . :)' })
  institutionId!: string;
}

export const NO_SUCH_PROPOSAL = 'No such proposal (code PROPOSAL_NOT_FOUND)';
export const NO_SUCH_VERSION = 'No such version of the proposal (code PROPOSAL_VERSION_NOT_FOUND)';
export const NO_SUCH_PARTNER =
  'No institution known to quality monitoring by this id (code PARTNER_NOT_FOUND)';

const Text = (description: string, example: string) =>
  OptionalText(1, 200, { description, example });

/** GET /proposals: the review queue's filters and page (oldest submission first). */
export class ProposalListQueryDto extends PagedQueryDto {
  @OneOrMoreOf(PROPOSAL_STATUSES, 'One or more, comma-separated')
  status?: ProposalStatus[];

  @Text('Of this department', 'Social Finance Programme')
  department?: string;

  @OptionalOneOf(FINANCIAL_INSTRUMENTS, { description: 'With this financial instrument' })
  instrument?: FinancialInstrument;

  @OptionalOneOf(DELIVERY_CHANNELS, { description: 'Delivered through this channel' })
  channel?: DeliveryChannel;

  @CountryFilter()
  country?: string;

  @Text('Reviewed (in the current review) by this user', 'amina.diallo')
  reviewer?: string;

  @OptionalOneOf(['true', 'false'], { description: 'Decided (or withdrawn), or still open' })
  decided?: 'true' | 'false';

  @Text('Words of the title, all of them', 'guarantee')
  q?: string;
}

/** GET /proposals/{id}/diff: two versions (default: the current one and the one before it). */
export class ProposalDiffQueryDto extends ViewQueryDto {
  @WholeNumber({ description: 'The earlier version (default: the one before `to`)', example: 1 }, 1)
  from?: number;

  @WholeNumber({ description: 'The later version (default: the current one)', example: 2 }, 1)
  to?: number;
}

/** GET /tools: the intervention tools known, by kind, owner and whether active. */
export class ToolListQueryDto extends PagedQueryDto {
  @OptionalOneOf(TOOL_KINDS, { description: 'Of this kind' })
  kind?: ToolKind;

  @OptionalOneOf(['training', 'innovation-research', 'knowledge-base'], {
    description: 'Owned by this context',
  })
  context?: string;

  @OptionalOneOf(['true', 'false'], { description: 'Active (suggested) or not' })
  active?: 'true' | 'false';
}

/** GET /reports/*: the decisions (or approvals, or links) of a period and, some, of a department. */
export class QualityReportQueryDto extends ViewQueryDto {
  @DateBound('Decided (or accepted) on or after this date')
  from?: string;

  @DateBound('Decided (or accepted) before this date')
  to?: string;

  @Text('Of this department', 'Social Finance Programme')
  department?: string;

  @OptionalOneOf(FINANCIAL_INSTRUMENTS, { description: 'With this financial instrument' })
  instrument?: FinancialInstrument;
}
