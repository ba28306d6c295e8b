import { Type, type Static } from '@sinclair/typebox';
import {
  REVIEW_DECISIONS,
  TOOL_CONTEXT,
  TOOL_KINDS,
  type ReviewDecision,
  type ToolKind,
} from './reference-data';

/**
 * A proposal linked to one of a context's tools, as the tool's owner shows it
 * (a course, a programme, a research project, a practice note or an impact
 * assessment): from quality monitoring's public LinkageAccepted, with the
 * decision on the proposal once one is known (ProposalDecided).
 */
export interface LinkedProposal {
  proposalId: string;
  title: string;
  department: string;
  /** The decision on the proposal, once quality monitoring has decided. */
  decision?: ReviewDecision;
  /** Why the link was suggested, in words (what the proposal and the tool share). */
  reason: string;
  /** The suggestion's score, 0–1. */
  score: number;
  /** The reviewer's note on accepting it. */
  note?: string;
  acceptedBy: string;
  acceptedAt: string;
}

/** The proposals linked to one tool, newest acceptance first. */
export interface ToolLinkedProposals {
  toolRef: string;
  kind: ToolKind;
  toolId: string;
  items: LinkedProposal[];
}

/** The public events of quality monitoring (on sfp.quality-monitoring.events) a tool's owner reads. */
export const LINKAGE_ACCEPTED = 'quality-monitoring.LinkageAccepted';
export const LINKAGE_DISMISSED = 'quality-monitoring.LinkageDismissed';
export const PROPOSAL_DECIDED = 'quality-monitoring.ProposalDecided';
export const LINKED_PROPOSAL_SOURCE_EVENTS = [
  LINKAGE_ACCEPTED,
  LINKAGE_DISMISSED,
  PROPOSAL_DECIDED,
] as const;

/**
 * What a tool's owner records (in its own store, one event per source event,
 * under the source event's id) of one of those events: the change, and which
 * of its tools it concerns (on a decision: those linked to the proposal then).
 */
export interface ProposalLinkNotedData {
  proposalId: string;
  change: 'accepted' | 'dismissed' | 'decided';
  toolRefs: string[];
  /** On acceptance: the tool and the link as shown (with the decision if known then). */
  tool?: { toolRef: string; kind: ToolKind; toolId: string };
  link?: LinkedProposal;
  /** On a decision: it, and the title of the version decided on (a resubmission may retitle it). */
  decision?: ReviewDecision;
  title?: string;
  sourceEventType: string;
  sourceEventId: string;
  sourceOccurredAt: string;
}

/** A field of a payload the reader refuses, and why. */
export interface LinkagePayloadProblem {
  field: string;
  messages: string[];
}

/** One of the three events, read from its JSON and checked for the fields a tool's owner uses. */
export type LinkageSourceEvent =
  | {
      type: typeof LINKAGE_ACCEPTED;
      proposalId: string;
      tool: { toolRef: string; kind: ToolKind; toolId: string; context: string };
      link: LinkedProposal;
    }
  | {
      type: typeof LINKAGE_DISMISSED;
      proposalId: string;
      tool: { toolRef: string; kind: ToolKind; toolId: string; context: string };
      wasAccepted: boolean;
    }
  | {
      type: typeof PROPOSAL_DECIDED;
      proposalId: string;
      decision: ReviewDecision;
      title?: string;
    };

type Json = Record<string, unknown>;

/**
 * Reads a LinkageAccepted, LinkageDismissed or ProposalDecided payload as
 * JSON (no code of quality monitoring is imported: its published fields are
 * the contract), field by field: the event, or the problems that make it
 * unreadable (the subscriber dead-letters it with them).
 */
export function linkageSourceEventOf(
  type: string,
  data: unknown,
): { event: LinkageSourceEvent } | { problems: LinkagePayloadProblem[] } {
  const problems: LinkagePayloadProblem[] = [];
  const fail = (field: string, message: string) =>
    problems.push({ field: `data.${field}`, messages: [message] });
  const d: Json =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Json) : {};
  const text = (field: string, max: number): string => {
    const value = d[field];
    if (typeof value === 'string' && value.trim() !== '' && value.length <= max) return value;
    fail(field, `must be a text of 1 to ${max} characters`);
    return '';
  };
  const oneOf = <T extends string>(field: string, values: readonly T[]): T => {
    const value = d[field];
    if (values.includes(value as T)) return value as T;
    fail(field, `must be one of ${values.join(', ')}`);
    return values[0] as T;
  };
  const instant = (field: string): string => {
    const value = text(field, 40);
    if (value !== '' && Number.isNaN(Date.parse(value))) fail(field, 'must be an ISO date-time');
    return value;
  };
  const tool = () => {
    const kind = oneOf('kind', TOOL_KINDS);
    const toolId = text('toolId', 100);
    const toolRef = text('toolRef', 200);
    const context = text('context', 100);
    if (toolRef !== '' && toolId !== '' && toolRef !== `${kind}:${toolId}`)
      fail('toolRef', 'must be <kind>:<toolId>');
    return { toolRef, kind, toolId, context };
  };
  const proposalId = text('proposalId', 100);
  let event: LinkageSourceEvent | undefined;
  if (type === LINKAGE_ACCEPTED) {
    const linked = tool();
    const score = d['score'];
    if (typeof score !== 'number' || !(score >= 0 && score <= 1))
      fail('score', 'must be a number from 0 to 1');
    const note = d['note'];
    if (note !== undefined && typeof note !== 'string') fail('note', 'must be a text');
    event = {
      type,
      proposalId,
      tool: linked,
      link: {
        proposalId,
        title: text('proposalTitle', 300),
        department: text('department', 200),
        reason: text('reason', 2000),
        score: typeof score === 'number' ? score : 0,
        ...(typeof note === 'string' && note.trim() !== '' ? { note } : {}),
        acceptedBy: text('acceptedBy', 200),
        acceptedAt: instant('acceptedAt'),
      },
    };
  } else if (type === LINKAGE_DISMISSED) {
    const linked = tool();
    if (typeof d['wasAccepted'] !== 'boolean') fail('wasAccepted', 'must be true or false');
    event = { type, proposalId, tool: linked, wasAccepted: d['wasAccepted'] === true };
  } else if (type === PROPOSAL_DECIDED) {
    const title = d['title'];
    event = {
      type,
      proposalId,
      decision: oneOf('decision', REVIEW_DECISIONS),
      ...(typeof title === 'string' && title.trim() !== '' && title.length <= 300 ? { title } : {}),
    };
  } else {
    problems.push({
      field: 'type',
      messages: [`must be one of ${LINKED_PROPOSAL_SOURCE_EVENTS.join(', ')}`],
    });
  }
  return problems.length > 0 || !event ? { problems } : { event };
}

