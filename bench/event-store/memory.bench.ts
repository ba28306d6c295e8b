import { InMemoryEventStore } from '@sfp/event-sourcing';
import {
  APPEND_CASES,
  READ_CASES,
  appendCaseName,
  cpuRate,
  formatRate,
  median,
  newMeasurement,
  populate,
  rate,
  readCaseName,
  record,
  timeStoreAppends,
  timeStoreReads,
  type BenchOptions,
  type Measurement,
} from './harness';

const ADAPTER = 'in-memory';

/** The in-memory store, for information only: no raw baseline, no target. */
export async function benchMemory(options: BenchOptions): Promise<Measurement[]> {
  const appendLines = APPEND_CASES.map((c) =>
    newMeasurement(ADAPTER, appendCaseName(c), 'appends/s', undefined, false),
  );
  const readLines = READ_CASES.map((k) =>
    newMeasurement(ADAPTER, readCaseName(k), 'events/s', undefined, false),
  );
  const readCpu: number[][] = READ_CASES.map(() => []);
  const readStores = await Promise.all(
    READ_CASES.map(async (k) => {
      const store = new InMemoryEventStore();
      await populate(store, k, options.readEvents);
      return store;
    }),
  );
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, appendCase] of APPEND_CASES.entries()) {
      const run = await timeStoreAppends(new InMemoryEventStore(), 'memory', appendCase, options);
      record(appendLines[i] as Measurement, rate(run), undefined, round, options);
    }
    for (const [i, store] of readStores.entries()) {
      const run = await timeStoreReads(store, options);
      (readCpu[i] as number[]).push(cpuRate(run) ?? Number.NaN);
      record(readLines[i] as Measurement, rate(run), undefined, round, options);
    }
  }
  readLines.forEach((measurement, i) =>
    measurement.notes.push(
      `per CPU-second of this process: ${formatRate(median(readCpu[i] as number[]))} events/s ` +
        '(the cost of JSON.parse and of building the events, without any database)',
    ),
  );
  await Promise.all(readStores.map((store) => store.close()));
  return [...appendLines, ...readLines];
}
