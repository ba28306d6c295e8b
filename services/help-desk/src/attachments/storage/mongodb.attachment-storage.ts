import type { Collection, Connection } from 'mongoose';
import {
  assertSha256,
  sha256Of,
  type AttachmentStorage,
  type StoredContent,
} from './attachment-storage.port';

export interface MongoAttachmentStorageOptions {
  connection: Connection;
  /** Prefix of its two collections, default `attachment`: `<prefix>_files` and `<prefix>_chunks`. */
  collectionPrefix?: string;
  /** Bytes per chunk (default 255 KiB, as GridFS: far below a document's 16 MB). */
  chunkSize?: number;
}

interface FileDocument {
  /** The content's hex SHA-256. */
  _id: string;
  size: number;
  chunks: number;
  storedAt: string;
}

interface ChunkDocument {
  /** `<sha256>/<n>`. */
  _id: string;
  sha256: string;
  n: number;
  data: Buffer;
}

const DUPLICATE_KEY = 11000;
const DURABLE = { writeConcern: { w: 'majority' as const, j: true } };

/**
 * Attachments in the help desk's MongoDB database (distributed mode): binary
 * chunks in `<prefix>_chunks`, and one document per content in `<prefix>_files`
 * keyed by its SHA-256 (`_id`), written after its chunks, so a content is
 * there only once all of it is. Works on FerretDB: no transactions, no GridFS.
 */
export class MongoAttachmentStorage implements AttachmentStorage {
  private readonly files: Collection<FileDocument>;
  private readonly chunks: Collection<ChunkDocument>;
  private readonly chunkSize: number;

  constructor(options: MongoAttachmentStorageOptions) {
    const prefix = options.collectionPrefix ?? 'attachment';
    this.files = options.connection.collection<FileDocument>(`${prefix}_files`);
    this.chunks = options.connection.collection<ChunkDocument>(`${prefix}_chunks`);
    this.chunkSize = options.chunkSize ?? 255 * 1024;
  }

  async put(content: Buffer): Promise<StoredContent> {
    const sha256 = sha256Of(content);
    if (await this.files.findOne({ _id: sha256 })) return { sha256, size: content.length };
    // Chunks left by an earlier write that did not finish are replaced.
    await this.chunks.deleteMany({ sha256 }, DURABLE);
    const chunks: ChunkDocument[] = [];
    for (let offset = 0, n = 0; offset < content.length || n === 0; offset += this.chunkSize, n++) {
      chunks.push({
        _id: `${sha256}/${n}`,
        sha256,
        n,
        data: content.subarray(offset, offset + this.chunkSize),
      });
    }
    await this.chunks.insertMany(chunks, { ordered: true, ...DURABLE });
    try {
      await this.files.insertOne(
        {
          _id: sha256,
          size: content.length,
          chunks: chunks.length,
          storedAt: new Date().toISOString(),
        },
        DURABLE,
      );
    } catch (error) {
      // Another writer stored the same content first: the same bytes.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
    return { sha256, size: content.length };
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    assertSha256(sha256);
    const file = await this.files.findOne({ _id: sha256 });
    if (!file) return undefined;
    const chunks = await this.chunks.find({ sha256 }).sort({ n: 1 }).toArray();
    if (chunks.length !== file.chunks) {
      throw new Error(`Attachment ${sha256}: ${chunks.length} of its ${file.chunks} chunks stored`);
    }
    return Buffer.concat(chunks.map((c) => bytesOfChunk(c.data)));
  }

  async delete(sha256: string): Promise<boolean> {
    assertSha256(sha256);
    const { deletedCount } = await this.files.deleteOne({ _id: sha256 }, DURABLE);
    await this.chunks.deleteMany({ sha256 }, DURABLE);
    return deletedCount > 0;
  }

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }
}

/** A chunk's bytes: the driver reads binary data as a BSON Binary (its buffer may be longer than its bytes). */
export function bytesOfChunk(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { buffer?: unknown; position?: unknown };
  if (binary.buffer instanceof Uint8Array) {
    const length = typeof binary.position === 'number' ? binary.position : binary.buffer.length;
    return Buffer.from(binary.buffer.subarray(0, length));
  }
  throw new Error('An attachment chunk is not binary data');
}
