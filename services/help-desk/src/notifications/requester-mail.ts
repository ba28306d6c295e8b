import type { RequesterNotificationKind } from './requester-notification.events';

/** What the requester reads: a subject and a plain-text body with their link. */
export interface RequesterMail {
  subject: string;
  text: string;
}

/** The mail of each notification, in plain words, with the signed link to the requester's page. */
export function requesterMail(input: {
  kind: RequesterNotificationKind;
  requestTitle: string;
  requesterName: string;
  link: string;
  /** The public reply, or the resolution's answer. */
  message?: string;
  linkDays: number;
}): RequesterMail {
  const { kind, requestTitle, requesterName, link, message, linkDays } = input;
  const greeting = `Dear ${requesterName},`;
  const footer =
    `Follow your request, read the whole conversation and reply here:\n${link}\n\n` +
    `This link is personal and works for ${linkDays} days.\n\nSFP Help Desk`;
  switch (kind) {
    case 'received':
      return {
        subject: `We received your request: ${requestTitle}`,
        text: `${greeting}\n\nWe received your request "${requestTitle}". We will come back to you.\n\n${footer}`,
      };
    case 'replied':
      return {
        subject: `New reply to your request: ${requestTitle}`,
        text: `${greeting}\n\nThe help desk replied to your request "${requestTitle}":\n\n${message ?? ''}\n\n${footer}`,
      };
    case 'resolved':
      return {
        subject: `Your request is resolved: ${requestTitle}`,
        text:
          `${greeting}\n\nYour request "${requestTitle}" is resolved:\n\n${message ?? ''}\n\n` +
          `Please tell us how satisfied you are, on the same page.\n\n${footer}`,
      };
  }
}
