import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of a route on one proposal (`/proposals/{id}…`): its id, a version 4 UUID (else 400). */
export class ProposalIdParams {
  @ApiProperty({ description: 'The proposal’s id (a version 4 UUID, as its submission answered)' })
  @IsUUID('4')
  id!: string;
}

export const NO_SUCH_PROPOSAL = 'No such proposal (code PROPOSAL_NOT_FOUND)';
