import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { WithdrawProposalDto } from '../withdraw-proposal/withdraw-proposal.request.dto';
import { ResubmitProposalDto } from '../resubmit-proposal/resubmit-proposal.request.dto';

// A message on an existing proposal: the HTTP body plus the proposal's id.
export class ResubmitProposalMessageDto extends ResubmitProposalDto {
  @ApiProperty({ description: 'The proposal’s id, as its submission’s outcome gave it' })
  @IsUUID('4')
  proposalId!: string;
}

export class WithdrawProposalMessageDto extends WithdrawProposalDto {
  @ApiProperty({ description: 'The proposal’s id, as its submission’s outcome gave it' })
  @IsUUID('4')
  proposalId!: string;
}
