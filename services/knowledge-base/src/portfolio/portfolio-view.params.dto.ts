import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** The programme whose portfolio is read: `/portfolios/{programme}`. */
export class ProgrammeParams {
  @ApiProperty({ example: 'sfp-youth-employment', description: 'A programme id' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, {
    message: 'programme must be a lower-case id (letters, digits, -)',
  })
  programme!: string;
}
