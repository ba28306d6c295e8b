import type { RecordedEvent } from '@sfp/event-sourcing';
import type { AttachmentAddedData, AttachmentEvent } from '../domain/attachment.events';

/** An attachment as the API shows it (its name reads "[erased]" once the requester's data was erased). */
export interface AttachmentView {
  attachmentId: string;
  requestId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
  /** Its bytes were removed with the requester's personal data. */
  erased: boolean;
}

/** The attachments of a request from its attachments stream, oldest first. */
export function attachmentsOf(recorded: readonly RecordedEvent[]): AttachmentView[] {
  const views: AttachmentView[] = [];
  for (const r of recorded) {
    const event = { type: r.type, data: r.data } as AttachmentEvent;
    if (event.type === 'help-desk.AttachmentAdded') {
      views.push({ ...viewOf(event.data), erased: false });
    } else if (event.type === 'help-desk.AttachmentsErased') {
      const erased = new Set(event.data.attachmentIds);
      for (const view of views) if (erased.has(view.attachmentId)) view.erased = true;
    }
  }
  return views;
}

function viewOf(data: AttachmentAddedData): Omit<AttachmentView, 'erased'> {
  return {
    attachmentId: data.attachmentId,
    requestId: data.requestId,
    filename: data.filename,
    contentType: data.contentType,
    size: data.size,
    sha256: data.sha256,
    addedBy: data.addedBy,
    addedAt: data.addedAt,
  };
}
