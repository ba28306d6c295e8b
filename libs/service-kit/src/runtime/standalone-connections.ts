import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logging/logger';

/**
 * How long an operation waits for a reachable server before it fails. Short,
 * so that while the database is down a request fails fast (503 with
 * Retry-After, see isStoreUnavailable) instead of hanging: the driver's
 * default is 30 s. A server that answers is used at once whatever this is.
 */
export const MONGO_SERVER_SELECTION_MS = 2_000;
/** How long a starting service waits for the server to answer at all. */
const STARTUP_WAIT_MS = 10_000;

/**
 * A standalone service's MongoDB connection to its own database: waits up to
 * 10 s for the server at start, fails each later operation within 2 s while
 * the server cannot be reached, logs when the connection is lost and back,
 * and fails with a message that names the server without its credentials.
 */
export async function connectMongo(options: {
  uri: string;
  database: string;
  logger: Logger;
}): Promise<Connection> {
  const deadline = Date.now() + STARTUP_WAIT_MS;
  for (;;) {
    const connection = mongoose.createConnection(options.uri, {
      dbName: options.database,
      serverSelectionTimeoutMS: MONGO_SERVER_SELECTION_MS,
    });
    try {
      await connection.asPromise();
      connection.on('disconnected', () => options.logger.warn('MongoDB connection lost; retrying'));
      connection.on('reconnected', () => options.logger.info('MongoDB connection back'));
      return connection;
    } catch (error) {
      await connection.close().catch(() => undefined);
      if (Date.now() >= deadline) {
        throw new Error(
          `Could not connect to MongoDB at ${redactedUri(options.uri)}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}

/** The URI without credentials, for messages. */
export function redactedUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/** The URL a listening service is reached at (a wildcard host becomes loopback). */
export function publicUrlOf(host: string, port: number): string {
  const name =
    host === '0.0.0.0'
      ? '127.0.0.1'
      : host === '::'
        ? '[::1]'
        : host.includes(':')
          ? `[${host}]`
          : host;
  return `http://${name}:${port}`;
}
