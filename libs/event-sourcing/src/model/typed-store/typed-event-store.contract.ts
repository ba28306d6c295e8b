import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../envelope/event-envelope';
import type { EventStore } from '../../store/event-store.port';
import { InMemoryEventStore } from '../../store/memory/in-memory-event-store';
import { SqliteEventStore } from '../../store/sqlite/sqlite-event-store';
import { handleCommand } from '../decider/handle-command';
import { loadState } from '../decider/load-state';
import {
  UnknownEventTypeError,
  UnsupportedSchemaVersionError,
} from '../event-type/event-type.errors';
import { ERASED } from '../personal-data/encrypted-value';
import type { KeyStore } from '../personal-data/key-store.port';
import { MemoryKeyStore } from '../personal-data/memory.key-store';
import { PersonalDataUnprotectedError } from '../personal-data/personal-data.errors';
import { SqliteKeyStore } from '../personal-data/sqlite.key-store';
import { ledgerDecider, type LedgerCommand } from '../test-fixtures/ledger.decider';
import { AmountDeposited, ledgerEventTypes, LedgerOpened } from '../test-fixtures/ledger.events';
import { metadata } from '../test-fixtures/ledger.setup';
import { TypedEventStore } from './typed-event-store';
import { useContractFixture } from '../../contract-fixture';

export interface TypedEventStoreFixture {
  /** A store adapter (may hold other tests' events: the suite uses fresh stream ids and positions after the head). */
  store: EventStore;
  /** Default: an in-memory key store. */
  keyStore?: KeyStore;
  cleanup(): Promise<void>;
}

/** The in-memory event store, keys in memory. */
export async function inMemoryTypedStoreFixture(): Promise<TypedEventStoreFixture> {
  const store = new InMemoryEventStore();
  return { store, keyStore: new MemoryKeyStore(), cleanup: () => store.close() };
}

