import { DuplicateEventError, WrongExpectedVersionError } from '../../store/event-store.errors';
import type { EventStore } from '../../store/event-store.port';
import { UnknownEventTypeError } from '../event-type/event-type.errors';
import { PersonalDataUnprotectedError } from '../personal-data/personal-data.errors';
import { MemorySnapshotStore } from '../snapshot/memory.snapshot-store';
import { InMemoryEventStore } from '../../store/memory/in-memory-event-store';
import { LedgerOpened } from '../test-fixtures/ledger.events';
import {
  InsufficientFundsError,
  ledgerDecider,
  type LedgerCommand,
  type LedgerState,
} from '../test-fixtures/ledger.decider';
import { ledgerStore, metadata, owner } from '../test-fixtures/ledger.setup';
import { handleCommand, type HandleCommandOptions } from './handle-command';
import { loadState, type DeciderSnapshots } from './load-state';
import { deposit, open } from './ledger.commands.fixture';

/** Event ids are UUID v7 (newEventId). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type RunOptions = Partial<HandleCommandOptions<LedgerState>>;

/**
 * A ledger store (ledgerStore) and `run`: handleCommand of a ledger command on
 * `ledger-1` with the store's event types, the test metadata, `options` and
 * those of the call.
 */
function ledger(options: RunOptions = {}) {
  const fixture = ledgerStore();
  const run = (command: LedgerCommand, more: RunOptions = {}) =>
    handleCommand(fixture.store, 'ledger-1', ledgerDecider, command, {
      eventTypes: fixture.eventTypes,
      metadata,
      ...options,
      ...more,
    });
  /** Appends to ledger-1, below the typed store, a deposit at an old schema version (second event). */
  const appendLegacyDeposit = (schemaVersion: number, data: Record<string, unknown>) =>
    fixture.raw.append('ledger-1', 1, [
      { eventId: 'legacy-1', type: 'ledger.AmountDeposited', schemaVersion, data, metadata },
    ]);
  return { ...fixture, run, appendLegacyDeposit };
}

