import type { KafkaMessage } from 'kafkajs';
import type { Connection, mongo } from 'mongoose';
import { isFerretDb, type RecordedEvent } from '@sfp/event-sourcing';
import { nowMs } from './measure';
import { reduceSummary, SUMMARY_FIELDS, type RequestSummary } from './workload';

/**
 * Statements per bulkWrite command. FerretDB v1.24 never answers an update
 * command of 100 statements or more (MongoReadModelStore's WRITE_CHUNK is 50
 * for that reason); the baseline uses the same size so that both sides pay
 * the same number of round trips per document.
 */
export const RAW_WRITE_CHUNK = 50;

/** A read-model document as MongoReadModelStore stores it: JSON text plus the declared fields. */
interface RawDoc {
  _id: string;
  position: number;
  live: boolean;
  json: string;
  [field: `f_${string}`]: string | number | boolean | null;
}

/**
 * The MongoDB half of the baseline: what the consumer of the raw kafkajs
 * baseline does with each batch it receives. It parses each message's value
 * (JSON.parse, no envelope check), folds the events into the summaries it
 * keeps in memory (no load from the server), and writes the batch's changed
 * summaries with an unordered `bulkWrite` of `replaceOne({ _id }, doc,
 * { upsert: true })`, `_id` the stream id (a string), in commands of
 * RAW_WRITE_CHUNK statements. The documents are those the pipeline's read
 * model stores (same fields, same JSON, the same indexes on the declared
 * fields: one per field on MongoDB, none on FerretDB).
 * No position guard, no checkpoint, no idempotency: the upper bound of a
 * consumer that writes the same documents to the same server.
 */
export class RawBulkWriteSink {
  private readonly summaries = new Map<string, RequestSummary>();
  /** Time spent in bulkWrite and documents written, since the last reset. */
  writeMs = 0;
  written = 0;
  commands = 0;

  private constructor(private readonly collection: mongo.Collection<RawDoc>) {}

  static async open(db: Connection, name = 'raw_bulk_write'): Promise<RawBulkWriteSink> {
    const collection = db.collection<RawDoc>(name);
    await db.createCollection(name).catch(() => undefined);
    // The indexes MongoReadModelStore makes for these fields (none on FerretDB, which never reads them).
    if (!(await isFerretDb(db)))
      for (const field of Object.keys(SUMMARY_FIELDS))
        await collection.createIndex({ [`f_${field}`]: 1, _id: 1 }, { name: `f_${field}` });
    return new RawBulkWriteSink(collection as unknown as mongo.Collection<RawDoc>);
  }

  resetCounters(): void {
    this.writeMs = 0;
    this.written = 0;
    this.commands = 0;
  }

  /** Folds a batch of kafkajs messages into the summaries and writes the changed ones. */
  async writeBatch(messages: readonly KafkaMessage[]): Promise<void> {
    const changed = new Map<string, RawDoc>();
    for (const message of messages) {
      if (!message.value) continue;
      const event = JSON.parse(message.value.toString()) as RecordedEvent;
      const next = reduceSummary(this.summaries.get(event.streamId), event);
      if (!next) continue;
      this.summaries.set(event.streamId, next);
      const doc: RawDoc = {
        _id: event.streamId,
        position: event.position,
        live: true,
        json: JSON.stringify(next),
      };
      for (const field of Object.keys(SUMMARY_FIELDS))
        doc[`f_${field}`] =
          (next as unknown as Record<string, string | number | boolean>)[field] ?? null;
      changed.set(event.streamId, doc);
    }
    const docs = [...changed.values()];
    const start = nowMs();
    for (let offset = 0; offset < docs.length; offset += RAW_WRITE_CHUNK) {
      const chunk = docs.slice(offset, offset + RAW_WRITE_CHUNK);
      await this.collection.bulkWrite(
        chunk.map((doc) => ({
          replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
        })),
        { ordered: false },
      );
      this.commands++;
    }
    this.writeMs += nowMs() - start;
    this.written += docs.length;
  }
}
