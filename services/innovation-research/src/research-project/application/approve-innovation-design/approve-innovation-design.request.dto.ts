import { Text } from '@sfp/service-kit/body-fields';

export class ApproveInnovationDesignDto {
  @Text(1, 2000, {
    example: 'Product terms and pricing agreed with the partner bank; ethics clearance obtained',
  })
  note!: string;
}
