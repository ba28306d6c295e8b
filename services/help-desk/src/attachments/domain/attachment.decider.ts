import type { Decider } from '@sfp/event-sourcing/domain';
import { AttachmentAdded, AttachmentsErased, type AttachmentEvent } from './attachment.events';

/** Every command carries its time; the domain reads no clock. */
export interface AddAttachment {
  type: 'AddAttachment';
  requestId: string;
  attachmentId: string;
  requesterId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  by: string;
  at: string;
}

/** From the erasure of the requester's personal data: every file of the request goes. */
export interface EraseAttachments {
  type: 'EraseAttachments';
  requestId: string;
  at: string;
}

export type AttachmentCommand = AddAttachment | EraseAttachments;

export interface RequestAttachment {
  attachmentId: string;
  sha256: string;
  erased: boolean;
}

/** The files of one request (no personal data in state). */
export interface AttachmentsState {
  attachments: RequestAttachment[];
}

/** The files of a request, one stream per request (`request-attachments-<requestId>`). */
export const attachmentsDecider: Decider<AttachmentsState, AttachmentCommand, AttachmentEvent> = {
  initialState: () => ({ attachments: [] }),
  decide,
  evolve,
};

function decide(command: AttachmentCommand, state: AttachmentsState): AttachmentEvent[] {
  switch (command.type) {
    case 'AddAttachment': {
      // The same attachment id again (a retried upload) records nothing.
      if (state.attachments.some((a) => a.attachmentId === command.attachmentId)) return [];
      const { type: _type, by, at, ...data } = command;
      return [AttachmentAdded.of({ ...data, addedBy: by, addedAt: at })];
    }
    case 'EraseAttachments': {
      const attachmentIds = state.attachments.filter((a) => !a.erased).map((a) => a.attachmentId);
      if (attachmentIds.length === 0) return [];
      return [
        AttachmentsErased.of({ requestId: command.requestId, attachmentIds, erasedAt: command.at }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: AttachmentsState, event: AttachmentEvent): AttachmentsState {
  switch (event.type) {
    case 'help-desk.AttachmentAdded':
      return {
        attachments: [
          ...state.attachments,
          { attachmentId: event.data.attachmentId, sha256: event.data.sha256, erased: false },
        ],
      };
    case 'help-desk.AttachmentsErased': {
      const erased = new Set(event.data.attachmentIds);
      return {
        attachments: state.attachments.map((a) =>
          erased.has(a.attachmentId) ? { ...a, erased: true } : a,
        ),
      };
    }
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
