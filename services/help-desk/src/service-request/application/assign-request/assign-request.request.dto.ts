import { Text } from '@sfp/service-kit/body-fields';

export class AssignRequestDto {
  @Text(1, 100, {
    example: 'staff-jkamau',
    description: 'The staff member who will handle the request',
  })
  assignee!: string;
}