/** The SQLite event store on a file in a new temporary folder, its keys in the same file. */
export async function sqliteTypedStoreFixture(): Promise<TypedEventStoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-typed-store-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const keyStore = new SqliteKeyStore({ database: store.database });
  return {
    store,
    keyStore,
    cleanup: async () => {
      await keyStore.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The TypedEventStore decorator (decrypt + upcast on read, encrypt on append) over
 * one EventStore adapter: crypto-shredding and upcasting end to end.
 */
export function describeTypedEventStore(
  adapter: string,
  createFixture: () => Promise<TypedEventStoreFixture>,
): void {
  describe(`TypedEventStore over ${adapter}`, () => {
    let raw: EventStore;
    let keyStore: KeyStore;
    let store: TypedEventStore;
    let head: number;
    const eventTypes = ledgerEventTypes();

    useContractFixture(createFixture, {
      opened: async (fixture) => {
        raw = fixture.store;
        keyStore = fixture.keyStore ?? new MemoryKeyStore();
        store = new TypedEventStore({ store: raw, eventTypes, keyStore });
        head = await raw.headPosition();
      },
    });

    const ada = {
      personId: `person-${randomUUID()}`,
      name: 'Ada Lovelace',
      email: 'ada@example.org',
    };
    const bob = {
      personId: `person-${randomUUID()}`,
      name: 'Bob Ø. Ñandú',
      email: 'bob@example.org',
    };

    async function run(streamId: string, command: LedgerCommand) {
      return handleCommand(store, streamId, ledgerDecider, command, { eventTypes, metadata });
    }

    /** Opens ledger `ledgerId` (on stream `streamId`, the ledger's id unless given) for `owner`. */
    async function openLedger(
      owner: typeof ada,
      now: string,
      ledgerId: string,
      streamId = ledgerId,
    ) {
      return run(streamId, { type: 'OpenLedger', ledgerId, owner, now });
    }

    async function openTwoLedgers(): Promise<{ adaLedger: string; bobLedger: string }> {
      const adaLedger = `ledger-${randomUUID()}`;
      const bobLedger = `ledger-${randomUUID()}`;
      await openLedger(ada, '2024-03-01T10:00:00Z', adaLedger);
      await openLedger(bob, '2024-03-01T11:00:00Z', bobLedger);
      await run(adaLedger, { type: 'Deposit', amount: 40 });
      await run(bobLedger, { type: 'Deposit', amount: 15 });
      return { adaLedger, bobLedger };
    }

    /** A projection rebuilt from zero: ledger id -> owner name and balance. */
    async function rebuildLedgerList(): Promise<Map<string, { owner: string; balance: number }>> {
      const list = new Map<string, { owner: string; balance: number }>();
      for (let after = head; ; ) {
        const batch = await store.readAll({ afterPosition: after, limit: 2 });
        if (batch.length === 0) return list;
        for (const event of batch) {
          const current =
            event.type === LedgerOpened.type
              ? (event as RecordedEvent<LedgerOpened['data']>)
              : undefined;
          if (current) list.set(event.streamId, { owner: current.data.owner.name, balance: 0 });
          if (event.type === AmountDeposited.type) {
            list.get(event.streamId)!.balance += (event.data as AmountDeposited['data']).amount;
          }
          after = event.position;
        }
      }
    }

    async function collectBySubscription(count: number): Promise<RecordedEvent[]> {
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe((event) => void seen.push(event), {
        afterPosition: head,
        batchSize: 2,
      });
      try {
        await subscription.caughtUp;
        const deadline = Date.now() + 10_000;
        while (seen.length < count && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
      } finally {
        await subscription.stop();
      }
      return seen;
    }

    it('stores declared personal fields encrypted, and reads them in clear', async () => {
      const { adaLedger } = await openTwoLedgers();
      const stored = JSON.stringify(await raw.readAll({ afterPosition: head, limit: 100 }));
      for (const secret of [ada.name, ada.email, bob.name, bob.email])
        expect(stored).not.toContain(secret);
      expect(stored).toContain(ada.personId);

      const [opened] = await store.readStream(adaLedger);
      expect(opened!.data).toEqual({
        ledgerId: adaLedger,
        owner: ada,
        openedAt: '2024-03-01T10:00:00Z',
      });
      const all = await store.readAll({ afterPosition: head, limit: 100 });
      expect(all.map((e) => e.type)).toEqual([
        LedgerOpened.type,
        LedgerOpened.type,
        AmountDeposited.type,
        AmountDeposited.type,
      ]);
      expect((all[1]!.data as LedgerOpened['data']).owner).toEqual(bob);
      const delivered = await collectBySubscription(4);
      expect(delivered.map((e) => e.data)).toEqual(all.map((e) => e.data));
    });

    it('reads an erased subject\'s fields as "[erased]" and keeps streams, positions and projections intact', async () => {
      const { adaLedger, bobLedger } = await openTwoLedgers();
      const before = await store.readAll({ afterPosition: head, limit: 100 });
      expect(await rebuildLedgerList()).toEqual(
        new Map([
          [adaLedger, { owner: ada.name, balance: 40 }],
          [bobLedger, { owner: bob.name, balance: 15 }],
        ]),
      );

      expect(await keyStore.erase(ada.personId)).toBe(true);

      const after = await store.readAll({ afterPosition: head, limit: 100 });
      const envelope = (e: RecordedEvent) => ({ ...e, data: undefined });
      expect(after.map(envelope)).toEqual(before.map(envelope));
      expect(after[0]!.data).toEqual({
        ledgerId: adaLedger,
        owner: { personId: ada.personId, name: ERASED, email: ERASED },
        openedAt: '2024-03-01T10:00:00Z',
      });
      expect((after[1]!.data as LedgerOpened['data']).owner).toEqual(bob);
      expect((await store.readStream(adaLedger))[0]!.data).toEqual(after[0]!.data);
      expect((await collectBySubscription(4))[0]!.data).toEqual(after[0]!.data);

      expect(await rebuildLedgerList()).toEqual(
        new Map([
          [adaLedger, { owner: ERASED, balance: 40 }],
          [bobLedger, { owner: bob.name, balance: 15 }],
        ]),
      );
      // The decider keeps only the pseudonymous id: commands on the stream still work.
      await expect(run(adaLedger, { type: 'Withdraw', amount: 40 })).resolves.toMatchObject({
        state: { balance: 0 },
      });
      expect(await raw.streamVersion(adaLedger)).toBe(3);
    });

    it("forwards the adapter's appended feed as it reads: decrypted and upcast, in order", async () => {
      if (!raw.onAppended) {
        expect(store.onAppended).toBeUndefined();
        return;
      }
      const fed: RecordedEvent[][] = [];
      const remove = store.onAppended!((events) => void fed.push(events));
      try {
        const { adaLedger } = await openTwoLedgers();
        const deadline = Date.now() + 10_000;
        while (fed.flat().length < 4 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 10));
        const all = await store.readAll({ afterPosition: head, limit: 100 });
        expect(fed.flat()).toEqual(all);
        expect(JSON.stringify(fed)).toContain(ada.name);
        expect(fed.flat().find((e) => e.streamId === adaLedger)?.data).toMatchObject({
          owner: { name: ada.name },
        });
      } finally {
        remove();
      }
      await openLedger(bob, '2024-03-02T10:00:00Z', 'x', `ledger-${randomUUID()}`);
      await new Promise((r) => setTimeout(r, 50));
      expect(fed.flat()).toHaveLength(4);
    });

    it('upcasts old versions on readStream, readAll and subscribe', async () => {
      const streamId = `ledger-${randomUUID()}`;
      await openLedger(ada, '2024-03-01T10:00:00Z', streamId);
      await raw.append(streamId, 1, [
        {
          eventId: randomUUID(),
          type: AmountDeposited.type,
          schemaVersion: 1,
          data: { amountCents: 1999 },
          metadata,
        },
        {
          eventId: randomUUID(),
          type: AmountDeposited.type,
          schemaVersion: 2,
          data: { amount: 1 },
          metadata,
        },
      ]);
      const expected = [
        { schemaVersion: 3, data: { amount: 19.99, currency: 'EUR' } },
        { schemaVersion: 3, data: { amount: 1, currency: 'EUR' } },
      ];
      expect(
        (await store.readStream(streamId, 2)).map(({ schemaVersion, data }) => ({
          schemaVersion,
          data,
        })),
      ).toEqual(expected);
      const all = await store.readAll({ afterPosition: head, limit: 100 });
      expect(all.slice(1).map(({ schemaVersion, data }) => ({ schemaVersion, data }))).toEqual(
        expected,
      );
      const delivered = await collectBySubscription(3);
      expect(
        delivered.slice(1).map(({ schemaVersion, data }) => ({ schemaVersion, data })),
      ).toEqual(expected);
      const typed = await store.readStreamTyped(streamId);
      expect(typed[1]).toBeInstanceOf(AmountDeposited);
      expect((await loadState(store, streamId, ledgerDecider, { eventTypes })).state).toMatchObject(
        { balance: 20.99 },
      );
    });

    it('names an unknown type on read, or passes it through when told to', async () => {
      const streamId = `other-${randomUUID()}`;
      await raw.append(streamId, 'no-stream', [
        {
          eventId: randomUUID(),
          type: 'other.SomethingHappened',
          schemaVersion: 1,
          data: { n: 1 },
          metadata,
        },
      ]);
      await expect(store.readStream(streamId)).rejects.toThrow(
        'Unknown event type "other.SomethingHappened"',
      );
      const lenient = new TypedEventStore({
        store: raw,
        eventTypes,
        keyStore,
        unknownTypes: 'pass-through',
      });
      expect((await lenient.readStream(streamId))[0]!.data).toEqual({ n: 1 });
    });

    it('refuses unregistered types, too-new versions, and personal data without a key store', async () => {
      const streamId = `ledger-${randomUUID()}`;
      const event = {
        eventId: randomUUID(),
        type: 'ledger.Mystery',
        schemaVersion: 1,
        data: {},
        metadata,
      };
      await expect(store.append(streamId, 'no-stream', [event])).rejects.toThrow(
        UnknownEventTypeError,
      );
      await expect(
        store.append(streamId, 'no-stream', [
          { ...event, type: AmountDeposited.type, schemaVersion: 4 },
        ]),
      ).rejects.toThrow(UnsupportedSchemaVersionError);
      const keyless = new TypedEventStore({ store: raw, eventTypes });
      await expect(
        handleCommand(
          keyless,
          streamId,
          ledgerDecider,
          { type: 'OpenLedger', ledgerId: streamId, owner: ada, now: 'x' },
          {
            eventTypes,
            metadata,
          },
        ),
      ).rejects.toThrow(PersonalDataUnprotectedError);
      expect(await raw.streamVersion(streamId)).toBe(0);
    });
  });
}
