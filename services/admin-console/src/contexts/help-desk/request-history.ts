// How a request's events read in its timeline: a title, and the facts a
// reader needs (who it went to, why, by when).
import type { HistoryEntry } from '@sfp/contracts';
import { formatDateTime, label, sentence } from '../../components/format';
import { eventData, eventName } from '../../components/timeline';

/** 'helpdesk.ServiceRequestWorkStarted' → 'Work started'. */
export function requestEventTitle(entry: HistoryEntry): string {
  if (eventName(entry) === 'ServiceRequestCommented') return commentTitle(eventData(entry));
  return sentence(eventName(entry).replace(/^ServiceRequest/, ''));
}

export function requestEventSummary(entry: HistoryEntry): string[] {
  const d = eventData(entry);
  const s = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const due = () => formatDateTime(s('dueAt'));
  const classified = () => `${label(s('kind') ?? '')}, priority ${s('priority')}, due ${due()}`;
  switch (eventName(entry)) {
    case 'ServiceRequestSubmitted':
      return [classified()];
    case 'ServiceRequestTriaged':
      return [classified(), ...(s('note') ? [`Note: ${s('note')}`] : [])];
    case 'ServiceRequestAssigned':
      return [
        `To ${s('assignee')}${s('previousAssignee') ? ` (was ${s('previousAssignee')})` : ''}`,
      ];
    case 'ServiceRequestReferred':
      return [`To ${s('referredTo')} (${label(s('target') ?? '')}): ${s('reason')}`];
    case 'ServiceRequestResolved':
      return [
        `Answer: ${s('answer')}`,
        ...(Array.isArray(d.outputs) && d.outputs.length
          ? [`Outputs: ${(d.outputs as string[]).join(', ')}`]
          : []),
      ];
    case 'ServiceRequestReopened':
      return [`Reason: ${s('reason')}; due ${due()}`];
    case 'ServiceRequestCancelled':
      return [`At the request of the ${s('cancelledBy')}: ${s('reason')}`];
    case 'ServiceRequestCommented':
      return [`“${s('text')}”`];
    case 'ServiceRequestSatisfactionRated':
      return [`${d.rating} of 5${s('comment') ? `: “${s('comment')}”` : ''}`];
    case 'ServiceRequestSlaBreached':
      return [`Was due ${due()}`];
    case 'ServiceRequestEscalated':
      return [
        `${s('reason') === 'breached' ? 'SLA breached' : 'SLA at risk'}: to ${s('teamLead')}${s('team') ? ` (${label(s('team') ?? '')})` : ''}; due ${due()}`,
      ];
    default:
      return [];
  }
}

/** A reply the requester reads, or a note for staff only, or the requester's own reply. */
function commentTitle(d: Record<string, unknown>): string {
  if (d.fromRequester === true) return 'Reply from the requester';
  return d.visibility === 'public'
    ? 'Public reply (mailed to the requester)'
    : 'Internal note (staff only)';
}
