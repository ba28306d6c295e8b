import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of a route on one programme (`/programmes/{id}…`). */
export class ProgrammeIdParams {
  @ApiProperty({ description: 'The programme’s id (a version 4 UUID, as its launch answered)' })
  @IsUUID('4')
  id!: string;
}

export const NO_SUCH_PROGRAMME = 'No such programme (code PROGRAMME_NOT_FOUND)';
