import 'reflect-metadata';
import { InMemoryEventStore, MemoryKeyStore, TypedEventStore } from '@sfp/event-sourcing';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { linkedProposalsOf } from '@sfp/service-kit';
import {
  linkageAcceptedData,
  linkageDismissedData,
  proposalDecidedData,
  qualityMonitoringEvent,
} from '@sfp/service-kit/testing';
import { trainingEventTypes } from '../training.context';
import { QualityMonitoringLinkages } from './application/quality-monitoring-linkages.subscription';
import {
  TRAINING_LINKED_PROPOSALS_PROJECTION,
  trainingLinkedProposalsProjection,
} from './projections/linked-proposals.projection';

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
const NOTE = {
  kind: 'practice-note',
  toolId: '7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a',
  context: 'knowledge-base',
};

/** Training's subscription and view over a store that accepts training's event types only. */
describe('proposals linked to courses and programmes (training)', () => {
  const store = new TypedEventStore({
    store: new InMemoryEventStore({ now: () => new Date('2026-03-12T09:30:01Z') }),
    eventTypes: trainingEventTypes(),
    keyStore: new MemoryKeyStore(),
  });
  const engine = new ProjectionEngine({
    eventStore: store,
    store: new SqliteReadModelStore({ filename: ':memory:' }),
    pollIntervalMs: 10,
  });
  engine.register(trainingLinkedProposalsProjection);
  const subscription = new QualityMonitoringLinkages(store);
  const linkedTo = async (tool: typeof COURSE) =>
    linkedProposalsOf(
      engine,
      TRAINING_LINKED_PROPOSALS_PROJECTION,
      tool.kind as 'course',
      tool.toolId,
      await store.headPosition(),
    );

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());

  it('lists a course’s and a programme’s links with the decision, passes over a practice note, drops a dismissed link', async () => {
    for (const tool of [COURSE, PROGRAMME, NOTE])
      await subscription.handle(
        qualityMonitoringEvent('LinkageAccepted', linkageAcceptedData(tool)),
      );
    await subscription.handle(
      qualityMonitoringEvent('ProposalDecided', proposalDecidedData('approved')),
    );
    expect((await linkedTo(COURSE)).items.map((p) => [p.title, p.department, p.decision])).toEqual([
      ['Agricultural value-chain credit line, Malawi', 'Financial Inclusion', 'approved'],
    ]);
    expect((await linkedTo(PROGRAMME)).items).toHaveLength(1);
    expect((await linkedTo(NOTE)).items).toEqual([]);

    await subscription.handle(
      qualityMonitoringEvent('LinkageDismissed', linkageDismissedData(PROGRAMME)),
    );
    expect((await linkedTo(PROGRAMME)).items).toEqual([]);
    expect((await linkedTo(COURSE)).items).toHaveLength(1);
  });
});
