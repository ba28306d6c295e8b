import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { Text } from '@sfp/service-kit/body-fields';
import { ResearchProjectDefinitionDto } from '../project-definition.dto';

export class ReviseResearchProjectDto {
  @ApiProperty({ type: ResearchProjectDefinitionDto, description: 'The whole project, as revised' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ResearchProjectDefinitionDto)
  project!: ResearchProjectDefinitionDto;

  @Text(1, 1000, { example: 'A second partner bank joins the pilot' })
  reason!: string;
}