describe('handleCommand', () => {
  it('appends the decided events with ids, schema versions and metadata', async () => {
    const { store, run } = ledger();
    const result = await run(open);
    expect(result.nextExpectedVersion).toBe(1);
    expect(result.positions).toEqual([1]);
    expect(result.events).toEqual([
      LedgerOpened.of({ ledgerId: 'ledger-1', owner, openedAt: '2024-03-01T10:00:00Z' }),
    ]);
    expect(result.state).toMatchObject({ status: 'open', balance: 0 });

    const second = await run(deposit(5));
    expect(second.nextExpectedVersion).toBe(2);
    const [first, next] = await store.readStream('ledger-1');
    expect(first!.eventId).toMatch(UUID);
    expect(first!.eventId).toBe(result.newEvents[0]!.eventId);
    expect(next).toMatchObject({
      type: 'ledger.AmountDeposited',
      schemaVersion: 3,
      streamVersion: 2,
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: metadata.actor,
      occurredAt: metadata.occurredAt,
      data: { amount: 5, currency: 'EUR' },
    });
  });

  it('lets a domain error through and appends nothing', async () => {
    const { store, run } = ledger();
    await run(open);
    await expect(run({ type: 'Withdraw', amount: 1 })).rejects.toThrow(InsufficientFundsError);
    expect(await store.streamVersion('ledger-1')).toBe(1);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const { store, run } = ledger();
    await run(open);
    const result = await run(deposit(0));
    expect(result).toMatchObject({
      nextExpectedVersion: 1,
      positions: [],
      events: [],
      newEvents: [],
    });
    expect(await store.headPosition()).toBe(1);
  });

  it("refuses the caller's stale expected version before deciding", async () => {
    const { run } = ledger();
    await run(open);
    const decide = jest.spyOn(ledgerDecider, 'decide');
    const stale = run(deposit(1), { expectedVersion: 0 });
    await expect(stale).rejects.toThrow(WrongExpectedVersionError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 0, actualVersion: 1 });
    expect(decide).not.toHaveBeenCalled();
    decide.mockRestore();
    const noStream = run(open, { expectedVersion: 'no-stream' });
    await expect(noStream).rejects.toThrow(WrongExpectedVersionError);
    const right = await run(deposit(1), { expectedVersion: 1 });
    expect(right.nextExpectedVersion).toBe(2);
    const any = await run(deposit(1), { expectedVersion: 'any' });
    expect(any.nextExpectedVersion).toBe(3);
  });

  it('turns a write between load and append into a conflict, never a lost update', async () => {
    const { store, eventTypes, run } = ledger();
    await run(open);
    await run(deposit(10));

    // Writer A loads (balance 10), then writer B withdraws 10 before A appends.
    let releaseA!: () => void;
    const gate = new Promise<void>((resolve) => (releaseA = resolve));
    const slowStore: EventStore = Object.create(store, {
      append: {
        value: async (...args: Parameters<EventStore['append']>) => (
          await gate,
          store.append(...args)
        ),
      },
    });
    const writerA = handleCommand(
      slowStore,
      'ledger-1',
      ledgerDecider,
      { type: 'Withdraw', amount: 10 },
      { eventTypes, metadata },
    );
    await new Promise((resolve) => setImmediate(resolve));
    await run({ type: 'Withdraw', amount: 10 });
    releaseA();

    await expect(writerA).rejects.toMatchObject({
      name: 'WrongExpectedVersionError',
      expectedVersion: 2,
      actualVersion: 3,
    });
    const state = await loadState(store, 'ledger-1', ledgerDecider, { eventTypes });
    expect(state).toMatchObject({ version: 3, state: { balance: 0 } });
  });

  it('of concurrent commands on one stream, one wins and the others conflict', async () => {
    const { store, run } = ledger();
    await run(open);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => run(deposit(1))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
    }
    expect(await store.streamVersion('ledger-1')).toBe(2);
  });

  it('folds old versions upcast to the current one', async () => {
    const { run, appendLegacyDeposit } = ledger();
    await run(open);
    await appendLegacyDeposit(1, { amountCents: 2550 });
    await expect(run({ type: 'Withdraw', amount: 25.51 })).rejects.toThrow(InsufficientFundsError);
    const result = await run({ type: 'Withdraw', amount: 25.5 });
    expect(result.state).toMatchObject({ balance: 0, entries: 2 });
  });

  it('refuses to put personal data in a store that would keep it in clear', async () => {
    const { eventTypes } = ledgerStore();
    const raw = new InMemoryEventStore();
    await expect(
      handleCommand(raw, 'ledger-1', ledgerDecider, open, { eventTypes, metadata }),
    ).rejects.toThrow(PersonalDataUnprotectedError);
    expect(await raw.headPosition()).toBe(0);
  });

  it('refuses a decided event of an unregistered type', async () => {
    const { store, eventTypes } = ledgerStore();
    const rogue = {
      ...ledgerDecider,
      decide: () => [{ type: 'ledger.Mystery', data: {} }] as never[],
    };
    await expect(
      handleCommand(store, 'ledger-1', rogue, open, { eventTypes, metadata }),
    ).rejects.toThrow(UnknownEventTypeError);
  });

  it('uses the given event ids, so a redelivered command is a duplicate', async () => {
    const { store, run } = ledger({ eventId: (_, i) => `msg-1-${i}` });
    await run(open);
    expect((await store.readStream('ledger-1'))[0]!.eventId).toBe('msg-1-0');
    await expect(run(deposit(1))).rejects.toThrow(DuplicateEventError);
  });
});

