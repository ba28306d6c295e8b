import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { Text } from '@sfp/service-kit/body-fields';
import { ProposalDefinitionDto } from '../proposal-definition.dto';

export class ResubmitProposalDto {
  @ApiProperty({ type: ProposalDefinitionDto, description: 'The whole proposal, as revised' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ProposalDefinitionDto)
  proposal!: ProposalDefinitionDto;

  @Text(3, 2000, {
    example: 'Lending goes through the partner bank; an exit strategy and gender targets added',
  })
  changeNote!: string;
}
