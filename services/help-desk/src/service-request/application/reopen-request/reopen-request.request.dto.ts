import { Text } from '../../../http/field-decorators';

/** A reason given for a step (reopening; cancelling adds who cancels). */
export class RequestReasonDto {
  @Text(1, 2_000, { example: 'The answer did not cover the youth component' })
  reason!: string;
}