describe('handleCommand with snapshots', () => {
  function setup(every = 3, overrides: Partial<DeciderSnapshots<LedgerState>> = {}) {
    const snapshotStore = new MemorySnapshotStore();
    const snapshots: DeciderSnapshots<LedgerState> = {
      store: snapshotStore,
      every,
      schemaVersion: 1,
      ...overrides,
    };
    return { ...ledger({ snapshots }), snapshotStore, snapshots };
  }

  it('saves a snapshot when an append crosses a multiple of N, and loads from it plus the tail', async () => {
    const { store, eventTypes, snapshotStore, snapshots, run } = setup(3);
    await run(open);
    await run(deposit(1));
    expect(await snapshotStore.load('ledger-1')).toBeUndefined();
    await run(deposit(2));
    expect(await snapshotStore.load('ledger-1')).toMatchObject({
      version: 3,
      schemaVersion: 1,
      state: { balance: 3 },
    });
    await run(deposit(4));

    const readStream = jest.spyOn(store, 'readStream');
    const loaded = await loadState(store, 'ledger-1', ledgerDecider, { eventTypes, snapshots });
    expect(readStream.mock.calls).toEqual([['ledger-1', 4]]);
    expect(loaded).toMatchObject({
      version: 4,
      snapshotVersion: 3,
      state: { balance: 7, entries: 3 },
    });
    expect(loaded.state).toEqual(
      (await loadState(store, 'ledger-1', ledgerDecider, { eventTypes })).state,
    );
  });

  it('ignores a snapshot of another schema version and replays everything', async () => {
    const { store, eventTypes, snapshotStore, run } = setup(2);
    for (const command of [open, deposit(1), deposit(2), deposit(3)]) await run(command);
    await snapshotStore.save({
      streamId: 'ledger-1',
      version: 4,
      schemaVersion: 1,
      state: { status: 'open', balance: 999 },
    });
    const loaded = await loadState(store, 'ledger-1', ledgerDecider, {
      eventTypes,
      snapshots: { store: snapshotStore, every: 2, schemaVersion: 2 },
    });
    expect(loaded).toMatchObject({ snapshotVersion: 0, version: 4, state: { balance: 6 } });
  });

  it('ignores a snapshot that does not fit the stream', async () => {
    const { store, eventTypes, snapshotStore, snapshots, run } = setup(2);
    await run(open);
    await snapshotStore.save({
      streamId: 'ledger-1',
      version: 7,
      schemaVersion: 1,
      state: { status: 'open', balance: 999 },
    });
    const loaded = await loadState(store, 'ledger-1', ledgerDecider, { eventTypes, snapshots });
    expect(loaded).toMatchObject({ snapshotVersion: 0, version: 1, state: { balance: 0 } });
  });

  it('decodes and encodes the state through the policy', async () => {
    const { store, eventTypes, snapshotStore, run } = setup(1, {
      toSnapshot: (state) => ({ wrapped: state }),
      fromSnapshot: (json) => (json as { wrapped: LedgerState }).wrapped,
    });
    await run(open);
    expect(await snapshotStore.load('ledger-1')).toMatchObject({
      state: { wrapped: { status: 'open' } },
    });
    const loaded = await loadState(store, 'ledger-1', ledgerDecider, {
      eventTypes,
      snapshots: {
        store: snapshotStore,
        every: 1,
        schemaVersion: 1,
        fromSnapshot: (json) => (json as { wrapped: LedgerState }).wrapped,
      },
    });
    expect(loaded).toMatchObject({ snapshotVersion: 1, state: { status: 'open' } });
  });

  it('does not fail the command when the snapshot store fails', async () => {
    const onError = jest.fn();
    const { snapshotStore, run } = setup(1, { onError });
    jest.spyOn(snapshotStore, 'save').mockRejectedValue(new Error('disk full'));
    jest.spyOn(snapshotStore, 'load').mockRejectedValue(new Error('unreachable'));
    await expect(run(open)).resolves.toMatchObject({ nextExpectedVersion: 1 });
    await expect(run(deposit(2))).resolves.toMatchObject({
      nextExpectedVersion: 2,
      state: { balance: 2 },
    });
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'disk full' }),
      'save',
      'ledger-1',
    );
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'unreachable' }),
      'load',
      'ledger-1',
    );
  });

  it('warns through the process when no onError is given', async () => {
    const { snapshotStore, run } = setup(1);
    jest.spyOn(snapshotStore, 'save').mockRejectedValue(new Error('disk full'));
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    await run(open);
    expect(warn).toHaveBeenCalledWith('Snapshot save failed for stream ledger-1: disk full', {
      code: 'SFP_SNAPSHOT',
    });
    warn.mockRestore();
  });

  it('keeps working from snapshot + tail after the deposits are upcast', async () => {
    const { store, eventTypes, snapshots, run, appendLegacyDeposit } = setup(2);
    await run(open);
    await appendLegacyDeposit(2, { amount: 4 });
    for (const amount of [1, 1, 1]) await run(deposit(amount));
    const viaSnapshot = await loadState(store, 'ledger-1', ledgerDecider, {
      eventTypes,
      snapshots,
    });
    const replayed = await loadState(store, 'ledger-1', ledgerDecider, { eventTypes });
    expect(viaSnapshot).toMatchObject({ snapshotVersion: 4, version: 5 });
    expect(viaSnapshot.state).toEqual(replayed.state);
    expect(replayed.state).toMatchObject({ balance: 7 });
  });
});
