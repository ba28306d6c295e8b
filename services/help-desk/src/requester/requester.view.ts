import type { RecordedEvent } from '@sfp/event-sourcing';
import { OPEN_REQUEST_STATUSES, type RequestStatus } from '@sfp/contracts';
import { buildRequestDetail } from '../service-request/projections/request-detail/request-detail.view';

/** One message of the public thread: the request itself, the help desk's public replies, the requester's own, the resolution. */
export interface RequesterThreadEntry {
  kind: 'request' | 'reply' | 'resolution';
  /** requester: written by the requester; help-desk: by the help desk. */
  from: 'requester' | 'help-desk';
  text: string;
  at: string;
}

/** A request as its requester sees it through their signed link: no internal notes, no staff names. */
export interface RequesterView {
  requestId: string;
  title: string;
  status: RequestStatus;
  submittedAt: string;
  resolvedAt?: string;
  thread: RequesterThreadEntry[];
  /** Replies are taken while the request is open or resolved. */
  canReply: boolean;
  /** The satisfaction question is asked once, after resolution. */
  canRate: boolean;
  satisfaction?: { rating: number; comment?: string; ratedAt: string };
  /** When this link stops working. */
  linkExpiresAt: string;
}

/** The statuses in which a requester may reply: the open ones, and resolved. */
const REPLYABLE: readonly RequestStatus[] = [...OPEN_REQUEST_STATUSES, 'resolved'];

/** The requester's view of a request's stream; undefined when there is no request. */
export function buildRequesterView(
  recorded: readonly RecordedEvent[],
  linkExpiresAt: Date,
): RequesterView | undefined {
  const detail = buildRequestDetail(recorded);
  if (!detail) return undefined;
  const thread: RequesterThreadEntry[] = [
    { kind: 'request', from: 'requester', text: detail.description, at: detail.submittedAt },
  ];
  for (const comment of detail.comments) {
    if (comment.visibility !== 'public') continue;
    thread.push({
      kind: 'reply',
      from: comment.fromRequester ? 'requester' : 'help-desk',
      text: comment.text,
      at: comment.commentedAt,
    });
  }
  for (const event of recorded) {
    if (event.type !== 'help-desk.ServiceRequestResolved') continue;
    const { answer, resolvedAt } = event.data as { answer: string; resolvedAt: string };
    thread.push({ kind: 'resolution', from: 'help-desk', text: answer, at: resolvedAt });
  }
  thread.sort((a, b) => a.at.localeCompare(b.at));
  const resolved = detail.status === 'resolved' || detail.status === 'closed';
  return {
    requestId: detail.requestId,
    title: detail.title,
    status: detail.status,
    submittedAt: detail.submittedAt,
    ...(detail.resolution ? { resolvedAt: detail.resolution.resolvedAt } : {}),
    thread,
    canReply: REPLYABLE.includes(detail.status),
    canRate: resolved && !detail.satisfaction,
    ...(detail.satisfaction ? { satisfaction: detail.satisfaction } : {}),
    linkExpiresAt: linkExpiresAt.toISOString(),
  };
}
