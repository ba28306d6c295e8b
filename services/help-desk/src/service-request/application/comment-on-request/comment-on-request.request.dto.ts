import { Text } from '../../../http/field-decorators';

export class CommentDto {
  @Text(1, 5_000, { example: 'Called the requester; more detail to follow' })
  text!: string;
}
