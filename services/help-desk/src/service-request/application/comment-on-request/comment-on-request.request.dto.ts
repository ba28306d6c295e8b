import { OptionalOneOf, Text } from '@sfp/service-kit/body-fields';

export class CommentDto {
  @Text(1, 5_000, { example: 'Called the requester; more detail to follow' })
  text!: string;

  /** public: a reply the requester reads and is mailed; internal (the default): a note for staff only. */
  @OptionalOneOf(['public', 'internal'], {
    description:
      'public: a reply to the requester (mailed to them, shown on their page); internal (default): a note for staff only',
    example: 'internal',
  })
  visibility?: 'public' | 'internal';
}
