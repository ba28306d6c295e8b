import { Text } from '../../../http/field-decorators';

export class RevokeCertificateDto {
  @Text(1, 1000, { example: 'Attendance sheet of 10 March found falsified' })
  reason!: string;
}
