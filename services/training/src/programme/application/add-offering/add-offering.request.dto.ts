import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AddOfferingToProgrammeDto {
  @ApiProperty({ description: 'The offering (a version 4 UUID, as its planning answered)' })
  @IsUUID('4')
  offeringId!: string;
}
