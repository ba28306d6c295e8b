import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';

export interface KafkaProbe {
  clusterId: string;
  brokerCount: number;
}

export interface MongoProbe {
  /** Server version as reported by buildInfo. */
  version: string;
  /** Set when the server is FerretDB. */
  ferretdbVersion?: string;
}

/** Connects to the brokers and asks for cluster metadata, within `timeoutMs`. */
export async function probeKafka(brokers: string[], timeoutMs = 10_000): Promise<KafkaProbe> {
  const kafka = new Kafka({
    clientId: 'sfp-infrastructure-probe',
    brokers,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return { clusterId: cluster.clusterId, brokerCount: cluster.brokers.length };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Connects to the server and reads its buildInfo, within `timeoutMs`. */
export async function probeMongo(uri: string, timeoutMs = 10_000): Promise<MongoProbe> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  });
  try {
    await connection.asPromise();
    const db = connection.db;
    if (!db) throw new Error('connected without a database handle');
    const info = await db.admin().command({ buildInfo: 1 });
    return {
      version: String(info['version']),
      ferretdbVersion: info['ferretdbVersion'] ? String(info['ferretdbVersion']) : undefined,
    };
  } finally {
    await connection.close().catch(() => undefined);
  }
}
