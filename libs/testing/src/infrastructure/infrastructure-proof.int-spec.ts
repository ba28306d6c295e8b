import { Partitioners } from 'kafkajs';
import { Schema } from 'mongoose';
import { createTestDatabase, type TestDatabase } from './test-database';
import { createTestTopics, type TestTopics } from './test-topics';
import { uniqueName } from './integration-env';

/**
 * Proves the servers the platform relies on behave as it needs, through the
 * same clients the platform uses: kafkajs and mongoose.
 */
describe('integration infrastructure (real servers)', () => {
  describe('Kafka through kafkajs', () => {
    let topics: TestTopics;
    beforeAll(async () => {
      topics = await createTestTopics(['proof'], { prefix: 'infra-proof', partitions: 4 });
    });
    afterAll(() => topics?.cleanup());

    it('delivers 1,000 messages in order per key to a consumer group and commits its offsets', async () => {
      const [topic] = topics.names;
      const keys = Array.from({ length: 10 }, (_, i) => `stream-${i}`);
      const perKey = 100;

      const producer = topics.kafka.producer({
        allowAutoTopicCreation: false,
        idempotent: true,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      for (let seq = 0; seq < perKey; seq += 10) {
        const messages = [];
        for (let s = seq; s < seq + 10; s++) {
          for (const key of keys) messages.push({ key, value: JSON.stringify({ key, seq: s }) });
        }
        await producer.send({ topic, acks: -1, messages });
      }
      await producer.disconnect();

      const groupId = uniqueName('infra-proof-group');
      const consumer = topics.kafka.consumer({ groupId, allowAutoTopicCreation: false });
      const received = new Map<string, number[]>();
      let count = 0;
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const done = new Promise<void>((resolve) => {
        void consumer.run({
          autoCommit: true,
          eachMessage: async ({ message }) => {
            const { key, seq } = JSON.parse(message.value!.toString()) as {
              key: string;
              seq: number;
            };
            received.set(key, [...(received.get(key) ?? []), seq]);
            if (++count === keys.length * perKey) resolve();
          },
        });
      });
      await withTimeout(done, 60_000, () => `only ${count} of 1000 messages arrived`);
      await consumer.commitOffsets([]); // flush anything pending
      await consumer.disconnect();

      expect(count).toBe(1000);
      for (const key of keys) {
        expect(received.get(key)).toEqual(Array.from({ length: perKey }, (_, i) => i));
      }

      const admin = topics.kafka.admin();
      await admin.connect();
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      await admin.disconnect();
      const committed = offsets.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
      expect(committed).toBe(1000);
    });
  });

  describe('MongoDB protocol through mongoose', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase('infra_proof');
    });
    afterAll(() => db?.cleanup());

    it('writes and reads documents', async () => {
      const Note = db.connection.model(
        'Note',
        new Schema({ title: String, tags: [String], at: Date, n: Number }),
      );
      const at = new Date('2026-01-02T03:04:05.678Z');
      await Note.insertMany([
        { title: 'première', tags: ['a', 'b'], at, n: 1 },
        { title: 'second', tags: [], at, n: 2 },
      ]);
      const found = await Note.find({ n: { $gte: 1 } })
        .sort({ n: 1 })
        .lean();
      expect(found.map((d) => d.title)).toEqual(['première', 'second']);
      expect(found[0]!.tags).toEqual(['a', 'b']);
      expect(found[0]!.at).toEqual(at);
    });

    it('reports a unique-index violation as a duplicate-key error (code 11000)', async () => {
      const Commit = db.connection.model(
        'Commit',
        new Schema({ streamId: String, streamVersion: Number }),
      );
      await Commit.collection.createIndex({ streamId: 1, streamVersion: 1 }, { unique: true });
      await Commit.create({ streamId: 's-1', streamVersion: 1 });
      await Commit.create({ streamId: 's-1', streamVersion: 2 });
      await expect(Commit.create({ streamId: 's-1', streamVersion: 1 })).rejects.toMatchObject({
        code: 11000,
      });
      expect(await Commit.countDocuments({ streamId: 's-1' })).toBe(2);
    });

    // The event store's group commit rests on it: what precedes the first collision is
    // stored, nothing after it. FerretDB v1.24.2 as released went on with the insert's
    // later batches of 100 (infra/local/ferretdb/fast-paths.patch stops it).
    it.each([
      [3, 1],
      [120, 10],
      [260, 130],
      [200, 99],
    ])(
      'stops an ordered insertMany of %i documents at a duplicate at index %i: before it stored, nothing after it',
      async (count, duplicateAt) => {
        const commits = db.connection.collection<{ _id: string }>(
          `ordered_${count}_${duplicateAt}`,
        );
        await commits.insertOne({ _id: `c-${duplicateAt}` });
        const failure = await commits
          .insertMany(
            Array.from({ length: count }, (_, i) => ({ _id: `c-${i}` })),
            { ordered: true },
          )
          .then(
            () => undefined,
            (error: { writeErrors?: Array<{ index: number; code: number }> }) => error,
          );
        expect(failure?.writeErrors?.[0]).toMatchObject({ index: duplicateAt, code: 11000 });
        const stored = (await commits.find().toArray()).map((d) => Number(d._id.slice(2)));
        expect(stored.sort((a, b) => a - b)).toEqual(
          Array.from({ length: duplicateAt + 1 }, (_, i) => i),
        );
      },
    );

    // The read-model store's write (the local FerretDB commits such a command's
    // statements together: infra/local/ferretdb/fast-paths.patch).
    it('applies a bulkWrite of 150 replaces and upserts by _id: every statement, its counts, and nothing else', async () => {
      const views = db.connection.collection<{ _id: string; position: number; title: string }>(
        'views',
      );
      await views.insertMany(
        Array.from({ length: 100 }, (_, i) => ({ _id: `v-${i}`, position: 1, title: 'first' })),
      );
      // 0-59 replaced, 60-99 left alone, 100-189 new (upserted).
      const ids = [
        ...Array.from({ length: 60 }, (_, i) => i),
        ...Array.from({ length: 90 }, (_, i) => 100 + i),
      ];
      const result = await views.bulkWrite(
        ids.map((i) => ({
          replaceOne: {
            filter: { _id: `v-${i}` },
            replacement: { position: 2, title: 'second' },
            upsert: true,
          },
        })),
        { ordered: false },
      );
      expect(result.matchedCount).toBe(60);
      expect(result.modifiedCount).toBe(60);
      expect(result.upsertedCount).toBe(90);
      expect(Object.values(result.upsertedIds)).toEqual(
        Array.from({ length: 90 }, (_, i) => `v-${100 + i}`),
      );
      const stored = new Map((await views.find().toArray()).map((d) => [d._id, d.position]));
      expect(stored.size).toBe(190);
      for (let i = 0; i < 190; i++) {
        expect([`v-${i}`, stored.get(`v-${i}`)]).toEqual([`v-${i}`, i >= 60 && i < 100 ? 1 : 2]);
      }
      // The same _id twice in one command: the second statement sees the first one's write.
      await views.bulkWrite([
        { updateOne: { filter: { _id: 'v-0' }, update: { $inc: { position: 1 } } } },
        { updateOne: { filter: { _id: 'v-0' }, update: { $inc: { position: 1 } } } },
      ]);
      expect((await views.findOne({ _id: 'v-0' }))?.position).toBe(4);
    });
  });
});

async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
