import { AssertionError } from 'node:assert';
import {
  AmountDeposited,
  AmountWithdrawn,
  LedgerClosed,
  LedgerOpened,
} from '../test-fixtures/ledger.events';
import {
  InsufficientFundsError,
  LedgerNotOpenError,
  ledgerDecider,
} from '../test-fixtures/ledger.decider';
import { deciderSpec } from './decider-spec';

const spec = deciderSpec(ledgerDecider);
const owner = { personId: 'person-1', name: 'Ada' };
const opened = LedgerOpened.of({ ledgerId: 'l-1', owner, openedAt: '2024-03-01T10:00:00Z' });

describe('deciderSpec', () => {
  it('given / when / then', () => {
    spec
      .given()
      .when({ type: 'OpenLedger', ledgerId: 'l-1', owner, now: '2024-03-01T10:00:00Z' })
      .then([opened]);
    spec
      .given([opened, AmountDeposited.of({ amount: 10, currency: 'EUR' })])
      .when({ type: 'Withdraw', amount: 4 })
      .then([AmountWithdrawn.of({ amount: 4 })]);
  });

  it('thenThrows, with a closer look', () => {
    spec.given([]).when({ type: 'Deposit', amount: 1 }).thenThrows(LedgerNotOpenError);
    spec
      .given([opened])
      .when({ type: 'Withdraw', amount: 5 })
      .thenThrows(InsufficientFundsError, (error) => expect(error.balance).toBe(0));
  });

  it('thenNothingHappens and thenState', () => {
    spec.given([opened]).when({ type: 'Deposit', amount: 0 }).thenNothingHappens();
    spec.given([opened]).when({ type: 'CloseLedger', now: '2024-03-02T00:00:00Z' }).thenState({
      status: 'closed',
      ledgerId: 'l-1',
      ownerId: 'person-1',
      balance: 0,
      entries: 0,
      checksum: 0,
    });
  });

  it('fails with an assertion when the events differ, the error differs, or nothing is thrown', () => {
    expect(() =>
      spec
        .given([opened])
        .when({ type: 'Deposit', amount: 1 })
        .then([LedgerClosed.of({ closedAt: 'x' })]),
    ).toThrow(AssertionError);
    expect(() =>
      spec.given([opened]).when({ type: 'Withdraw', amount: 1 }).thenThrows(LedgerNotOpenError),
    ).toThrow('Expected decide to throw LedgerNotOpenError, but it threw InsufficientFundsError');
    expect(() =>
      spec.given([opened]).when({ type: 'Deposit', amount: 1 }).thenThrows(LedgerNotOpenError),
    ).toThrow(/but it produced \[\{"type":"ledger.AmountDeposited"/);
    expect(() => spec.given([]).when({ type: 'Deposit', amount: 1 }).then([])).toThrow(
      /decide threw: LedgerNotOpenError/,
    );
  });

  it('is not a promise', async () => {
    const when: unknown = spec.given([]).when({ type: 'Deposit', amount: 1 });
    await expect(Promise.resolve(when)).rejects.toThrow('not a promise');
  });
});
