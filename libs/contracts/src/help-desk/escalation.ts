/** Why a request escalated to its team lead: its SLA about to run out (a share used), or run out. */
export const ESCALATION_REASONS = ['approaching', 'breached'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** What the console shows for each reason. */
export const ESCALATION_LABELS: Record<EscalationReason, string> = {
  approaching: 'SLA at risk',
  breached: 'SLA breached',
};

/** A platform user who may handle a request, with their open requests (GET /assignees). */
export interface AssigneeCandidate {
  username: string;
  displayName: string;
  /** The user's team (their department), when they have one. */
  team?: string;
  /** Open requests assigned to them now. */
  openRequests: number;
}

/** A saved reply of a theme that operators apply to a request as a comment. */
export interface Macro {
  macroId: string;
  theme: string;
  title: string;
  text: string;
  /** A public reply (the requester reads it) or an internal note. */
  visibility: 'public' | 'internal';
  updatedAt: string;
  updatedBy: string;
}
