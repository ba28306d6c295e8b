import { DuplicateEventError, WrongExpectedVersionError } from '../../store/event-store.errors';
import type { EventStore } from '../../store/event-store.port';
import { AmountDeposited, type LedgerEvent } from '../test-fixtures/ledger.events';
import {
  InsufficientFundsError,
  ledgerDecider,
  type LedgerCommand,
  type LedgerState,
} from '../test-fixtures/ledger.decider';
import { ledgerStore, metadata } from '../test-fixtures/ledger.setup';
import { eventIdsFrom, uuidFromKey } from './event-ids';
import {
  countCommandOutcomes,
  executeCommand,
  type CommandContext,
  type CommandOutcomeReport,
  type ExecuteCommandOptions,
} from './execute-command';
import { handleCommand } from './handle-command';
import { deposit, open } from './ledger.commands.fixture';

const context: CommandContext = {
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  actor: metadata.actor,
};
const occurredAt = '2024-03-02T09:30:00.000Z';

type Options = ExecuteCommandOptions<LedgerState, LedgerCommand, LedgerEvent>;
type Report = CommandOutcomeReport<LedgerCommand, LedgerEvent>;

/**
 * given: the ledger-1 stream after `history`; when: one command through the
 * pipeline, each build and the outcome recorded. `racedBy`: another writer
 * appends between load and append.
 */
async function given(...history: LedgerCommand[]) {
  const fixture = ledgerStore();
  /** A command of another writer, straight through handleCommand. */
  const write = (command: LedgerCommand, streamId = 'ledger-1') =>
    handleCommand(fixture.store, streamId, ledgerDecider, command, {
      eventTypes: fixture.eventTypes,
      metadata,
    });
  for (const command of history) await write(command);
  const reports: Report[] = [];
  const built: LedgerCommand[] = [];
  let races = 0;
  let racer: LedgerCommand | undefined;
  const store: EventStore = Object.create(fixture.store, {
    append: {
      value: async (...args: Parameters<EventStore['append']>) => {
        if (racer && races-- > 0) await write(racer);
        return fixture.store.append(...args);
      },
    },
  });
  return {
    ...fixture,
    write,
    reports,
    built,
    /** Another writer appends `command` before each of the next `times` appends. */
    racedBy(command: LedgerCommand, times = 1) {
      racer = command;
      races = times;
    },
    when(command: LedgerCommand | (() => LedgerCommand), options: Partial<Options> = {}) {
      return executeCommand({
        store,
        eventTypes: fixture.eventTypes,
        streamId: 'ledger-1',
        decider: ledgerDecider,
        command: () => {
          const next = typeof command === 'function' ? command() : command;
          built.push(next);
          return next;
        },
        context,
        occurredAt,
        onOutcome: (report) => reports.push(report),
        ...options,
      });
    },
  };
}

/** The outcome of a command on ledger-1. */
const outcomeOf = (streamVersion: number, position: number, changed: boolean) => ({
  streamId: 'ledger-1',
  streamVersion,
  position,
  changed,
});

