import { createTestDatabase } from '@sfp/testing';
import { mongoConsumerState } from './mongo-consumer-state';

const SKEW_MS = 5 * 60_000;

/** This process's clock set `ms` ahead (only Date: the driver's timers run as before). */
function clockAhead(ms: number): void {
  jest.useFakeTimers({
    now: Date.now() + ms,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/**
 * Leases between instances whose clocks disagree: expiry is read on the
 * database server's clock, so an instance 5 minutes ahead neither takes a
 * lease that is still valid nor keeps one 5 minutes past its end.
 */
describe('MongoDB leases with an instance clock 5 minutes ahead (real server)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase('lease_clock');
  });
  afterEach(() => jest.useRealTimers());
  afterAll(() => db.cleanup());

  it('does not let the instance ahead take a lease another one holds', async () => {
    const { leases } = mongoConsumerState(db.connection);
    expect(await leases.acquire('held', 'on-time', 10_000)).toBe(true);
    clockAhead(SKEW_MS);
    expect(await leases.acquire('held', 'ahead', 10_000)).toBe(false);
    jest.useRealTimers();
    expect(await leases.acquire('held', 'on-time', 10_000)).toBe(true);
  });

  it('lets the others take the lease of the instance ahead once its time is up', async () => {
    const { leases } = mongoConsumerState(db.connection);
    clockAhead(SKEW_MS);
    expect(await leases.acquire('expiring', 'ahead', 500)).toBe(true);
    jest.useRealTimers();
    expect(await leases.acquire('expiring', 'on-time', 500)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await leases.acquire('expiring', 'on-time', 500)).toBe(true);
  });
});
