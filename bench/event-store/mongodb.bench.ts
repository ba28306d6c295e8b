import { randomBytes, randomUUID } from 'node:crypto';
import mongoose, { type Connection, type mongo } from 'mongoose';
import {
  mongoCommitDocument,
  MongoEventStore,
  type MongoCommitDocument,
} from '@sfp/event-sourcing';
import {
  APPEND_CASES,
  APPEND_TARGET,
  READ_CASES,
  appendCaseName,
  median,
  newMeasurement,
  onInterrupt,
  pair,
  populate,
  rate,
  readCaseName,
  record,
  timePasses,
  timeStoreAppends,
  timeStoreReads,
  timeWritersAfterWarmUp,
  writerCommits,
  type AppendCase,
  type BenchOptions,
  type Measurement,
} from './harness';

const ADAPTER = 'MongoDB';

/**
 * MongoEventStore against the mongodb driver, in a temporary database dropped
 * at the end.
 *
 * The raw baseline inserts the same commit documents (same fields, events as
 * JSON text) with one `insertOne` per commit into a collection with the same
 * indexes as the store's (copied from listIndexes), positions from a counter in
 * this process. It does none of the store's work: no eventId claims, no
 * optimistic position, no retry, no batching. With 8 writers, 8 insertOne are
 * in flight at once.
 */
export async function benchMongo(options: BenchOptions, uri: string): Promise<Measurement[]> {
  const dbName = `bench_es_${randomBytes(4).toString('hex')}`;
  const connection = await mongoose
    .createConnection(uri, { dbName, serverSelectionTimeoutMS: 5_000, monitorCommands: true })
    .asPromise();
  const dropDatabase = async (): Promise<void> => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  };
  const unregister = onInterrupt(dropDatabase);
  try {
    return await run(connection, options);
  } finally {
    unregister();
    await dropDatabase();
  }
}

function dbOf(connection: Connection): mongo.Db {
  const db = connection.db;
  if (!db) throw new Error('The MongoDB connection is not open');
  return db;
}

async function run(connection: Connection, options: BenchOptions): Promise<Measurement[]> {
  const db = dbOf(connection);
  const server = await db.admin().command({ buildInfo: 1 });
  const serverName =
    typeof server['ferretdbVersion'] === 'string'
      ? `FerretDB ${server['ferretdbVersion']}`
      : `MongoDB ${String(server['version'])}`;
  options.log(`  ${ADAPTER}: server ${serverName}, database ${db.databaseName}`);
  const indexes = await storeIndexes(connection);
  // Diagnostic: insert commands per collection (the store's group commit is one insertMany).
  const inserts = new Map<string, number>();
  connection.getClient().on('commandStarted', (event) => {
    const collection = (event.command as { insert?: unknown }).insert;
    if (event.commandName === 'insert' && typeof collection === 'string')
      inserts.set(collection, (inserts.get(collection) ?? 0) + 1);
  });

  const appendLines = APPEND_CASES.map((c) =>
    newMeasurement(ADAPTER, appendCaseName(c), 'appends/s', APPEND_TARGET),
  );
  const readLines = READ_CASES.map((k) =>
    newMeasurement(ADAPTER, readCaseName(k), 'events/s', undefined),
  );
  const batching: number[][] = APPEND_CASES.map(() => []);
  const readCollections = READ_CASES.map((k) => `read_${k}`);
  for (const [i, k] of READ_CASES.entries()) {
    const store = await MongoEventStore.open(connection, {
      collection: readCollections[i] as string,
    });
    await populate(store, k, options.readEvents);
    await store.close();
  }

  for (let round = 0; round < options.rounds; round++) {
    const storeFirst = round % 2 === 0;
    for (const [i, appendCase] of APPEND_CASES.entries()) {
      const name = (side: string): string => `append_${i}_${round}_${side}`;
      const [storeRate, rawRate] = await pair(
        storeFirst,
        async () => {
          const result = await appendStore(
            connection,
            name('store'),
            appendCase,
            options,
            () => inserts.get(name('store')) ?? 0,
          );
          (batching[i] as number[]).push(result.commitsPerInsert);
          return result.rate;
        },
        () => appendRaw(db, name('raw'), indexes, appendCase, options),
      );
      record(appendLines[i] as Measurement, storeRate, rawRate, round, options);
      await db.dropCollection(name('store')).catch(() => undefined);
      await db.dropCollection(name('raw')).catch(() => undefined);
    }
    for (const [i, k] of READ_CASES.entries()) {
      const collection = readCollections[i] as string;
      const [storeRate, rawRate] = await pair(
        storeFirst,
        () => readStore(connection, collection, options),
        () => readRaw(db, collection, k, options),
      );
      record(readLines[i] as Measurement, storeRate, rawRate, round, options);
    }
  }

  for (const [i, measurement] of readLines.entries()) {
    const documents = await db.collection(readCollections[i] as string).countDocuments({});
    measurement.notes.push(
      `the collection holds ${documents} documents (commits and eventId claims)` +
        (serverName.startsWith('FerretDB')
          ? '; FerretDB v1 (patched, infra/local) scans all of them for a range find, once per pass of the raw cursor; the store finds commits by _id windows, through the index'
          : ''),
    );
  }
  appendLines.forEach((measurement, i) => {
    const perInsert = median(batching[i] as number[]);
    measurement.notes.push(`store: ${perInsert.toFixed(1)} commits per insertMany`);
  });
  return [...appendLines, ...readLines];
}

