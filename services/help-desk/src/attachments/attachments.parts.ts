import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import {
  PERSONAL_DATA_ERASURE_FOLLOW_UP,
  STORE_LOCATION,
  type PersonalDataErasureFollowUp,
  type StoreLocation,
} from '@sfp/service-kit';
import { AttachmentsController } from './application/attachments.http.controller';
import { RequestAttachments } from './application/request-attachments';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './storage/attachment-storage.port';
import { FileSystemAttachmentStorage } from './storage/file-system.attachment-storage';
import { MongoAttachmentStorage } from './storage/mongodb.attachment-storage';

/** The attachment storage where the help desk's stores are: files under its folder, or its MongoDB database. */
export function attachmentStorageAt(location: StoreLocation): AttachmentStorage {
  return location.mode === 'embedded'
    ? new FileSystemAttachmentStorage(join(location.dir, 'attachments'))
    : new MongoAttachmentStorage({ connection: location.connection });
}

/** Attachments' routes. */
export const ATTACHMENT_CONTROLLERS = [AttachmentsController];

/** Attachments' storage and use cases, and the removal of files with a requester's personal data. */
export const ATTACHMENT_PROVIDERS: Provider[] = [
  { provide: ATTACHMENT_STORAGE, useFactory: attachmentStorageAt, inject: [STORE_LOCATION] },
  RequestAttachments,
  {
    provide: PERSONAL_DATA_ERASURE_FOLLOW_UP,
    useFactory: (attachments: RequestAttachments): PersonalDataErasureFollowUp => ({
      afterErasure: async (personId) => void (await attachments.eraseFilesOf(personId)),
    }),
    inject: [RequestAttachments],
  },
];
