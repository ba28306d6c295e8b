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
import { knowledgeBaseEventTypes } from '../knowledge-base.context';
import { QualityMonitoringLinkages } from './application/quality-monitoring-linkages.subscription';
import {
  LIBRARY_LINKED_PROPOSALS_PROJECTION,
  libraryLinkedProposalsProjection,
} from './projections/linked-proposals.projection';

const NOTE = {
  kind: 'practice-note',
  toolId: '7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a',
  context: 'knowledge-base',
};
const ASSESSMENT = {
  kind: 'impact-assessment',
  toolId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  context: 'knowledge-base',
};
const PROJECT = {
  kind: 'research-project',
  toolId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  context: 'innovation-research',
};

/** The knowledge base's subscription and view over a store that accepts its event types only. */
describe('proposals linked to practice notes and impact assessments (knowledge base)', () => {
  const store = new TypedEventStore({
    store: new InMemoryEventStore({ now: () => new Date('2026-03-12T09:30:01Z') }),
    eventTypes: knowledgeBaseEventTypes(),
    keyStore: new MemoryKeyStore(),
  });
  const engine = new ProjectionEngine({
    eventStore: store,
    store: new SqliteReadModelStore({ filename: ':memory:' }),
    pollIntervalMs: 10,
  });
  engine.register(libraryLinkedProposalsProjection);
  const subscription = new QualityMonitoringLinkages(store);
  const linkedTo = async (tool: typeof PROJECT) =>
    linkedProposalsOf(
      engine,
      LIBRARY_LINKED_PROPOSALS_PROJECTION,
      tool.kind as 'practice-note',
      tool.toolId,
      await store.headPosition(),
    );

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());

  it('lists a note’s and an assessment’s links with the decision, passes over a project, drops a dismissed link', async () => {
    for (const tool of [NOTE, ASSESSMENT, PROJECT])
      await subscription.handle(
        qualityMonitoringEvent('LinkageAccepted', linkageAcceptedData(tool)),
      );
    await subscription.handle(
      qualityMonitoringEvent('ProposalDecided', proposalDecidedData('revise-and-resubmit')),
    );
    expect(
      (await linkedTo(ASSESSMENT)).items.map((p) => [p.title, p.department, p.decision]),
    ).toEqual([
      [
        'Agricultural value-chain credit line, Malawi',
        'Financial Inclusion',
        'revise-and-resubmit',
      ],
    ]);
    expect((await linkedTo(PROJECT)).items).toEqual([]);

    await subscription.handle(
      qualityMonitoringEvent('LinkageDismissed', linkageDismissedData(NOTE)),
    );
    expect((await linkedTo(NOTE)).items).toEqual([]);
    expect((await linkedTo(ASSESSMENT)).items).toHaveLength(1);
  });
});
