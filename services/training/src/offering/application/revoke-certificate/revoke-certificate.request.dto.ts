import { Text } from '@sfp/service-kit/body-fields';

export class RevokeCertificateDto {
  @Text(1, 1000, { example: 'Attendance sheet of 10 March found falsified' })
  reason!: string;
}
