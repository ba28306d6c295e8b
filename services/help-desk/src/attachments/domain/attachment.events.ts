import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/**
 * A file added to a request. The bytes stay outside the event log (the
 * attachment storage, by their SHA-256); the event carries their hash, so a
 * download is checked against what was recorded. The file's name is personal
 * data of the request's requester: it reads "[erased]" once their data is erased.
 */
export interface AttachmentAddedData {
  requestId: string;
  attachmentId: string;
  /** The pseudonymous id of the request's requester (whose erasure removes the file). */
  requesterId: string;
  filename: string;
  /** The type its content was recognised as (sniffed, not as the uploader declared it). */
  contentType: string;
  /** Bytes. */
  size: number;
  /** Hex SHA-256 of the content: its key in the attachment storage. */
  sha256: string;
  addedBy: string;
  addedAt: string;
}

export class AttachmentAdded extends defineEventType<AttachmentAddedData>()({
  type: 'help-desk.AttachmentAdded',
  schemaVersion: 1,
  personalData: { subjectIdPath: 'requesterId', fields: ['filename'] },
}) {}

/** The request's files removed with its requester's personal data: their bytes are gone. */
export interface AttachmentsErasedData {
  requestId: string;
  attachmentIds: string[];
  erasedAt: string;
}

export class AttachmentsErased extends defineEventType<AttachmentsErasedData>()({
  type: 'help-desk.AttachmentsErased',
  schemaVersion: 1,
}) {}

export const ATTACHMENT_EVENT_CLASSES = [AttachmentAdded, AttachmentsErased] as const;

export type AttachmentEvent = EventOf<typeof AttachmentAdded> | EventOf<typeof AttachmentsErased>;
