// The shapes the console reads from the platform (see /api/docs-json).

export type Permission = 'records:read' | 'records:write' | 'reports:read' | 'platform:admin';

export interface Me {
  kind: 'person' | 'integration-client';
  id: string;
  name: string;
  displayName?: string;
  roles: string[];
  permissions: Permission[];
  passwordChangeRequired: boolean;
}

export const REQUEST_STATUSES = [
  'submitted',
  'triaged',
  'assigned',
  'in-progress',
  'referred',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const KINDS = [
  'advocacy-internal',
  'advocacy-external',
  'referral',
  'global-initiative-coordination',
  'tool-development',
  'programme-guidance',
  'fund-instrument-guidelines',
] as const;
export const GLOBAL_INITIATIVES = [
  'cgap',
  'microcredit-summit-campaign',
  'social-performance-task-force',
  'microinsurance-network',
  'smart-campaign',
  'financial-inclusion-forum',
  'other',
] as const;
export const THEMES = [
  'youth',
  'gender',
  'poverty',
  'informal-economy',
  'child-labour',
  'migration-and-remittances',
  'social-protection',
  'microinsurance',
  'cooperatives',
  'green-finance',
  'crisis-response',
  'disability',
] as const;
/** The knowledge base's library reference data (its library.reference-data.ts). */
export const LIBRARY_THEMES = [
  'vulnerability',
  'business-performance',
  'child-labour',
  'formalisation',
  'gender',
  'youth',
  'microinsurance',
  'client-protection',
  'green-finance',
  'occupational-safety-and-health',
] as const;
export const PRACTICE_KINDS = ['good-practice', 'bad-practice', 'lesson'] as const;
export const ASSESSMENT_STATUSES = ['planned', 'ongoing', 'completed', 'abandoned'] as const;
export const DESIGNS = [
  'rct',
  'difference-in-differences',
  'matching',
  'regression-discontinuity',
  'before-after',
  'qualitative',
] as const;
export const OUTCOMES = [
  'income',
  'business-profit',
  'consumption',
  'assets',
  'womens-decision-making',
  'child-labour',
  'occupational-safety-and-health',
  'formalisation',
  'vulnerability',
  'other',
] as const;
export const FINDINGS = ['positive', 'null', 'negative', 'mixed'] as const;

export const REGIONS = [
  'africa',
  'americas',
  'arab-states',
  'asia-pacific',
  'europe-central-asia',
] as const;
export const ORIGINS = ['unit', 'department', 'regional-office', 'constituent'] as const;
export const CONSTITUENT_GROUPS = [
  'government',
  'employers-organisation',
  'workers-organisation',
  'partner-institution',
] as const;
export const SLA_STATUSES = ['on-track', 'due-soon', 'overdue', 'breached'] as const;
export const SORTS = [
  'dueAt',
  '-dueAt',
  'priority',
  '-priority',
  'submittedAt',
  '-submittedAt',
  'lastActivityAt',
  '-lastActivityAt',
] as const;
export const ROLES = ['administrator', 'operator', 'analyst'] as const;

export interface RequestSummary {
  requestId: string;
  title: string;
  status: RequestStatus;
  open: boolean;
  kind: string;
  themes: string[];
  region: string;
  country: string;
  priority: string;
  origin: string;
  organisation: string;
  assignee?: string;
  submittedAt: string;
  dueAt: string;
  slaBreached: boolean;
  slaStatus?: string;
  lastActivityAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Actor {
  kind: 'person' | 'integration-client' | 'system' | string;
  id: string;
  department?: string;
}

export interface HistoryEntry {
  streamVersion: number;
  position: number;
  event: string;
  occurredAt: string;
  recordedAt: string;
  actor?: Actor;
  correlationId?: string;
  data: Record<string, unknown>;
}

export interface RequestDetail {
  requestId: string;
  streamVersion: number;
  status: RequestStatus;
  title: string;
  description: string;
  kind: string;
  globalInitiative?: string;
  themes: string[];
  region: string;
  country: string;
  priority: string;
  assignee?: string;
  requester: {
    personId: string;
    name: string;
    email: string;
    origin: string;
    organisation: string;
    constituentGroup?: string;
  };
  submittedAt: string;
  dueAt: string;
  slaBreached: boolean;
  resolvedAt?: string;
  firstResponseAt?: string;
  comments: Array<{ commentId: string; text: string; author: string; commentedAt: string }>;
  history: HistoryEntry[];
}

export interface CommandResult {
  requestId: string;
  streamVersion: number;
  position: number;
  changed: boolean;
}

export interface VersionStatus {
  generation: number;
  version: number;
  readModel: string;
  position: number;
  lagEvents: number;
  lagSeconds: number;
  updatedAt: string;
  lastError: { message?: string; position?: number; at?: string } | null;
  stalledSince: string | null;
  stalledSeconds: number;
}

export interface ProjectionStatus extends VersionStatus {
  name: string;
  state: 'running' | 'rebuilding' | 'stalled';
  headPosition: number;
  local: boolean;
  rebuild: (VersionStatus & { startedAt: string }) | null;
  checkedAt: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department?: string;
  disabled: boolean;
  passwordChangeRequired: boolean;
  failedSignIns: number;
  locked: boolean;
  createdAt: string;
}

export interface IntegrationClient {
  id: string;
  name: string;
  department: string;
  disabled: boolean;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  clientId: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  status: string;
  revokedAt?: string;
}

export interface Statistics {
  total: number;
  byKind: Record<string, number>;
  byTheme: Record<string, number>;
  byRegion: Record<string, number>;
  byMonth: Record<string, number>;
  byStatus: Record<string, number>;
  firstResponse: { count: number; medianHours: number | null; p90Hours: number | null };
  resolution: { count: number; medianHours: number | null; p90Hours: number | null };
  sla: { evaluated: number; breached: number; breachRate: number | null };
}

/** 'fund-instrument-guidelines' → 'Fund instrument guidelines'. */
/** Codes and acronyms written as such, not as words. */
const ACRONYMS = new Set([
  'rct',
  'nbfi',
  'ngo',
  'mfi',
  'sacco',
  'sla',
  'csv',
  'usd',
  'gni',
  'iris',
  'oss',
  'fss',
  'roa',
  'roe',
]);

export function label(value: string): string {
  const text = value
    .split('-')
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word))
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