/** The links of one proposal to a context's tools, and its decision, from what the context noted so far. */
export function proposalLinksOf(noted: readonly ProposalLinkNotedData[]): {
  toolRefs: Set<string>;
  decision?: ReviewDecision;
} {
  const toolRefs = new Set<string>();
  let decision: ReviewDecision | undefined;
  for (const n of noted) {
    if (n.change === 'accepted') n.toolRefs.forEach((ref) => toolRefs.add(ref));
    else if (n.change === 'dismissed') n.toolRefs.forEach((ref) => toolRefs.delete(ref));
    else if (n.decision) decision = n.decision;
  }
  return decision ? { toolRefs, decision } : { toolRefs };
}

/**
 * What a context records of a source event, given what it noted of the
 * proposal before: undefined when the event concerns none of its tools
 * (another context's tool, a dismissed suggestion that was never accepted or
 * a link it never saw). A decision is recorded even with no link yet, so a
 * link accepted later shows it.
 */
export function proposalLinkNotedOf(
  context: string,
  source: LinkageSourceEvent,
  before: readonly ProposalLinkNotedData[],
  origin: { eventId: string; occurredAt: string },
): ProposalLinkNotedData | undefined {
  const known = proposalLinksOf(before);
  const base = {
    proposalId: source.proposalId,
    sourceEventType: source.type,
    sourceEventId: origin.eventId,
    sourceOccurredAt: origin.occurredAt,
  };
  if (source.type === PROPOSAL_DECIDED)
    return {
      ...base,
      change: 'decided',
      toolRefs: [...known.toolRefs],
      decision: source.decision,
      ...(source.title ? { title: source.title } : {}),
    };
  if (TOOL_CONTEXT[source.tool.kind] !== context) return undefined;
  const { toolRef, kind, toolId } = source.tool;
  if (source.type === LINKAGE_DISMISSED)
    return known.toolRefs.has(toolRef)
      ? { ...base, change: 'dismissed', toolRefs: [toolRef], tool: { toolRef, kind, toolId } }
      : undefined;
  return {
    ...base,
    change: 'accepted',
    toolRefs: [toolRef],
    tool: { toolRef, kind, toolId },
    link: known.decision ? { ...source.link, decision: known.decision } : source.link,
  };
}

/** A tool's linked proposals after a noted change (undefined: nothing to write, the tool has none). */
export function evolveToolLinkedProposals(
  current: ToolLinkedProposals | undefined,
  toolRef: string,
  noted: ProposalLinkNotedData,
): ToolLinkedProposals | undefined {
  const others = (current?.items ?? []).filter((p) => p.proposalId !== noted.proposalId);
  if (noted.change === 'accepted' && noted.link && noted.tool) {
    const items = [noted.link, ...others].sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt));
    return { toolRef, kind: noted.tool.kind, toolId: noted.tool.toolId, items };
  }
  if (!current) return undefined;
  if (noted.change === 'dismissed') return { ...current, items: others };
  if (noted.change === 'decided' && noted.decision) {
    const decided = { decision: noted.decision, ...(noted.title ? { title: noted.title } : {}) };
    return {
      ...current,
      items: current.items.map((p) =>
        p.proposalId === noted.proposalId ? { ...p, ...decided } : p,
      ),
    };
  }
  return current;
}

/**
 * The answer of a tool's `…/linked-proposals` route, as a JSON Schema
 * (TypeBox) the owners' OpenAPI documents publish.
 */
export const LinkedProposalSchema = Type.Object(
  {
    proposalId: Type.String(),
    title: Type.String(),
    department: Type.String(),
    decision: Type.Optional(
      Type.Union(
        REVIEW_DECISIONS.map((d) => Type.Literal(d)),
        { description: 'The decision on the proposal, once one is known' },
      ),
    ),
    reason: Type.String({ description: 'Why the link was suggested (what the two share)' }),
    score: Type.Number({ minimum: 0, maximum: 1, description: 'The suggestion’s score, 0–1' }),
    note: Type.Optional(Type.String({ description: 'The reviewer’s note on accepting it' })),
    acceptedBy: Type.String(),
    acceptedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'LinkedProposal' },
);

export const ToolLinkedProposalsSchema = Type.Object(
  {
    toolRef: Type.String({ description: '<kind>:<id>' }),
    kind: Type.Union(TOOL_KINDS.map((k) => Type.Literal(k))),
    toolId: Type.String(),
    items: Type.Array(LinkedProposalSchema, {
      description: 'The proposals linked to it, newest acceptance first',
    }),
  },
  { title: 'ToolLinkedProposals' },
);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<Static<typeof ToolLinkedProposalsSchema>, ToolLinkedProposals> = true;
void _sameShape;