/** The indexes MongoEventStore.open creates (other than _id), to give the raw collection the same. */
async function storeIndexes(connection: Connection): Promise<mongo.IndexDescription[]> {
  const name = 'schema_probe';
  const store = await MongoEventStore.open(connection, { collection: name });
  await store.close();
  const db = dbOf(connection);
  const indexes = (await db.collection(name).listIndexes().toArray())
    .filter((index) => index['name'] !== '_id_')
    .map(
      (index): mongo.IndexDescription => ({
        key: index['key'] as mongo.IndexDescription['key'],
        name: index['name'] as string,
        ...(index['unique'] === true ? { unique: true } : {}),
        ...(index['sparse'] === true ? { sparse: true } : {}),
      }),
    );
  await db.dropCollection(name);
  return indexes;
}

async function appendStore(
  connection: Connection,
  collection: string,
  appendCase: AppendCase,
  options: BenchOptions,
  insertCommands: () => number,
): Promise<{ rate: number; commitsPerInsert: number }> {
  const store = await MongoEventStore.open(connection, { collection });
  const result = await timeStoreAppends(store, 'store', appendCase, options, insertCommands);
  return { rate: rate(result), commitsPerInsert: result.count / Math.max(1, result.counted) };
}

async function appendRaw(
  db: mongo.Db,
  name: string,
  indexes: readonly mongo.IndexDescription[],
  { eventsPerCommit, writers }: AppendCase,
  options: BenchOptions,
): Promise<number> {
  const collection = db.collection<MongoCommitDocument>(name);
  // One index per command: FerretDB v1.24 panics on some multi-index createIndexes.
  for (const index of indexes) await collection.createIndexes([index]);
  let head = 0;
  // The very document the store writes for a commit, with positions from `head`.
  const commit = writerCommits(
    'raw',
    writers,
    eventsPerCommit,
    ({ streamId, firstVersion }, events) => {
      const firstPosition = head + 1;
      head += eventsPerCommit;
      return collection.insertOne(
        mongoCommitDocument(
          streamId,
          firstVersion,
          firstPosition,
          randomUUID(),
          new Date().toISOString(),
          events.map((event) => ({ event, dataJson: JSON.stringify(event.data) })),
        ),
      );
    },
  );
  return rate(await timeWritersAfterWarmUp(writers, options, commit));
}

async function readStore(
  connection: Connection,
  collection: string,
  options: BenchOptions,
): Promise<number> {
  const store = await MongoEventStore.open(connection, { collection });
  try {
    return rate(await timeStoreReads(store, options));
  } finally {
    await store.close();
  }
}

/** A plain find of the same commit documents sorted by position, one cursor, batches of about a page. */
async function readRaw(
  db: mongo.Db,
  name: string,
  eventsPerCommit: number,
  options: BenchOptions,
): Promise<number> {
  const collection = db.collection<MongoCommitDocument>(name);
  const batch = Math.max(1, Math.ceil(options.readPage / eventsPerCommit));
  const find = (): mongo.FindCursor<MongoCommitDocument> =>
    collection.find({ kind: 'commit' }).sort({ firstPosition: 1 }).batchSize(batch);
  await find().limit(batch).toArray(); // warm-up, as the store's first page
  const pass = async (): Promise<number> => {
    let read = 0;
    for await (const commit of find()) read += commit.events.length;
    return read;
  };
  return rate(await timePasses(options.seconds, pass));
}
