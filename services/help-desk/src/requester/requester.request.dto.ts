import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalText, Text, WholeNumber } from '@sfp/service-kit/body-fields';

/** The path of the requester's routes: their signed link. */
export class RequesterTokenParams {
  @ApiProperty({
    description: 'The signed link from the requester’s mail',
    pattern: '^[A-Za-z0-9_-]{8,200}~[A-Za-z0-9_-]{43}$',
  })
  @Matches(/^[A-Za-z0-9_-]{8,200}~[A-Za-z0-9_-]{43}$/, {
    message: 'token must be the signed link of a requester’s mail',
  })
  token!: string;
}

export class RequesterReplyDto {
  @Text(1, 5_000, { example: 'Thank you: here is the figure you asked for.' })
  text!: string;
}

export class SatisfactionDto {
  @WholeNumber(1, 5, { description: '1 very dissatisfied … 5 very satisfied', example: 5 })
  rating!: number;

  @OptionalText(0, 2_000, { example: 'Clear answer, thank you' })
  comment?: string;
}
