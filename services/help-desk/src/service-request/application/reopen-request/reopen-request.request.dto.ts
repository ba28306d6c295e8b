import { Text } from '@sfp/service-kit/body-fields';

/** A reason given for a step (reopening; cancelling adds who cancels). */
export class RequestReasonDto {
  @Text(1, 2_000, { example: 'The answer did not cover the youth component' })
  reason!: string;
}
