import { Text } from '@sfp/service-kit/body-fields';

/** Why an enrolment is declined or withdrawn. */
export class EnrolmentReasonDto {
  @Text(1, 1000, { example: 'Mission to Kisumu in the week of the course' })
  reason!: string;
}
