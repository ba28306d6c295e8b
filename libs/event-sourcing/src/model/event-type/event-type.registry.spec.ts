import { recorded } from '../test-fixtures/recorded.fixture';
import { AmountDeposited, LedgerOpened, ledgerEventTypes } from '../test-fixtures/ledger.events';
import { defineEventType, type EventOf } from './event-type.definition';
import {
  DuplicateEventTypeError,
  DuplicateUpcasterError,
  EventClassMismatchError,
  MissingUpcasterError,
  UnknownEventTypeError,
  UnsupportedSchemaVersionError,
} from './event-type.errors';
import { EventTypeRegistry } from './event-type.registry';

describe('defineEventType', () => {
  it('gives a class carrying the definition and building domain events', () => {
    expect(LedgerOpened.type).toBe('ledger.LedgerOpened');
    expect(LedgerOpened.schemaVersion).toBe(1);
    expect(LedgerOpened.personalData).toEqual({
      subjectIdPath: 'owner.personId',
      fields: ['owner.name', 'owner.email'],
    });
    const event: EventOf<typeof AmountDeposited> = AmountDeposited.of({
      amount: 5,
      currency: 'EUR',
    });
    expect(event).toEqual({ type: 'ledger.AmountDeposited', data: { amount: 5, currency: 'EUR' } });
  });

  it('refuses malformed definitions', () => {
    expect(() => defineEventType<{ a: string }>()({ type: 'NoContext', schemaVersion: 1 })).toThrow(
      /<context>.<EventName>/,
    );
    expect(() => defineEventType<{ a: string }>()({ type: 'x.Thing', schemaVersion: 0 })).toThrow(
      /schemaVersion/,
    );
    expect(() =>
      defineEventType<{ who: string; name: string }>()({
        type: 'x.Thing',
        schemaVersion: 1,
        personalData: { subjectIdPath: 'who', fields: ['who', 'name'] },
      }),
    ).toThrow(/subject id/);
  });

  it('type-checks personal data paths against the data', () => {
    defineEventType<{ person: { id: string; email: string } }>()({
      type: 'x.Typed',
      schemaVersion: 1,
      // @ts-expect-error a path that is not in the data
      personalData: { subjectIdPath: 'person.id', fields: ['person.mail'] },
    });
  });

  it('constructs only from a record of its own type and current version', () => {
    expect(
      () =>
        new AmountDeposited(recorded('ledger.AmountDeposited', 1, { amount: 1, currency: 'EUR' })),
    ).toThrow(EventClassMismatchError);
    expect(
      () => new AmountDeposited(recorded('ledger.Other', 3, { amount: 1, currency: 'EUR' })),
    ).toThrow(EventClassMismatchError);
  });
});

describe('EventTypeRegistry', () => {
  const registry = ledgerEventTypes();

  it('hydrates a record into its class, with every envelope field', () => {
    const record = recorded(
      'ledger.AmountDeposited',
      3,
      { amount: 12.5, currency: 'EUR' },
      { causationId: 'cause-1' },
    );
    const event = registry.hydrate(record);
    expect(event).toBeInstanceOf(AmountDeposited);
    expect({ ...event }).toEqual(record);
    if (!(event instanceof AmountDeposited)) throw new Error('unreachable');
    expect(event.data.currency).toBe('EUR');
  });

  it('names the type it does not know', () => {
    const record = recorded('ledger.Mystery', 1, {});
    expect(() => registry.hydrate(record)).toThrow(UnknownEventTypeError);
    expect(() => registry.hydrate(record)).toThrow('Unknown event type "ledger.Mystery"');
  });

  it('accepts the same class twice, refuses another class under a taken name', () => {
    expect(() => registry.register(LedgerOpened)).not.toThrow();
    const Impostor = defineEventType<{ x: number }>()({
      type: 'ledger.LedgerOpened',
      schemaVersion: 1,
    });
    expect(() => new EventTypeRegistry().register(LedgerOpened, Impostor)).toThrow(
      DuplicateEventTypeError,
    );
  });

  it('reads a v1 event as v3 through the chain of upcasters', () => {
    const v1 = recorded('ledger.AmountDeposited', 1, { amountCents: 1250 });
    const frozen = JSON.stringify(v1);
    const current = registry.upcast(v1);
    expect(current).toEqual({ ...v1, schemaVersion: 3, data: { amount: 12.5, currency: 'EUR' } });
    expect(JSON.stringify(v1)).toBe(frozen);
    expect(registry.hydrate(v1)).toBeInstanceOf(AmountDeposited);
  });

  it('reads a v2 event as v3 with the last step only', () => {
    expect(registry.upcast(recorded('ledger.AmountDeposited', 2, { amount: 3 })).data).toEqual({
      amount: 3,
      currency: 'EUR',
    });
  });

  it('returns an event at the current version as it is', () => {
    const v3 = recorded('ledger.AmountDeposited', 3, { amount: 1, currency: 'CHF' });
    expect(registry.upcast(v3)).toBe(v3);
  });

  it('gives the upcaster the stored event for context', () => {
    const Noted = defineEventType<{ text: string; notedAt: string }>()({
      type: 'x.Noted',
      schemaVersion: 2,
    });
    const withContext = new EventTypeRegistry()
      .register(Noted)
      .registerUpcaster(Noted, 1, (data: { text: string }, event) => ({
        ...data,
        notedAt: event.occurredAt,
      }));
    expect(withContext.upcast(recorded('x.Noted', 1, { text: 'hi' })).data).toEqual({
      text: 'hi',
      notedAt: '2024-03-01T10:00:00.000Z',
    });
  });

  it('says which step is missing', () => {
    const Gappy = defineEventType<{ n: number }>()({ type: 'x.Gappy', schemaVersion: 3 });
    const gappy = new EventTypeRegistry()
      .register(Gappy)
      .registerUpcaster(Gappy, 2, (data) => data);
    const read = () => gappy.upcast(recorded('x.Gappy', 1, { n: 1 }));
    expect(read).toThrow(MissingUpcasterError);
    expect(read).toThrow('Cannot read x.Gappy v1 as v3: no upcaster registered for v1 -> v2');
  });

  it('refuses a stored version newer than the code knows, or not a positive integer', () => {
    expect(() => registry.upcast(recorded('ledger.AmountDeposited', 4, {}))).toThrow(
      UnsupportedSchemaVersionError,
    );
    expect(() => registry.upcast(recorded('ledger.AmountDeposited', 0, {}))).toThrow(
      UnsupportedSchemaVersionError,
    );
  });

  it('refuses a second upcaster for one step', () => {
    expect(() =>
      ledgerEventTypes().registerUpcaster('ledger.AmountDeposited', 1, (data) => data),
    ).toThrow(DuplicateUpcasterError);
  });

  it('maps a domain event to a NewEvent at the current version', () => {
    const metadata = {
      correlationId: 'c',
      actor: { kind: 'system' as const, id: 'x' },
      occurredAt: '2024-01-01T00:00:00Z',
    };
    expect(
      registry.toNewEvent(AmountDeposited.of({ amount: 1, currency: 'EUR' }), metadata, 'id-1'),
    ).toEqual({
      eventId: 'id-1',
      type: 'ledger.AmountDeposited',
      schemaVersion: 3,
      data: { amount: 1, currency: 'EUR' },
      metadata,
    });
    expect(() =>
      registry.toNewEvent({ type: 'ledger.Mystery', data: {} }, metadata, 'id-2'),
    ).toThrow(UnknownEventTypeError);
  });
});
