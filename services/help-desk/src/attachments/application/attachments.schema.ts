import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, type MutuallyAssignable } from '../../http/schema-helpers';
import type { AttachmentView } from './attachment.view';

/** An attachment of a request (GET /service-requests/{id}/attachments, and the upload's answer). */
export const AttachmentSchema = Type.Object(
  {
    attachmentId: Type.String({ format: 'uuid' }),
    requestId: Type.String({ format: 'uuid' }),
    filename: Type.String({
      description:
        'The file’s name. Personal data: reads "[erased]" once the requester’s data was erased',
    }),
    contentType: Type.String({ description: 'The type its content was recognised as' }),
    size: Type.Integer({ minimum: 0, description: 'Bytes' }),
    sha256: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'Hex SHA-256 of the content, as its AttachmentAdded event recorded it',
    }),
    addedBy: Type.String(),
    addedAt: IsoDateTime(),
    erased: Type.Boolean({
      description:
        'Its bytes were removed with the requester’s personal data (a download answers 410)',
    }),
  },
  { title: 'HelpDeskAttachment' },
);

export const AttachmentListSchema = Type.Array(AttachmentSchema, {
  title: 'HelpDeskAttachments',
  description: 'The request’s files, oldest first',
});

const matches: MutuallyAssignable<Static<typeof AttachmentSchema>, AttachmentView> = true;
void matches;
