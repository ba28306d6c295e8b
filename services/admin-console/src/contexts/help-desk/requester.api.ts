// The help desk's requester routes (their page behind a signed link, no
// account: every call anonymous, so an operator signed in on the same browser
// keeps their session) and the operators' Sent mail (the outbox and what the
// local SMTP sink caught), as /api/docs-json documents them.
import { queryOptions } from '@tanstack/react-query';
import type { RequestStatus } from '@sfp/contracts';
import { api, get } from '../../api/client';
import { contextApi } from '../../api/context-api';
import type { CommandResult } from './help-desk.api';

const { base: HELP_DESK, key: HELP_DESK_KEY } = contextApi('help-desk');

/** A request as its requester reads it: the public thread only. */
export interface RequesterView {
  requestId: string;
  title: string;
  status: RequestStatus;
  submittedAt: string;
  resolvedAt?: string;
  thread: Array<{
    kind: 'request' | 'reply' | 'resolution';
    from: 'requester' | 'help-desk';
    text: string;
    at: string;
  }>;
  canReply: boolean;
  canRate: boolean;
  satisfaction?: { rating: number; comment?: string; ratedAt: string };
  linkExpiresAt: string;
}

export interface SentMail {
  sink: boolean;
  caught: Array<{
    id: number;
    messageId: string | null;
    from: string;
    to: string;
    subject: string;
    text: string;
    receivedAt: string;
  }>;
  outbox: Array<{
    notificationId: string;
    requestId: string;
    kind: 'received' | 'replied' | 'resolved';
    subject: string;
    status: 'queued' | 'sent' | 'failed' | 'dropped';
    attempts: number;
    queuedAt: string;
    nextAttemptAt?: string;
    lastError?: string;
    sentAt?: string;
  }>;
}

const requesterPath = (token: string) => `${HELP_DESK}/requester/${encodeURIComponent(token)}`;

export const requesterQueries = {
  view: (token: string) =>
    queryOptions({
      queryKey: ['help-desk-requester', token],
      queryFn: async () =>
        (await api<RequesterView>(requesterPath(token), { anonymous: true })).body,
      retry: false,
    }),
  sentMail: () =>
    queryOptions({
      queryKey: [...HELP_DESK_KEY, 'sent-mail'],
      queryFn: () => get<SentMail>(`${HELP_DESK}/sent-mail`),
    }),
};

export const requesterCommands = {
  reply: async (token: string, text: string) =>
    (
      await api<CommandResult>(`${requesterPath(token)}/replies`, {
        method: 'POST',
        body: { text },
        anonymous: true,
      })
    ).body,
  rate: async (token: string, rating: number, comment: string) =>
    (
      await api<CommandResult>(`${requesterPath(token)}/satisfaction`, {
        method: 'POST',
        body: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        anonymous: true,
      })
    ).body,
};
