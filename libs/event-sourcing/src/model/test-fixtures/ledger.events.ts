import { defineEventType, type EventOf } from '../event-type/event-type.definition';
import { EventTypeRegistry } from '../event-type/event-type.registry';

// A small example domain for the model's own tests: a ledger with an owner (personal data).

export interface LedgerOwner {
  personId: string;
  name: string;
  email?: string;
}

export class LedgerOpened extends defineEventType<{
  ledgerId: string;
  owner: LedgerOwner;
  openedAt: string;
}>()({
  type: 'ledger.LedgerOpened',
  schemaVersion: 1,
  personalData: { subjectIdPath: 'owner.personId', fields: ['owner.name', 'owner.email'] },
}) {}

/** v1 `{ amountCents }`, v2 `{ amount }`, v3 `{ amount, currency }`. */
export class AmountDeposited extends defineEventType<{ amount: number; currency: string }>()({
  type: 'ledger.AmountDeposited',
  schemaVersion: 3,
}) {}

export class AmountWithdrawn extends defineEventType<{ amount: number }>()({
  type: 'ledger.AmountWithdrawn',
  schemaVersion: 1,
}) {}

export class LedgerClosed extends defineEventType<{ closedAt: string }>()({
  type: 'ledger.LedgerClosed',
  schemaVersion: 1,
}) {}

export type LedgerEvent =
  | EventOf<typeof LedgerOpened>
  | EventOf<typeof AmountDeposited>
  | EventOf<typeof AmountWithdrawn>
  | EventOf<typeof LedgerClosed>;

export function ledgerEventTypes(): EventTypeRegistry {
  return new EventTypeRegistry()
    .register(LedgerOpened, AmountDeposited, AmountWithdrawn, LedgerClosed)
    .registerUpcaster(AmountDeposited, 1, (data: { amountCents: number }) => ({
      amount: data.amountCents / 100,
    }))
    .registerUpcaster(AmountDeposited, 2, (data: { amount: number }) => ({
      ...data,
      currency: 'EUR',
    }));
}
