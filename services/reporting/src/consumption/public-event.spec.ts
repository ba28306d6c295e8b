import { HelpDeskHistory } from '../../test/support/help-desk-history';
import { logStreamIdOf, PERSONAL_DATA_REMOVED, publicEventOf, toLoggedEvent } from './public-event';

describe("public events in reporting's log", () => {
  it('keeps the source envelope and drops personal data', () => {
    const h = new HelpDeskHistory();
    const source = h.submit('r1', '2026-01-01T00:00:00.000Z', {
      kind: 'referral',
      themes: ['youth'],
      priority: 'low',
    });
    const logged = toLoggedEvent('help-desk', source);
    expect(logged.eventId).toBe(source.eventId);
    expect(JSON.stringify(logged)).not.toContain('sfp:personal-data');
    // As the log records it: its own stream, position and time; the source's are kept in the data.
    const recorded = {
      ...logged,
      streamId: logStreamIdOf('help-desk', source.streamId),
      streamVersion: 1,
      position: 77,
      occurredAt: logged.metadata.occurredAt,
      recordedAt: '2026-06-01T00:00:00.000Z',
      correlationId: logged.metadata.correlationId,
      actor: logged.metadata.actor,
    };
    const event = publicEventOf(recorded);
    expect(event).toMatchObject({
      context: 'help-desk',
      eventId: source.eventId,
      type: 'help-desk.ServiceRequestSubmitted',
      streamId: source.streamId,
      streamVersion: 1,
      sourcePosition: source.position,
      recordedAt: '2026-01-01T00:00:00.000Z',
      occurredAt: '2026-01-01T00:00:00.000Z',
    });
    expect((event.data as any).requester).toEqual({
      personId: 'p-1',
      name: PERSONAL_DATA_REMOVED,
      email: PERSONAL_DATA_REMOVED,
      origin: 'regional-office',
      organisation: 'RO Africa',
    });
    expect((event.data as any).themes).toEqual(['youth']);
  });
});
