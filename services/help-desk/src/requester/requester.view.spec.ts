import type { RecordedEvent } from '@sfp/event-sourcing';
import {
  ServiceRequestCommented,
  ServiceRequestSatisfactionRated,
  type ServiceRequestEvent,
} from '../service-request/domain/service-request.events';
import { at, history } from '../service-request/domain/testing/service-request.fixtures';
import { buildRequesterView } from './requester.view';

/** The events as the store would hand them back, in order. */
function recorded(events: ServiceRequestEvent[]): RecordedEvent[] {
  return events.map((event, index) => ({
    eventId: `e-${index + 1}`,
    type: event.type,
    schemaVersion: 1,
    streamId: 'service-request-1',
    streamVersion: index + 1,
    position: index + 1,
    occurredAt: at(index),
    recordedAt: at(index),
    correlationId: 'c',
    actor: { kind: 'person', id: 'op-1' },
    data: event.data,
  }));
}

const comment = (text: string, day: number, extra: object) =>
  ServiceRequestCommented.of({
    requestId: 'r',
    commentId: `c-${day}`,
    text,
    author: 'op-1',
    commentedAt: at(day),
    ...extra,
  });

describe('the requester’s view of their request', () => {
  const expires = new Date(at(30));

  it('shows the request, public replies both ways and the answer, never an internal note (nor an old comment without visibility)', () => {
    const view = buildRequesterView(
      recorded([
        ...history['in-progress'],
        comment('Internal: check the pilot', 3.1, { visibility: 'internal' }),
        comment('Recorded before replies existed', 3.2, {}),
        comment('How many members?', 3.3, { visibility: 'public' }),
        comment('About 25', 3.4, { visibility: 'public', fromRequester: true }),
      ]),
      expires,
    );
    expect(view?.thread.map((e) => [e.kind, e.from, e.text])).toEqual([
      ['request', 'requester', 'How should the fund for youth entrepreneurs be managed?'],
      ['reply', 'help-desk', 'How many members?'],
      ['reply', 'requester', 'About 25'],
    ]);
    expect(view).toMatchObject({ canReply: true, canRate: false, linkExpiresAt: at(30) });
    expect(JSON.stringify(view)).not.toContain('op-1');
  });

  it('asks the satisfaction question once resolved, and no more once answered', () => {
    const resolved = buildRequesterView(recorded(history.resolved), expires);
    expect(resolved).toMatchObject({ status: 'resolved', canRate: true, canReply: true });
    expect(resolved?.thread.at(-1)?.kind).toBe('resolution');
    const rated = buildRequesterView(
      recorded([
        ...history.resolved,
        ServiceRequestSatisfactionRated.of({ requestId: 'r', rating: 5, ratedAt: at(6) }),
      ]),
      expires,
    );
    expect(rated).toMatchObject({ canRate: false, satisfaction: { rating: 5, ratedAt: at(6) } });
    const closed = buildRequesterView(recorded(history.closed), expires);
    expect(closed).toMatchObject({ canReply: false, canRate: true });
  });
});
