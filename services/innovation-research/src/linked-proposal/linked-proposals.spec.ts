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
import { innovationResearchEventTypes } from '../innovation-research.context';
import { QualityMonitoringLinkages } from './application/quality-monitoring-linkages.subscription';
import {
  RESEARCH_LINKED_PROPOSALS_PROJECTION,
  researchLinkedProposalsProjection,
} from './projections/linked-proposals.projection';

const PROJECT = {
  kind: 'research-project',
  toolId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  context: 'innovation-research',
};
const OTHER_PROJECT = { ...PROJECT, toolId: '1e2d3c4b-5a6f-4e7d-8c9b-0a1f2e3d4c5b' };
const COURSE = {
  kind: 'course',
  toolId: '0b8e4f2a-7c1d-4e6b-8f3a-2d5c9e1a7b40',
  context: 'training',
};

/** Research's subscription and view over a store that accepts research's event types only. */
describe('proposals linked to research projects (innovation research)', () => {
  const store = new TypedEventStore({
    store: new InMemoryEventStore({ now: () => new Date('2026-03-12T09:30:01Z') }),
    eventTypes: innovationResearchEventTypes(),
    keyStore: new MemoryKeyStore(),
  });
  const engine = new ProjectionEngine({
    eventStore: store,
    store: new SqliteReadModelStore({ filename: ':memory:' }),
    pollIntervalMs: 10,
  });
  engine.register(researchLinkedProposalsProjection);
  const subscription = new QualityMonitoringLinkages(store);
  const linkedTo = async (tool: typeof PROJECT) =>
    linkedProposalsOf(
      engine,
      RESEARCH_LINKED_PROPOSALS_PROJECTION,
      tool.kind as 'research-project',
      tool.toolId,
      await store.headPosition(),
    );

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());

  it('lists a project’s links with the decision, passes over a course, drops a dismissed link', async () => {
    for (const tool of [PROJECT, OTHER_PROJECT, COURSE])
      await subscription.handle(
        qualityMonitoringEvent('LinkageAccepted', linkageAcceptedData(tool)),
      );
    await subscription.handle(
      qualityMonitoringEvent('ProposalDecided', proposalDecidedData('rejected')),
    );
    expect((await linkedTo(PROJECT)).items.map((p) => [p.title, p.department, p.decision])).toEqual(
      [['Agricultural value-chain credit line, Malawi', 'Financial Inclusion', 'rejected']],
    );
    expect((await linkedTo(COURSE)).items).toEqual([]);

    await subscription.handle(
      qualityMonitoringEvent('LinkageDismissed', linkageDismissedData(OTHER_PROJECT)),
    );
    expect((await linkedTo(OTHER_PROJECT)).items).toEqual([]);
    expect((await linkedTo(PROJECT)).items).toHaveLength(1);
  });
});
