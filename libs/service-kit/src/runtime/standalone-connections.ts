import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logging/logger';

/**
 * A standalone service's MongoDB connection to its own database: waits up to
 * 10 s for the server, logs when the connection is lost and back, and fails
 * with a message that names the server without its credentials.
 */
export async function connectMongo(options: {
  uri: string;
  database: string;
  logger: Logger;
}): Promise<Connection> {
  const connection = mongoose.createConnection(options.uri, {
    dbName: options.database,
    serverSelectionTimeoutMS: 10_000,
  });
  connection.on('disconnected', () => options.logger.warn('MongoDB connection lost; retrying'));
  connection.on('reconnected', () => options.logger.info('MongoDB connection back'));
  try {
    return await connection.asPromise();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw new Error(
      `Could not connect to MongoDB at ${redactedUri(options.uri)}: ${error instanceof Error ? error.message : String(error)}`,
    );
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
