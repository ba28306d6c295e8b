import {
  evolveToolLinkedProposals,
  linkageSourceEventOf,
  proposalLinkNotedOf,
  type LinkageSourceEvent,
  type ProposalLinkNotedData,
} from './linked-proposal';

const PROPOSAL = '6f1c2a8e-1b7d-4c3e-9a55-0d2f7e4b9c11';
const COURSE = '0b8e4f2a-7c1d-4e6b-8f3a-2d5c9e1a7b40';

const accepted = (overrides: Record<string, unknown> = {}) => ({
  proposalId: PROPOSAL,
  proposalTitle: 'Agricultural value-chain credit line, Malawi',
  department: 'Financial Inclusion',
  toolRef: `course:${COURSE}`,
  kind: 'course',
  toolId: COURSE,
  context: 'training',
  toolTitle: 'Credit risk for agricultural lenders',
  score: 0.72,
  reason: 'Shares the theme agricultural finance and the country Malawi',
  note: 'Loan officers of the partner should attend',
  acceptedBy: 'reviewer.one',
  acceptedAt: '2026-03-12T09:30:00.000Z',
  ...overrides,
});

const dismissed = (wasAccepted = true) => ({
  proposalId: PROPOSAL,
  toolRef: `course:${COURSE}`,
  kind: 'course',
  toolId: COURSE,
  context: 'training',
  wasAccepted,
  reason: 'The course is for a different audience',
  dismissedBy: 'reviewer.one',
  dismissedAt: '2026-03-14T10:00:00.000Z',
});

function read(type: string, data: unknown): LinkageSourceEvent {
  const result = linkageSourceEventOf(type, data);
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.event;
}

function note(
  type: string,
  data: unknown,
  before: ProposalLinkNotedData[],
  eventId: string,
  context = 'training',
) {
  return proposalLinkNotedOf(context, read(type, data), before, {
    eventId,
    occurredAt: '2026-03-12T09:30:01.000Z',
  });
}

describe('the linked proposals a tool owner reads from quality monitoring', () => {
  it('given a LinkageAccepted, reads the link as the tool shows it', () => {
    const event = read('quality-monitoring.LinkageAccepted', accepted());
    expect(event).toEqual({
      type: 'quality-monitoring.LinkageAccepted',
      proposalId: PROPOSAL,
      tool: { toolRef: `course:${COURSE}`, kind: 'course', toolId: COURSE, context: 'training' },
      link: {
        proposalId: PROPOSAL,
        title: 'Agricultural value-chain credit line, Malawi',
        department: 'Financial Inclusion',
        reason: 'Shares the theme agricultural finance and the country Malawi',
        score: 0.72,
        note: 'Loan officers of the partner should attend',
        acceptedBy: 'reviewer.one',
        acceptedAt: '2026-03-12T09:30:00.000Z',
      },
    });
  });

  it('given a payload without what is read, names each field', () => {
    const result = linkageSourceEventOf(
      'quality-monitoring.LinkageAccepted',
      accepted({ proposalTitle: '', kind: 'webinar', score: 3, acceptedAt: 'yesterday' }),
    );
    expect('problems' in result && result.problems.map((p) => p.field)).toEqual([
      'data.kind',
      'data.score',
      'data.proposalTitle',
      'data.acceptedAt',
    ]);
    expect(
      linkageSourceEventOf('quality-monitoring.ProposalDecided', { proposalId: PROPOSAL }),
    ).toEqual({
      problems: [
        {
          field: 'data.decision',
          messages: [
            'must be one of approved, approved-with-conditions, revise-and-resubmit, rejected',
          ],
        },
      ],
    });
  });

  it('when a link to another context’s tool is accepted, records nothing', () => {
    const other = accepted({
      toolRef: `research-project:${COURSE}`,
      kind: 'research-project',
      context: 'innovation-research',
    });
    expect(note('quality-monitoring.LinkageAccepted', other, [], 'e1')).toBeUndefined();
    expect(
      note('quality-monitoring.LinkageAccepted', other, [], 'e1', 'innovation-research'),
    ).toMatchObject({
      change: 'accepted',
      toolRefs: [`research-project:${COURSE}`],
    });
  });

  it('given a decision noted before, a later acceptance carries it; a later decision names the linked tools', () => {
    const decided = note(
      'quality-monitoring.ProposalDecided',
      { proposalId: PROPOSAL, decision: 'approved' },
      [],
      'e1',
    )!;
    expect(decided).toMatchObject({ change: 'decided', toolRefs: [], decision: 'approved' });
    const linked = note('quality-monitoring.LinkageAccepted', accepted(), [decided], 'e2')!;
    expect(linked.link?.decision).toBe('approved');
    const redecided = note(
      'quality-monitoring.ProposalDecided',
      { proposalId: PROPOSAL, decision: 'rejected' },
      [decided, linked],
      'e3',
    )!;
    expect(redecided.toolRefs).toEqual([`course:${COURSE}`]);
  });

  it('a decision on a retitled version shows its title on the tool', () => {
    const ref = `course:${COURSE}`;
    const linked = note('quality-monitoring.LinkageAccepted', accepted(), [], 'e1')!;
    const decided = note(
      'quality-monitoring.ProposalDecided',
      {
        proposalId: PROPOSAL,
        decision: 'approved',
        title: 'Value-chain credit line, Malawi and Zambia',
      },
      [linked],
      'e2',
    )!;
    const after = evolveToolLinkedProposals(
      evolveToolLinkedProposals(undefined, ref, linked),
      ref,
      decided,
    );
    expect(after?.items.map((p) => [p.title, p.decision])).toEqual([
      ['Value-chain credit line, Malawi and Zambia', 'approved'],
    ]);
  });

  it('a dismissal records something only for a link that was accepted here', () => {
    expect(note('quality-monitoring.LinkageDismissed', dismissed(false), [], 'e1')).toBeUndefined();
    const linked = note('quality-monitoring.LinkageAccepted', accepted(), [], 'e1')!;
    expect(note('quality-monitoring.LinkageDismissed', dismissed(), [linked], 'e2')).toMatchObject({
      change: 'dismissed',
      toolRefs: [`course:${COURSE}`],
      sourceEventId: 'e2',
    });
  });

  it('the tool’s list: accepted, decided, then dismissed', () => {
    const ref = `course:${COURSE}`;
    const linked = note('quality-monitoring.LinkageAccepted', accepted(), [], 'e1')!;
    const afterAccept = evolveToolLinkedProposals(undefined, ref, linked)!;
    expect(afterAccept).toMatchObject({ toolRef: ref, kind: 'course', toolId: COURSE });
    expect(afterAccept.items.map((p) => [p.title, p.decision])).toEqual([
      ['Agricultural value-chain credit line, Malawi', undefined],
    ]);
    const decided = note(
      'quality-monitoring.ProposalDecided',
      { proposalId: PROPOSAL, decision: 'approved-with-conditions' },
      [linked],
      'e2',
    )!;
    const afterDecision = evolveToolLinkedProposals(afterAccept, ref, decided)!;
    expect(afterDecision.items[0]?.decision).toBe('approved-with-conditions');
    const gone = note('quality-monitoring.LinkageDismissed', dismissed(), [linked, decided], 'e3')!;
    expect(evolveToolLinkedProposals(afterDecision, ref, gone)?.items).toEqual([]);
    expect(evolveToolLinkedProposals(undefined, ref, decided)).toBeUndefined();
  });
});
