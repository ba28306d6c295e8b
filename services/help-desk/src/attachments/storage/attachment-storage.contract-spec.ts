import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import { describeAttachmentStorageContract } from './attachment-storage.contract';
import { FileSystemAttachmentStorage } from './file-system.attachment-storage';
import { MongoAttachmentStorage } from './mongodb.attachment-storage';

describeAttachmentStorageContract('file system', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sfp-attachments-'));
  return {
    storage: new FileSystemAttachmentStorage(dir),
    reopen: async () => new FileSystemAttachmentStorage(dir),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

// The MongoDB run needs the integration servers (MONGODB_URI, as the
// integration config's global setup gives it); without them it is skipped.
const withMongo = process.env['MONGODB_URI'] ? describe : describe.skip;

withMongo('on MongoDB', () => {
  let database: TestDatabase | undefined;
  let prefixes = 0;
  afterAll(async () => {
    await database?.cleanup();
  });
  describeAttachmentStorageContract('MongoDB', async () => {
    database ??= await createTestDatabase('attachments');
    const prefix = `attachment_${++prefixes}`;
    // Small chunks, so every content of the suite spans several.
    const open = (connection: mongoose.Connection) =>
      new MongoAttachmentStorage({ connection, collectionPrefix: prefix, chunkSize: 64 * 1024 });
    const { uri, name } = database;
    return {
      storage: open(database.connection),
      reopen: async () => {
        const connection = await mongoose.createConnection(uri, { dbName: name }).asPromise();
        const storage = open(connection);
        return { ...bound(storage), close: () => connection.close() };
      },
      cleanup: async () => undefined,
    };
  });
});

function bound(storage: MongoAttachmentStorage) {
  return {
    put: storage.put.bind(storage),
    get: storage.get.bind(storage),
    delete: storage.delete.bind(storage),
  };
}
