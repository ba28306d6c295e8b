import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../store/event-store.port';
import { handleCommand } from '../decider/handle-command';
import { loadState } from '../decider/load-state';
import {
  ledgerDecider,
  type LedgerCommand,
  type LedgerState,
} from '../test-fixtures/ledger.decider';
import { ledgerStore, metadata, owner } from '../test-fixtures/ledger.setup';
import type { SnapshotStore } from './snapshot-store.port';

/** The event store and snapshot store of one run (streams are fresh per run). */
export interface SnapshotReplayStores {
  events: EventStore;
  snapshots: SnapshotStore;
  close(): Promise<void>;
}

/** A step of a random history: a command through handleCommand, or a v1 event written years ago. */
type Step = { kind: 'command'; command: LedgerCommand } | { kind: 'legacy-deposit'; cents: number };

const command = (c: LedgerCommand): Step => ({ kind: 'command', command: c });
const openLedger = command({
  type: 'OpenLedger',
  ledgerId: 'l',
  owner,
  now: '2024-01-01T00:00:00Z',
});

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .integer({ min: 0, max: 500 })
      .map((amount) => command({ type: 'Deposit', amount })),
  },
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 1, max: 400 })
      .map((amount) => command({ type: 'Withdraw', amount })),
  },
  {
    weight: 1,
    arbitrary: fc.constant(command({ type: 'CloseLedger', now: '2024-12-31T00:00:00Z' })),
  },
  { weight: 1, arbitrary: fc.constant(openLedger) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 1, max: 99_999 })
      .map((cents): Step => ({ kind: 'legacy-deposit', cents })),
  },
);

/**
 * Property: for random command histories (with old-version events mixed in) and a
 * random snapshot interval N, after every step the state loaded from snapshot +
 * tail equals the state of a full replay, and equals the state handleCommand returned.
 */
export async function checkSnapshotEqualsReplay(
  makeStores: () => Promise<SnapshotReplayStores>,
  { numRuns, maxSteps }: { numRuns: number; maxSteps: number },
): Promise<void> {
  const history = fc.record({
    opens: fc.boolean(),
    steps: fc.array(step, { maxLength: maxSteps }),
    every: fc.integer({ min: 1, max: 8 }),
  });
  await fc.assert(
    fc.asyncProperty(history, async ({ opens, steps, every }) => {
      const stores = await makeStores();
      try {
        await run(stores, opens ? [openLedger, ...steps] : steps, every);
      } finally {
        await stores.close();
      }
    }),
    { numRuns },
  );
}

async function run(stores: SnapshotReplayStores, steps: Step[], every: number): Promise<void> {
  const { raw, store, eventTypes } = ledgerStore(stores.events);
  const snapshots = { store: stores.snapshots, every, schemaVersion: 1 };
  const streamId = `ledger-${randomUUID()}`;
  let lastState: LedgerState | undefined;
  for (const s of steps) {
    if (s.kind === 'legacy-deposit') {
      await raw.append(streamId, await raw.streamVersion(streamId), [
        {
          eventId: randomUUID(),
          type: 'ledger.AmountDeposited',
          schemaVersion: 1,
          data: { amountCents: s.cents },
          metadata,
        },
      ]);
      lastState = undefined;
      continue;
    }
    try {
      const options = { eventTypes, metadata, snapshots };
      lastState = (await handleCommand(store, streamId, ledgerDecider, s.command, options)).state;
    } catch (error) {
      if (!(error instanceof Error) || !('code' in error)) throw error; // only domain refusals are expected
    }
    const viaSnapshot = await loadState(store, streamId, ledgerDecider, { eventTypes, snapshots });
    const replayed = await loadState(store, streamId, ledgerDecider, { eventTypes });
    expect(viaSnapshot.version).toBe(replayed.version);
    expect(viaSnapshot.state).toEqual(replayed.state);
    if (lastState) expect(replayed.state).toEqual(lastState);
  }
  const saved = await stores.snapshots.load(streamId);
  if (saved) expect(saved.version).toBeLessThanOrEqual(await store.streamVersion(streamId));
}
