import 'reflect-metadata';
import type { ToolLinkedProposals } from '@sfp/contracts';
import { InMemoryEventStore, uuidFromKey } from '@sfp/event-sourcing';
import { DeadLetterError } from '@sfp/messaging';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import {
  LINKED_PROPOSAL,
  linkageAcceptedData,
  linkageDismissedData,
  proposalDecidedData,
  qualityMonitoringEvent,
} from './quality-monitoring-events.fixture';
import {
  LinkedProposalsSubscription,
  qualityProposalStreamId,
} from './linked-proposals.subscription';
import { linkedProposalsOf, linkedProposalsProjection } from './linked-proposals.view';

const COURSE = {
  kind: 'course',
  toolId: '0b8e4f2a-7c1d-4e6b-8f3a-2d5c9e1a7b40',
  context: 'training',
};
const PROGRAMME = {
  kind: 'programme',
  toolId: '3c9d1e7f-5a2b-4c8d-9e0f-1a2b3c4d5e6f',
  context: 'training',
};
const PROJECT = {
  kind: 'research-project',
  toolId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  context: 'innovation-research',
};
const NOTED = { type: 'training.ProposalLinkNoted', schemaVersion: 1 };
const VIEW = 'training-linked-proposals';

/** Training's subscription, as the context declares it (its store, its names). */
class TrainingLinkages extends LinkedProposalsSubscription {
  constructor(store: InMemoryEventStore) {
    super(store, 'training', NOTED);
  }
}

describe('the proposals linked to a context’s tools, from quality monitoring’s events', () => {
  let store: InMemoryEventStore;
  let engine: ProjectionEngine;
  let subscription: TrainingLinkages;

  beforeEach(async () => {
    store = new InMemoryEventStore({ now: () => new Date('2026-03-12T09:30:01Z') });
    engine = new ProjectionEngine({
      eventStore: store,
      store: new SqliteReadModelStore({ filename: ':memory:' }),
      pollIntervalMs: 10,
    });
    engine.register(linkedProposalsProjection(VIEW, NOTED.type));
    await engine.start();
    subscription = new TrainingLinkages(store);
  });
  afterEach(() => engine.stop());

  const linkedTo = async (tool: { kind: string; toolId: string }): Promise<ToolLinkedProposals> =>
    linkedProposalsOf(
      engine,
      VIEW,
      tool.kind as ToolLinkedProposals['kind'],
      tool.toolId,
      await store.headPosition(),
    );
  const accepted = (tool: typeof COURSE) =>
    qualityMonitoringEvent('LinkageAccepted', linkageAcceptedData(tool));

  it('follows the linkage and decision events of quality monitoring', () => {
    expect(subscription.source).toBe('quality-monitoring');
    expect(subscription.name).toBe('quality-monitoring-linkages');
    expect([...subscription.eventTypes].sort()).toEqual([
      'quality-monitoring.LinkageAccepted',
      'quality-monitoring.LinkageDismissed',
      'quality-monitoring.ProposalDecided',
    ]);
  });

  it('a link accepted to a course is listed on it; redelivered, it is noted once', async () => {
    const event = accepted(COURSE);
    await subscription.handle(event);
    await subscription.handle(event);
    const noted = await store.readStream(qualityProposalStreamId(LINKED_PROPOSAL.proposalId));
    expect(noted.map((e) => [e.eventId, e.type, e.causationId, e.actor.kind])).toEqual([
      [
        uuidFromKey(`training.ProposalLinkNoted<-${event.eventId}`),
        'training.ProposalLinkNoted',
        event.eventId,
        'system',
      ],
    ]);
    expect(await linkedTo(COURSE)).toEqual({
      toolRef: `course:${COURSE.toolId}`,
      kind: 'course',
      toolId: COURSE.toolId,
      items: [
        {
          proposalId: LINKED_PROPOSAL.proposalId,
          title: 'Agricultural value-chain credit line, Malawi',
          department: 'Financial Inclusion',
          reason: 'Shares the theme agricultural finance and the country Malawi',
          score: 0.72,
          note: 'Loan officers of the partner should take part',
          acceptedBy: 'reviewer.one',
          acceptedAt: '2026-03-12T09:30:00.000Z',
        },
      ],
    });
  });

  it('the decision shows on every linked tool, whether it came before or after the link', async () => {
    await subscription.handle(accepted(COURSE));
    await subscription.handle(
      qualityMonitoringEvent('ProposalDecided', proposalDecidedData('approved-with-conditions')),
    );
    await subscription.handle(accepted(PROGRAMME));
    expect((await linkedTo(COURSE)).items[0]?.decision).toBe('approved-with-conditions');
    expect((await linkedTo(PROGRAMME)).items[0]?.decision).toBe('approved-with-conditions');
  });

  it('a dismissed link disappears; links to other contexts’ tools are passed over', async () => {
    await subscription.handle(accepted(COURSE));
    await subscription.handle(accepted(PROJECT));
    await subscription.handle(
      qualityMonitoringEvent('LinkageDismissed', linkageDismissedData(COURSE)),
    );
    expect((await linkedTo(COURSE)).items).toEqual([]);
    expect((await linkedTo(PROJECT)).items).toEqual([]);
    const noted = await store.readStream(qualityProposalStreamId(LINKED_PROPOSAL.proposalId));
    expect(noted.map((e) => (e.data as { change: string }).change)).toEqual([
      'accepted',
      'dismissed',
    ]);
  });

  it('a tool nothing was linked to has an empty list', async () => {
    expect(await linkedTo(PROGRAMME)).toEqual({
      toolRef: `programme:${PROGRAMME.toolId}`,
      kind: 'programme',
      toolId: PROGRAMME.toolId,
      items: [],
    });
  });

  it('a payload without what the context reads is dead-lettered with its fields', async () => {
    const { proposalTitle: _title, ...withoutTitle } = linkageAcceptedData(COURSE);
    const error = await subscription
      .handle(qualityMonitoringEvent('LinkageAccepted', withoutTitle))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadLetterError);
    expect((error as DeadLetterError).message).toContain('data.proposalTitle');
    expect((error as DeadLetterError).message).toContain('what training reads');
  });
});
