import { openSqliteConsumerState } from '@sfp/messaging';
import { ContextLeadership } from './context-leadership';

/**
 * ContextLeadership on the real SQLite lease store (the embedded adapter;
 * the MongoDB one is the same port, checked by the two-instance kill test).
 * The store's clock is the test's, so a lease can be made to expire.
 */
describe('ContextLeadership', () => {
  const TTL = 300;
  let offsetMs = 0;
  const state = openSqliteConsumerState(':memory:', () => new Date(Date.now() + offsetMs));
  const journal: string[] = [];
  const running: ContextLeadership[] = [];

  const instance = (name: string) => {
    const leadership = new ContextLeadership({
      name: 'help-desk.leader',
      leases: state.leases,
      ttlMs: TTL,
      owner: name,
      onElected: async () => void journal.push(`${name} elected`),
      onDeposed: async () => void journal.push(`${name} deposed`),
    });
    running.push(leadership);
    leadership.start();
    return leadership;
  };

  const until = async (what: string, condition: () => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`never: ${what} (${journal.join(', ')})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  afterEach(async () => {
    await Promise.all(running.splice(0).map((leadership) => leadership.stop()));
    journal.length = 0;
    offsetMs = 0;
  });
  afterAll(() => state.close());

  it('elects one of two instances, and the other once the leader stops', async () => {
    const a = instance('a');
    await until('a leads', () => a.isLeader);
    const b = instance('b');
    // b keeps asking for the lease for several of its rounds, in vain.
    await new Promise((resolve) => setTimeout(resolve, TTL));
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    expect(journal).toEqual(['a elected']);

    await a.stop();
    await until('b leads', () => b.isLeader);
    expect(journal).toEqual(['a elected', 'a deposed', 'b elected']);
    expect(b.status()).toMatchObject({ lease: 'help-desk.leader', owner: 'b', leader: true });
  });

  it('steps down when another instance took the lease (a renewal that fails)', async () => {
    const a = instance('a');
    await until('a leads', () => a.isLeader);
    // Seen from the store, a's lease expired (a paused too long), and c takes it.
    offsetMs = 10 * TTL;
    expect(await state.leases.acquire('help-desk.leader', 'c', 60_000)).toBe(true);
    await until('a steps down', () => !a.isLeader);
    expect(journal).toEqual(['a elected', 'a deposed']);
    expect(a.status().leader).toBe(false);
  });

  it('rides out one renewal the store does not answer, and steps down when it stays silent', async () => {
    let silent = 0;
    const leases = {
      ...state.leases,
      acquire: (name: string, owner: string, ttl: number) =>
        silent-- > 0
          ? Promise.reject(new Error('store busy'))
          : state.leases.acquire(name, owner, ttl),
    };
    const leadership = new ContextLeadership({
      name: 'slow.leader',
      leases,
      ttlMs: TTL,
      owner: 'a',
      onElected: async () => void journal.push('elected'),
      onDeposed: async () => void journal.push('deposed'),
    });
    running.push(leadership);
    leadership.start();
    await until('a leads', () => leadership.isLeader);
    silent = 1;
    await new Promise((resolve) => setTimeout(resolve, TTL));
    expect(journal).toEqual(['elected']);
    silent = 1_000;
    await until('a steps down', () => !leadership.isLeader);
    expect(journal).toEqual(['elected', 'deposed']);
  });

  it('retries a start that failed: the work is undone, then started again', async () => {
    let attempts = 0;
    const leadership = new ContextLeadership({
      name: 'kb.leader',
      leases: state.leases,
      ttlMs: TTL,
      owner: 'a',
      onElected: async () => {
        attempts++;
        journal.push(`start ${attempts}`);
        if (attempts === 1) throw new Error('projection store unreachable');
      },
      onDeposed: async () => void journal.push('stop'),
      onError: (_, during) => journal.push(`failed ${during}`),
    });
    running.push(leadership);
    leadership.start();
    await until('the second start', () => attempts === 2);
    expect(journal).toEqual(['start 1', 'failed elected', 'stop', 'start 2']);
    expect(leadership.status()).toMatchObject({ leader: true, elections: 2 });
  });
});
