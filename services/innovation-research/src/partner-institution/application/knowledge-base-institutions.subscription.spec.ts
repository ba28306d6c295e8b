import 'reflect-metadata';
import { InMemoryEventStore, uuidFromKey, type RecordedEvent } from '@sfp/event-sourcing';
import { DeadLetterError } from '@sfp/messaging';
import { partnerInstitutionStreamId } from '../../innovation-research.context';
import { KnowledgeBaseInstitutions } from './knowledge-base-institutions.subscription';

const INSTITUTION = '5b0c7f3e-2a4d-4e6b-9c8d-1f2e3a4b5c6d';

/** A knowledge-base institution event as it arrives on sfp.knowledge-base.events. */
function published(
  type: string,
  eventId: string,
  data: Record<string, unknown>,
  position = 1,
): RecordedEvent {
  return {
    eventId,
    type: `knowledge-base.${type}`,
    schemaVersion: 1,
    streamId: `institution-${INSTITUTION}`,
    streamVersion: position,
    position,
    occurredAt: '2025-02-03T09:15:00.000Z',
    recordedAt: '2025-02-03T09:15:00.120Z',
    correlationId: 'corr-kb-registration',
    actor: { kind: 'person', id: 'kb-officer-1' },
    data,
  };
}

const REGISTERED = published('InstitutionRegistered', '0f4e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b', {
  institutionId: INSTITUTION,
  name: 'Crédit Mutuel du Sénégal',
  kind: 'microfinance-institution',
  legalType: 'cooperative',
  country: 'SN',
  region: 'africa',
  programmes: [],
  registeredBy: 'kb-officer-1',
  registeredAt: '2025-02-03T09:15:00.000Z',
});

/** The noted event's id: derived from the source's, never the source's own (ids are unique across the platform). */
const notedId = (sourceEventId: string): string =>
  uuidFromKey(`innovation-research.PartnerInstitutionNoted<-${sourceEventId}`);

describe('knowledge-base institutions, as research notes them', () => {
  let store: InMemoryEventStore;
  let subscription: KnowledgeBaseInstitutions;

  beforeEach(() => {
    store = new InMemoryEventStore({ now: () => new Date('2025-02-03T09:15:01Z') });
    subscription = new KnowledgeBaseInstitutions(store);
  });

  it('follows the five institution events of the knowledge base', () => {
    expect(subscription.source).toBe('knowledge-base');
    expect(subscription.name).toBe('knowledge-base-institutions');
    expect([...subscription.eventTypes].sort()).toEqual([
      'knowledge-base.InstitutionActivated',
      'knowledge-base.InstitutionClosed',
      'knowledge-base.InstitutionRegistered',
      'knowledge-base.InstitutionReinstated',
      'knowledge-base.InstitutionSuspended',
    ]);
  });

  it('notes a registration with its name and country, under an id derived from the source event’s id', async () => {
    await subscription.handle(REGISTERED);
    const [noted, ...more] = await store.readStream(partnerInstitutionStreamId(INSTITUTION));
    expect(more).toEqual([]);
    expect(noted).toMatchObject({
      eventId: notedId(REGISTERED.eventId),
      type: 'innovation-research.PartnerInstitutionNoted',
      causationId: REGISTERED.eventId,
      correlationId: 'corr-kb-registration',
      actor: { kind: 'system' },
      data: {
        institutionId: INSTITUTION,
        name: 'Crédit Mutuel du Sénégal',
        country: 'SN',
        status: 'registered',
        sourceEventType: 'knowledge-base.InstitutionRegistered',
        sourceEventId: REGISTERED.eventId,
        sourceOccurredAt: '2025-02-03T09:15:00.000Z',
      },
    });
  });

  it('changes nothing when the same event is delivered again or the topic replayed', async () => {
    const activated = published(
      'InstitutionActivated',
      '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      { institutionId: INSTITUTION, by: 'kb-officer-1', at: '2025-02-10T10:00:00.000Z' },
      2,
    );
    await subscription.handle(REGISTERED);
    await subscription.handle(activated);
    await subscription.handle(REGISTERED);
    await subscription.handle(activated);
    const stream = await store.readStream(partnerInstitutionStreamId(INSTITUTION));
    expect(stream.map((e) => [e.eventId, (e.data as { status: string }).status])).toEqual([
      [notedId(REGISTERED.eventId), 'registered'],
      [notedId(activated.eventId), 'active'],
    ]);
    expect(await store.headPosition()).toBe(2);
  });

  it('notes each change of status', async () => {
    const ids = ['Suspended', 'Reinstated', 'Closed'].map(
      (_, i) => `2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6${i}`,
    );
    await subscription.handle(
      published('InstitutionSuspended', ids[0] as string, {
        institutionId: INSTITUTION,
        by: 'kb-officer-1',
        at: '2025-03-01T08:00:00.000Z',
        reason: 'Licence under review',
      }),
    );
    await subscription.handle(
      published('InstitutionReinstated', ids[1] as string, {
        institutionId: INSTITUTION,
        by: 'kb-officer-1',
        at: '2025-04-01T08:00:00.000Z',
      }),
    );
    await subscription.handle(
      published('InstitutionClosed', ids[2] as string, {
        institutionId: INSTITUTION,
        by: 'kb-officer-1',
        at: '2026-01-15T08:00:00.000Z',
        reason: 'Merged',
      }),
    );
    const stream = await store.readStream(partnerInstitutionStreamId(INSTITUTION));
    expect(stream.map((e) => (e.data as { status: string }).status)).toEqual([
      'suspended',
      'active',
      'closed',
    ]);
    expect(stream[0]?.data).not.toHaveProperty('name');
  });

  it('dead-letters a payload without the fields research reads, naming them', async () => {
    const noName = published('InstitutionRegistered', '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', {
      institutionId: INSTITUTION,
      country: 'Senegal',
    });
    const error = await subscription.handle(noName).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadLetterError);
    expect(error).toMatchObject({
      reason: 'schema-invalid',
      fieldErrors: [{ field: 'data.name' }, { field: 'data.country' }],
    });
    await expect(
      subscription.handle(
        published('InstitutionClosed', '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a', { reason: 'x' }),
      ),
    ).rejects.toMatchObject({
      reason: 'schema-invalid',
      fieldErrors: [{ field: 'data.institutionId' }],
    });
    expect(await store.headPosition()).toBe(0);
  });
});
