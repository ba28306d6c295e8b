import type { LedgerCommand } from '../test-fixtures/ledger.decider';
import { owner } from '../test-fixtures/ledger.setup';

// Commands of the test ledger, shared by the decider specs of this folder.

export const open: LedgerCommand = {
  type: 'OpenLedger',
  ledgerId: 'ledger-1',
  owner,
  now: '2024-03-01T10:00:00Z',
};

export const deposit = (amount: number): LedgerCommand => ({ type: 'Deposit', amount });