describe('executeCommand', () => {
  it('accepted: appends the decided events with the caller’s time and reports them', async () => {
    const ledger = await given(open);
    const outcome = await ledger.when(deposit(5));
    expect(outcome).toEqual(outcomeOf(2, 2, true));
    const [, recorded] = await ledger.store.readStream('ledger-1');
    expect(recorded).toMatchObject({
      type: 'ledger.AmountDeposited',
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: metadata.actor,
      occurredAt,
    });
    expect(ledger.reports).toEqual([
      {
        streamId: 'ledger-1',
        command: deposit(5),
        outcome: 'accepted',
        events: [AmountDeposited.of({ amount: 5, currency: 'EUR' })],
      },
    ]);
  });

  it('accepted with nothing to append: unchanged version, the store’s head as position', async () => {
    const ledger = await given(open);
    await ledger.write(open, 'ledger-2');
    const outcome = await ledger.when(deposit(0));
    expect(outcome).toEqual(outcomeOf(1, 2, false));
    expect(ledger.reports).toMatchObject([{ outcome: 'accepted', events: [] }]);
  });

  it('refused: the domain error is rethrown, reported as rejected, nothing appended', async () => {
    const ledger = await given(open);
    await expect(ledger.when({ type: 'Withdraw', amount: 1 })).rejects.toThrow(
      InsufficientFundsError,
    );
    expect(await ledger.store.streamVersion('ledger-1')).toBe(1);
    expect(ledger.reports).toEqual([
      {
        streamId: 'ledger-1',
        command: { type: 'Withdraw', amount: 1 },
        outcome: 'rejected',
        events: [],
        error: expect.any(InsufficientFundsError),
      },
    ]);
  });

  it('failed: an error without a code, or one the caller does not count as a refusal', async () => {
    const ledger = await given(open);
    jest.spyOn(ledger.store, 'append').mockRejectedValueOnce(new Error('disk full'));
    await expect(ledger.when(deposit(1))).rejects.toThrow('disk full');
    await expect(
      ledger.when({ type: 'Withdraw', amount: 1 }, { isRejection: () => false }),
    ).rejects.toThrow(InsufficientFundsError);
    expect(ledger.reports.map((r) => r.outcome)).toEqual(['failed', 'failed']);
  });

  it('a stream at another version than the pinned one: thrown at once, not retried', async () => {
    const ledger = await given(open, deposit(1));
    const stale = ledger.when(deposit(1), { context: { ...context, expectedVersion: 1 } });
    await expect(stale).rejects.toThrow(WrongExpectedVersionError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect(ledger.built).toHaveLength(1);
    expect(ledger.reports).toMatchObject([{ outcome: 'rejected', events: [] }]);
  });

  it('a write between load and append, with a pinned version: thrown at once, not retried', async () => {
    const ledger = await given(open, deposit(10));
    ledger.racedBy(deposit(1));
    await expect(
      ledger.when(deposit(5), { context: { ...context, expectedVersion: 2 } }),
    ).rejects.toMatchObject({
      name: 'WrongExpectedVersionError',
      expectedVersion: 2,
      actualVersion: 3,
    });
    expect(ledger.built).toHaveLength(1);
    expect(await ledger.store.streamVersion('ledger-1')).toBe(3);
    expect(ledger.reports).toMatchObject([{ outcome: 'rejected' }]);
  });

  it('a conflict with no pinned version: the command is rebuilt and decided again on the fresh state', async () => {
    const ledger = await given(open, deposit(10));
    ledger.racedBy({ type: 'Withdraw', amount: 4 });
    // The command reads the balance elsewhere: the second build sees the other writer's withdrawal.
    let balance = 10;
    const outcome = await ledger.when(() => {
      const all: LedgerCommand = { type: 'Withdraw', amount: balance };
      balance = 6;
      return all;
    });
    expect(outcome).toEqual(outcomeOf(4, 4, true));
    expect(ledger.built).toEqual([
      { type: 'Withdraw', amount: 10 },
      { type: 'Withdraw', amount: 6 },
    ]);
    expect(ledger.reports).toMatchObject([
      { outcome: 'accepted', command: { type: 'Withdraw', amount: 6 } },
    ]);
  });

  it("'any' pins nothing: its conflict is retried too", async () => {
    const ledger = await given(open);
    ledger.racedBy(deposit(1));
    await expect(
      ledger.when(deposit(2), { context: { ...context, expectedVersion: 'any' } }),
    ).resolves.toMatchObject({ streamVersion: 3 });
    expect(ledger.built).toHaveLength(2);
  });

  it('retries exhausted: the last conflict is thrown after `attempts` tries (3 by default)', async () => {
    const ledger = await given(open);
    ledger.racedBy(deposit(1), Infinity);
    await expect(ledger.when(deposit(2))).rejects.toThrow(WrongExpectedVersionError);
    expect(ledger.built).toHaveLength(3);
    expect(ledger.reports).toMatchObject([{ outcome: 'rejected', events: [] }]);

    const again = await given(open);
    again.racedBy(deposit(1), Infinity);
    await expect(again.when(deposit(2), { attempts: 1 })).rejects.toThrow(
      WrongExpectedVersionError,
    );
    expect(again.built).toHaveLength(1);
    await expect(again.when(deposit(2), { attempts: 0 })).rejects.toThrow(RangeError);
  });

  it('an idempotency key gives the same event ids: a redelivered command appends nothing twice', async () => {
    const ledger = await given(open);
    const redelivered = { context: { ...context, idempotencyKey: 'msg-1' } };
    await ledger.when(deposit(5), redelivered);
    const [, first] = await ledger.store.readStream('ledger-1');
    expect(first!.eventId).toBe(
      eventIdsFrom('msg-1')(AmountDeposited.of({ amount: 5, currency: 'EUR' }), 0),
    );

    await expect(ledger.when(deposit(5), redelivered)).rejects.toThrow(DuplicateEventError);
    expect(await ledger.store.streamVersion('ledger-1')).toBe(2);
    expect(ledger.reports.map((r) => r.outcome)).toEqual(['accepted', 'rejected']);
  });

  it('a failure to build the command goes to the caller with no outcome', async () => {
    const ledger = await given(open);
    await expect(
      ledger.when(() => {
        throw new Error('read model unavailable');
      }),
    ).rejects.toThrow('read model unavailable');
    expect(ledger.reports).toEqual([]);
  });
});

describe('countCommandOutcomes', () => {
  it('counts each command by context, type and outcome, and the events it appended', async () => {
    const commands = { inc: jest.fn() };
    const eventsAppended = { inc: jest.fn() };
    const ledger = await given(open);
    const onOutcome = countCommandOutcomes({ commands, eventsAppended }, 'ledger');
    await ledger.when(deposit(5), { onOutcome });
    await ledger.when(deposit(0), { onOutcome });
    await expect(ledger.when({ type: 'Withdraw', amount: 50 }, { onOutcome })).rejects.toThrow();
    expect(commands.inc.mock.calls).toEqual([
      [{ context: 'ledger', command: 'Deposit', outcome: 'accepted' }],
      [{ context: 'ledger', command: 'Deposit', outcome: 'accepted' }],
      [{ context: 'ledger', command: 'Withdraw', outcome: 'rejected' }],
    ]);
    expect(eventsAppended.inc.mock.calls).toEqual([[{ context: 'ledger' }, 1]]);
  });
});

describe('eventIdsFrom', () => {
  it('derives the same UUID-shaped ids from the same key, one per index (the stored layout)', () => {
    const ids = eventIdsFrom('msg-1');
    const event = AmountDeposited.of({ amount: 1, currency: 'EUR' });
    expect([ids(event, 0), ids(event, 1)]).toEqual([
      'f1369387-3f76-542d-aed2-ce739397ba8a',
      '369ac314-ee1e-5d39-a648-8d21eb31bb3c',
    ]);
    expect(eventIdsFrom('msg-2')(event, 0)).not.toBe(ids(event, 0));
    expect(uuidFromKey('register:x:m', 4)).toBe('adb78490-b0f2-42c5-abdf-975bfdc3a8e1');
  });
});
