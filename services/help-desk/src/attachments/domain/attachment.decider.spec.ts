import { deciderSpec } from '@sfp/event-sourcing/testing';
import { attachmentsDecider, type AddAttachment } from './attachment.decider';
import { AttachmentAdded, AttachmentsErased } from './attachment.events';

const spec = deciderSpec(attachmentsDecider);
const requestId = '0b6a1c1e-3f0a-4d4e-9a55-6a1f3c9d2b10';
const add = (attachmentId: string, sha256: string): AddAttachment => ({
  type: 'AddAttachment',
  requestId,
  attachmentId,
  requesterId: 'person-1',
  filename: `${attachmentId}.pdf`,
  contentType: 'application/pdf',
  size: 42,
  sha256,
  by: 'operator-1',
  at: '2026-03-02T09:00:00.000Z',
});
const added = (command: AddAttachment) => {
  const { type: _type, by, at, ...data } = command;
  return AttachmentAdded.of({ ...data, addedBy: by, addedAt: at });
};
const first = add('a-1', 'a'.repeat(64));
const second = add('a-2', 'b'.repeat(64));
const erase = { type: 'EraseAttachments' as const, requestId, at: '2026-04-01T10:00:00.000Z' };

describe('the attachments of a request', () => {
  it('records a file with its hash, size and type, and who added it when', () => {
    spec
      .given([])
      .when(first)
      .then([added(first)]);
  });

  it('records nothing for the same attachment again (a retried upload)', () => {
    spec
      .given([added(first)])
      .when(first)
      .then([]);
  });

  it('erases every file not yet erased, once', () => {
    spec
      .given([added(first), added(second)])
      .when(erase)
      .then([
        AttachmentsErased.of({ requestId, attachmentIds: ['a-1', 'a-2'], erasedAt: erase.at }),
      ]);
    spec
      .given([
        added(first),
        AttachmentsErased.of({ requestId, attachmentIds: ['a-1'], erasedAt: erase.at }),
        added(second),
      ])
      .when(erase)
      .then([AttachmentsErased.of({ requestId, attachmentIds: ['a-2'], erasedAt: erase.at })]);
    spec
      .given([
        added(first),
        AttachmentsErased.of({ requestId, attachmentIds: ['a-1'], erasedAt: erase.at }),
      ])
      .when(erase)
      .then([]);
  });

  it('has nothing to erase on a request without files', () => {
    spec.given([]).when(erase).then([]);
  });
});
