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
import mongoose from 'mongoose';
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
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
