import { newEventId } from './event-id';

describe('newEventId', () => {
  it('is a UUID version 7 (RFC 9562) carrying the time in milliseconds', () => {
    const at = Date.UTC(2026, 10, 29, 12, 0, 0, 123);
    const id = newEventId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time, and never repeats (10,000 ids, across refills of the random pool)', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => newEventId(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const sameMs = Array.from({ length: 1_000 }, () => newEventId(1_700_000_000_000));
    expect(new Set(sameMs).size).toBe(sameMs.length);
  });
});
