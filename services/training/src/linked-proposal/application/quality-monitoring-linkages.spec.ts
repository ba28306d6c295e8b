import 'reflect-metadata';
import type { ToolLinkedProposals } from '@sfp/contracts';
import { InMemoryEventStore, type RecordedEvent } from '@sfp/event-sourcing';
import { DeadLetterError } from '@sfp/messaging';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { qualityProposalStreamId } from '../domain/proposal-link.events';
import {
  TRAINING_LINKED_PROPOSALS_PROJECTION,
  trainingLinkedProposalsProjection,
} from '../projections/linked-proposals.projection';
import { QualityMonitoringLinkages } from './quality-monitoring-linkages.subscription';

const PROPOSAL = '6f1c2a8e-1b7d-4c3e-9a55-0d2f7e4b9c11';
const COURSE = '0b8e4f2a-7c1d-4e6b-8f3a-2d5c9e1a7b40';
const PROGRAMME = '3c9d1e7f-5a2b-4c8d-9e0f-1a2b3c4d5e6f';
const PROJECT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

let position = 0;
/** A quality-monitoring event as it arrives on sfp.quality-monitoring.events. */
function published(type: string, eventId: string, data: Record<string, unknown>): RecordedEvent {
  position += 1;
  return {
    eventId,
    type: `quality-monitoring.${type}`,
    schemaVersion: 1,
    streamId: `proposal-${PROPOSAL}`,
    streamVersion: position,
    position,
    occurredAt: '2026-03-12T09:30:00.000Z',
    recordedAt: '2026-03-12T09:30:00.050Z',
    correlationId: 'corr-review-1',
    actor: { kind: 'person', id: 'reviewer.one' },
    data,
  };
}

const tool = (kind: string, toolId: string, context = 'training') => ({
  toolRef: `${kind}:${toolId}`,
  kind,
  toolId,
  context,
});

const accepted = (eventId: string, linked: Record<string, unknown>) =>
  published('LinkageAccepted', eventId, {
    proposalId: PROPOSAL,
    proposalTitle: 'Agricultural value-chain credit line, Malawi',
    department: 'Financial Inclusion',
    ...linked,
    toolTitle: 'Credit risk for agricultural lenders',
    score: 0.72,
    reason: 'Shares the theme agricultural finance and the country Malawi',
    acceptedBy: 'reviewer.one',
    acceptedAt: '2026-03-12T09:30:00.000Z',
  });

const dismissed = (eventId: string, linked: Record<string, unknown>) =>
  published('LinkageDismissed', eventId, {
    proposalId: PROPOSAL,
    ...linked,
    wasAccepted: true,
    reason: 'Another audience',
    dismissedBy: 'reviewer.one',
    dismissedAt: '2026-03-14T10:00:00.000Z',
  });

describe('proposals linked to courses and programmes, as training notes them', () => {
  let store: InMemoryEventStore;
  let engine: ProjectionEngine;
  let subscription: QualityMonitoringLinkages;

  beforeEach(async () => {
    store = new InMemoryEventStore({ now: () => new Date('2026-03-12T09:30:01Z') });
    engine = new ProjectionEngine({
      eventStore: store,
      store: new SqliteReadModelStore({ filename: ':memory:' }),
      pollIntervalMs: 10,
    });
    engine.register(trainingLinkedProposalsProjection);
    await engine.start();
    subscription = new QualityMonitoringLinkages(store);
  });
  afterEach(() => engine.stop());

  const linkedTo = async (toolRef: string) => {
    await engine.waitForPosition(
      TRAINING_LINKED_PROPOSALS_PROJECTION,
      await store.headPosition(),
      5_000,
    );
    return engine.readModel<ToolLinkedProposals>(TRAINING_LINKED_PROPOSALS_PROJECTION).get(toolRef);
  };

  it('follows the linkage and decision events of quality monitoring', () => {
    expect(subscription.source).toBe('quality-monitoring');
    expect([...subscription.eventTypes].sort()).toEqual([
      'quality-monitoring.LinkageAccepted',
      'quality-monitoring.LinkageDismissed',
      'quality-monitoring.ProposalDecided',
    ]);
  });

  it('a link accepted to a course is listed on it; redelivered, it is noted once', async () => {
    const event = accepted('a1b2c3d4-0000-4000-8000-000000000001', tool('course', COURSE));
    await subscription.handle(event);
    await subscription.handle(event);
    const noted = await store.readStream(qualityProposalStreamId(PROPOSAL));
    expect(noted.map((e) => [e.eventId, e.type, e.causationId])).toEqual([
      [event.eventId, 'training.ProposalLinkNoted', event.eventId],
    ]);
    expect(await linkedTo(`course:${COURSE}`)).toEqual({
      toolRef: `course:${COURSE}`,
      kind: 'course',
      toolId: COURSE,
      items: [
        {
          proposalId: PROPOSAL,
          title: 'Agricultural value-chain credit line, Malawi',
          department: 'Financial Inclusion',
          reason: 'Shares the theme agricultural finance and the country Malawi',
          score: 0.72,
          acceptedBy: 'reviewer.one',
          acceptedAt: '2026-03-12T09:30:00.000Z',
        },
      ],
    });
  });

  it('the decision shows on every linked tool, whether it came before or after the link', async () => {
    await subscription.handle(
      accepted('a1b2c3d4-0000-4000-8000-000000000002', tool('course', COURSE)),
    );
    await subscription.handle(
      published('ProposalDecided', 'a1b2c3d4-0000-4000-8000-000000000003', {
        proposalId: PROPOSAL,
        decision: 'approved-with-conditions',
        title: 'Agricultural value-chain credit line, Malawi',
      }),
    );
    await subscription.handle(
      accepted('a1b2c3d4-0000-4000-8000-000000000004', tool('programme', PROGRAMME)),
    );
    expect((await linkedTo(`course:${COURSE}`))?.items[0]?.decision).toBe(
      'approved-with-conditions',
    );
    expect((await linkedTo(`programme:${PROGRAMME}`))?.items[0]?.decision).toBe(
      'approved-with-conditions',
    );
  });

  it('a dismissed link disappears; links to other contexts’ tools are passed over', async () => {
    await subscription.handle(
      accepted('a1b2c3d4-0000-4000-8000-000000000005', tool('course', COURSE)),
    );
    await subscription.handle(
      accepted(
        'a1b2c3d4-0000-4000-8000-000000000006',
        tool('research-project', PROJECT, 'innovation-research'),
      ),
    );
    await subscription.handle(
      dismissed('a1b2c3d4-0000-4000-8000-000000000007', tool('course', COURSE)),
    );
    expect((await linkedTo(`course:${COURSE}`))?.items).toEqual([]);
    expect(await linkedTo(`research-project:${PROJECT}`)).toBeUndefined();
    expect((await store.readStream(qualityProposalStreamId(PROPOSAL))).length).toBe(2);
  });

  it('a payload without what training reads is dead-lettered with its fields', async () => {
    const bad = published('LinkageAccepted', 'a1b2c3d4-0000-4000-8000-000000000008', {
      proposalId: PROPOSAL,
      ...tool('course', COURSE),
    });
    const error = await subscription.handle(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadLetterError);
    expect((error as DeadLetterError).message).toContain('data.proposalTitle');
  });
});
