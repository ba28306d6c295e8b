import mongoose, { type Connection } from 'mongoose';
import { integrationEnv, uniqueName } from './integration-env';

export interface TestDatabase {
  name: string;
  uri: string;
  connection: Connection;
  /** Drops the database and closes the connection. */
  cleanup(): Promise<void>;
}

/** Opens a fresh database for one test file on the integration MongoDB-protocol server. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const { mongodbUri } = integrationEnv();
  // Database names are kept short: FerretDB's SQLite backend maps each to a file.
  const name = uniqueName(prefix).replace(/-/g, '_').slice(0, 60);
  const connection = await mongoose
    .createConnection(mongodbUri, { dbName: name, serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  return {
    name,
    uri: mongodbUri,
    connection,
    cleanup: async () => {
      try {
        await connection.dropDatabase();
      } finally {
        await connection.close();
      }
    },
  };
}
