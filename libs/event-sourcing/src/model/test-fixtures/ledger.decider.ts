import type { Decider } from '../decider/decider';
import {
  AmountDeposited,
  AmountWithdrawn,
  LedgerClosed,
  LedgerOpened,
  type LedgerEvent,
  type LedgerOwner,
} from './ledger.events';
import { CodedError } from '../../coded-error';

export type LedgerCommand =
  | { type: 'OpenLedger'; ledgerId: string; owner: LedgerOwner; now: string }
  | { type: 'Deposit'; amount: number }
  | { type: 'Withdraw'; amount: number }
  | { type: 'CloseLedger'; now: string };

export type LedgerState =
  | { status: 'none' }
  | {
      status: 'open' | 'closed';
      ledgerId: string;
      ownerId: string;
      balance: number;
      entries: number;
      checksum: number;
    };

export class LedgerNotOpenError extends CodedError {
  constructor() {
    super('LEDGER_NOT_OPEN', 'The ledger is not open');
  }
}

export class LedgerAlreadyOpenedError extends CodedError {
  constructor() {
    super('LEDGER_ALREADY_OPENED', 'The ledger was already opened');
  }
}

export class InsufficientFundsError extends CodedError {
  constructor(
    readonly balance: number,
    readonly amount: number,
  ) {
    super('INSUFFICIENT_FUNDS', `Cannot withdraw ${amount}: the balance is ${balance}`);
  }
}

/** Order-sensitive, so a snapshot that missed or reordered an event shows. */
function nextChecksum(checksum: number, amount: number): number {
  return (checksum * 31 + Math.round(amount * 100)) % 1_000_000_007;
}

export const ledgerDecider: Decider<LedgerState, LedgerCommand, LedgerEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'OpenLedger':
        if (state.status !== 'none') throw new LedgerAlreadyOpenedError();
        return [
          LedgerOpened.of({
            ledgerId: command.ledgerId,
            owner: command.owner,
            openedAt: command.now,
          }),
        ];
      case 'Deposit':
        if (state.status !== 'open') throw new LedgerNotOpenError();
        return command.amount === 0
          ? []
          : [AmountDeposited.of({ amount: command.amount, currency: 'EUR' })];
      case 'Withdraw':
        if (state.status !== 'open') throw new LedgerNotOpenError();
        if (command.amount > state.balance)
          throw new InsufficientFundsError(state.balance, command.amount);
        return [AmountWithdrawn.of({ amount: command.amount })];
      case 'CloseLedger':
        if (state.status !== 'open') throw new LedgerNotOpenError();
        return [LedgerClosed.of({ closedAt: command.now })];
      default: {
        const unknown: never = command;
        throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ledger.LedgerOpened':
        return {
          status: 'open',
          ledgerId: event.data.ledgerId,
          ownerId: event.data.owner.personId,
          balance: 0,
          entries: 0,
          checksum: 0,
        };
      case 'ledger.AmountDeposited':
      case 'ledger.AmountWithdrawn': {
        if (state.status === 'none') return state;
        const signed =
          event.type === 'ledger.AmountDeposited' ? event.data.amount : -event.data.amount;
        return {
          ...state,
          balance: state.balance + signed,
          entries: state.entries + 1,
          checksum: nextChecksum(state.checksum, signed),
        };
      }
      case 'ledger.LedgerClosed':
        return state.status === 'open' ? { ...state, status: 'closed' } : state;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  },
};
