/**
 * What one write costs on the MongoDB-protocol server, by kind, against the
 * number of documents in the collection: the probe behind "What limits what"
 * in docs/performance.md (issue 21). Documents shaped as a read model's
 * (JSON text, two declared fields). Informative; it asserts nothing.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017 TS_NODE_PROJECT=tsconfig.base.json \
 *     node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     bench/pipeline/write-costs.ts [documents, default 2000]
 */
import mongoose, { type mongo } from 'mongoose';
import { loadNow } from '../cli';

interface Doc {
  _id: string;
  position: number;
  live: boolean;
  json: string;
  f_status: string;
  f_region: string;
}

async function main(): Promise<void> {
  const uri = process.env['MONGODB_URI'];
  if (!uri) throw new Error('Set MONGODB_URI (e.g. mongodb://127.0.0.1:27017)');
  const n = Number(process.argv[2] ?? 2000);
  const connection = await mongoose
    .createConnection(uri, { dbName: `bench_write_costs_${Date.now()}` })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error('not connected');
  const collection = db.collection<Doc>('p');
  const doc = (i: number, position: number): Doc => ({
    _id: `s-${i}`,
    position,
    live: true,
    json: 'x'.repeat(250),
    f_status: 'open',
    f_region: 'Asia',
  });
  const time = async (what: string, count: number, run: () => Promise<unknown>): Promise<void> => {
    const start = Date.now();
    await run();
    const ms = Date.now() - start;
    console.log(`  ${what}: ${ms} ms, ${(ms / count).toFixed(2)} ms per document`);
  };
  console.log(`Write costs, ${n} documents in the collection; load ${loadNow()}`);
  try {
    const all = Array.from({ length: n }, (_, i) => doc(i, 1));
    await time(`insertMany of ${n} (commands of 500)`, n, async () => {
      for (let o = 0; o < n; o += 500)
        await collection.insertMany(all.slice(o, o + 500), { ordered: false });
    });
    const some = Array.from({ length: 50 }, (_, i) => doc(Math.floor((i * n) / 50), 2));
    const ids = some.map((d) => d._id);
    await time('bulkWrite of 50 replaceOne({_id}, upsert), existing ids', 50, () =>
      collection.bulkWrite(
        some.map((d) => ({
          replaceOne: { filter: { _id: d._id }, replacement: d, upsert: true },
        })),
        { ordered: false },
      ),
    );
    await time('bulkWrite of 50 updateOne({_id}, $set)', 50, () =>
      collection.bulkWrite(
        some.map((d) => ({
          updateOne: { filter: { _id: d._id }, update: { $set: { position: 3 } } },
        })),
        { ordered: false },
      ),
    );
    await time('bulkWrite of 50 updateOne({_id, position < p}, $set)', 50, () =>
      collection.bulkWrite(
        some.map((d) => ({
          updateOne: {
            filter: { _id: d._id, position: { $lt: 4 } },
            update: { $set: { position: 4 } },
          },
        })),
        { ordered: false },
      ),
    );
    await time('find({_id: {$in: 50 ids}})', 50, () =>
      collection.find({ _id: { $in: ids } }).toArray(),
    );
    await time('50 findOne({_id}), one after another', 50, async () => {
      for (const id of ids) await collection.findOne({ _id: id });
    });
    await time('deleteMany({_id: {$in: 50 ids}})', 50, () =>
      collection.deleteMany({ _id: { $in: ids } }),
    );
    await time('insertMany of those 50', 50, () => collection.insertMany(some, { ordered: false }));
    await compareFieldIndexes(db, n);
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

/**
 * What the declared-field indexes cost a replace: the same documents (six
 * declared fields, as the pipeline's view) in two collections, one with an
 * index per field as MongoReadModelStore makes them on MongoDB (`{f_x: 1,
 * _id: 1}`), one without (as it leaves them on FerretDB); bulkWrites of 50
 * replaces by `_id`, alternated, 7 rounds, medians.
 */
async function compareFieldIndexes(db: mongo.Db, n: number): Promise<void> {
  const fields = ['status', 'open', 'region', 'priority', 'priorityRank', 'lastActivityAt'];
  const wide = (i: number, position: number) => ({
    _id: `s-${i}`,
    position,
    live: true,
    json: 'x'.repeat(1_000),
    f_status: 'open',
    f_open: true,
    f_region: 'Asia',
    f_priority: 'normal',
    f_priorityRank: i % 4,
    f_lastActivityAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
  });
  type Wide = ReturnType<typeof wide>;
  const plain = db.collection<Wide>('wide_plain');
  const indexed = db.collection<Wide>('wide_indexed');
  for (const field of fields) await indexed.createIndex({ [`f_${field}`]: 1, _id: 1 });
  const all = Array.from({ length: n }, (_, i) => wide(i, 1));
  for (const collection of [plain, indexed])
    for (let o = 0; o < n; o += 500)
      await collection.insertMany(all.slice(o, o + 500), { ordered: false });
  const times = { plain: [] as number[], indexed: [] as number[] };
  for (let round = 0; round < 7; round++) {
    const batch = Array.from({ length: 50 }, (_, i) =>
      wide(Math.floor(((i + round / 7) * n) / 50), round + 2),
    );
    for (const [name, collection] of [
      ['plain', plain],
      ['indexed', indexed],
    ] as const) {
      const start = Date.now();
      await collection.bulkWrite(
        batch.map((d) => ({
          replaceOne: { filter: { _id: d._id }, replacement: d, upsert: true },
        })),
        { ordered: false },
      );
      times[name].push(Date.now() - start);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
  console.log(
    `  bulkWrite of 50 replaceOne({_id}), documents with six declared fields, median of 7: ` +
      `${median(times.indexed)} ms with an index per field, ${median(times.plain)} ms without`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
