import { newEventId, type RecordedEvent } from '@sfp/event-sourcing';

/**
 * Quality monitoring's public linkage events as they arrive on
 * sfp.quality-monitoring.events, for the specs of the tools' owners: the
 * payloads as docs/event-catalogue.md publishes them (written out here: no
 * code of quality monitoring is imported).
 */
export const LINKED_PROPOSAL = {
  proposalId: '6f1c2a8e-1b7d-4c3e-9a55-0d2f7e4b9c11',
  proposalTitle: 'Agricultural value-chain credit line, Malawi',
  department: 'Financial Inclusion',
  reason: 'Shares the theme agricultural finance and the country Malawi',
} as const;

export interface LinkedTool {
  kind: string;
  toolId: string;
  context: string;
  title?: string;
}

let position = 0;

/** A quality-monitoring event, with a fresh id unless one is given (a redelivery passes the same event again). */
export function qualityMonitoringEvent(
  type: 'LinkageAccepted' | 'LinkageDismissed' | 'ProposalDecided',
  data: Record<string, unknown>,
  eventId: string = newEventId(),
): RecordedEvent {
  position += 1;
  const proposalId = (data['proposalId'] as string | undefined) ?? LINKED_PROPOSAL.proposalId;
  return {
    eventId,
    type: `quality-monitoring.${type}`,
    schemaVersion: 1,
    streamId: `proposal-${proposalId}`,
    streamVersion: position,
    position,
    occurredAt: '2026-03-12T09:30:00.000Z',
    recordedAt: '2026-03-12T09:30:00.050Z',
    correlationId: `corr-proposal-${proposalId}`,
    actor: { kind: 'person', id: 'reviewer.one' },
    data,
  };
}

const toolFields = (tool: LinkedTool) => ({
  toolRef: `${tool.kind}:${tool.toolId}`,
  kind: tool.kind,
  toolId: tool.toolId,
  context: tool.context,
});

/** The payload of a LinkageAccepted of `tool` (quality-monitoring.LinkageAcceptedData). */
export const linkageAcceptedData = (
  tool: LinkedTool,
  proposalId: string = LINKED_PROPOSAL.proposalId,
) => ({
  proposalId,
  proposalTitle: LINKED_PROPOSAL.proposalTitle,
  department: LINKED_PROPOSAL.department,
  ...toolFields(tool),
  toolTitle: tool.title ?? 'A tool of the unit',
  score: 0.72,
  reason: LINKED_PROPOSAL.reason,
  note: 'Loan officers of the partner should take part',
  acceptedBy: 'reviewer.one',
  acceptedAt: '2026-03-12T09:30:00.000Z',
});

/** The payload of a LinkageDismissed of an accepted link to `tool`. */
export const linkageDismissedData = (
  tool: LinkedTool,
  proposalId: string = LINKED_PROPOSAL.proposalId,
) => ({
  proposalId,
  ...toolFields(tool),
  wasAccepted: true,
  reason: 'The tool serves another audience',
  dismissedBy: 'reviewer.one',
  dismissedAt: '2026-03-14T10:00:00.000Z',
});

/** The fields of a ProposalDecided a tool's owner reads (and a few others it passes over). */
export const proposalDecidedData = (
  decision: string,
  proposalId: string = LINKED_PROPOSAL.proposalId,
) => ({
  proposalId,
  version: 1,
  reviewNumber: 1,
  decision,
  reasons: ['Sound partner, clear exit strategy'],
  conditions: [],
  title: LINKED_PROPOSAL.proposalTitle,
  department: LINKED_PROPOSAL.department,
  decidedBy: 'head.of.unit',
  decidedAt: '2026-03-20T15:00:00.000Z',
});
