import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { OptionalText, stacked, Text } from '@sfp/service-kit/body-fields';

/** A tool's reference, `<kind>:<id>`, as a suggestion names it. */
function ToolRef(): PropertyDecorator {
  return stacked(
    ApiProperty({
      example: 'course:3f2c9a4e-8d1b-4c55-9e0a-2b7d6f1c8a90',
      description: 'The tool’s reference as the suggestion gives it (`<kind>:<id>`)',
    }),
    IsString(),
    Length(3, 200),
    Matches(/^(course|programme|research-project|practice-note|impact-assessment):\S+$/, {
      message: '$property must be <kind>:<id>, e.g. course:3f2c…',
    }),
  );
}

export class AcceptLinkageDto {
  @ToolRef()
  toolRef!: string;

  @OptionalText(1, 2000, { example: 'The course trains the partner’s loan officers' })
  note?: string;
}

export class DismissLinkageDto {
  @ToolRef()
  toolRef!: string;

  @Text(3, 2000, { example: 'Urban youth: the proposal is for rural women' })
  reason!: string;
}
