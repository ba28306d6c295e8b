import { Text } from '@sfp/service-kit/body-fields';

export class CommentDto {
  @Text(1, 5_000, { example: 'Called the requester; more detail to follow' })
  text!: string;
}
