import { randomUUID } from 'node:crypto';
import type { Connection, mongo } from 'mongoose';
import type {
  ApiKeyRecord,
  ClientRecord,
  RefreshTokenRecord,
  SessionRevocationRecord,
  SignInFailureSummary,
  SignInFailures,
  SignInKey,
  UserRecord,
} from '../identity-records';
import { NameTakenError, type IdentityStore } from '../identity-store.port';

interface Stored<T> {
  _id: string;
  record: T;
  owner?: string;
}

/** One failed sign-in (`auth_sign_in_failures`). */
interface FailureDocument {
  _id: string;
  username: string;
  address: string;
  at: string;
}

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;
/** Old failures are deleted at most this often per store (a scan on FerretDB). */
const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * Distributed identities in MongoDB. Uniqueness is decided by `_id` alone —
 * names are claimed in `auth_names` (`user:<name>`), and the use of a refresh
 * token in `auth_refresh_uses` — because FerretDB v1 does not enforce unique
 * secondary indexes nor make read-modify-write updates atomic (see
 * docs/architecture.md), while a duplicate `_id` is refused everywhere.
 *
 * Failed sign-ins are counted the same way: FerretDB v1 applies `$inc` (even
 * in `findOneAndUpdate`) as a read then a write, so concurrent increments are
 * lost (measured: 50 concurrent `$inc` on one document left it at 4 to 17).
 * Each failure is therefore its own inserted document (`auth_sign_in_failures`,
 * a random `_id`), and the count is taken after the insert: an insert is never
 * lost, and the last of N concurrent callers counts all N.
 */
export class MongoIdentityStore implements IdentityStore {
  private readonly db: mongo.Db;
  private failureIndex?: Promise<unknown>;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(connection: Connection) {
    if (!connection.db) throw new Error('The MongoDB connection is not open');
    this.db = connection.db;
  }

  private col<T>(name: string): mongo.Collection<Stored<T>> {
    return this.db.collection<Stored<T>>(`auth_${name}`);
  }

  private async claimName(kind: 'user' | 'client', name: string, id: string): Promise<void> {
    try {
      await this.db
        .collection<{ _id: string; id: string }>('auth_names')
        .insertOne({ _id: `${kind}:${name}`, id });
    } catch (error) {
      if (isDuplicateKey(error))
        throw new NameTakenError(kind, kind === 'user' ? 'username' : 'name', name);
      throw error;
    }
  }

  private async get<T>(collection: string, id: string): Promise<T | undefined> {
    const doc = await this.col<T>(collection).findOne({ _id: id });
    return doc?.record;
  }

  private async all<T>(collection: string, owner?: string): Promise<T[]> {
    const docs = await this.col<T>(collection)
      .find(owner === undefined ? {} : { owner })
      .toArray();
    return docs.map((d) => d.record);
  }

  private async insert<T>(
    collection: string,
    id: string,
    record: T,
    owner?: string,
  ): Promise<void> {
    await this.col<T>(collection).insertOne({
      _id: id,
      record,
      ...(owner !== undefined ? { owner } : {}),
    } as Stored<T>);
  }

  private async put<T>(collection: string, id: string, record: T, owner?: string): Promise<void> {
    await this.col<T>(collection).replaceOne({ _id: id }, {
      record,
      ...(owner !== undefined ? { owner } : {}),
    } as Stored<T>);
  }

  async createUser(user: UserRecord): Promise<void> {
    await this.claimName('user', user.username, user.id);
    await this.insert('users', user.id, user);
  }
  findUser(id: string) {
    return this.get<UserRecord>('users', id);
  }
  async findUserByName(username: string): Promise<UserRecord | undefined> {
    const claim = await this.db
      .collection<{ _id: string; id: string }>('auth_names')
      .findOne({ _id: `user:${username}` });
    return claim ? this.findUser(claim.id) : undefined;
  }
  async listUsers(): Promise<UserRecord[]> {
    return (await this.all<UserRecord>('users')).sort((a, b) =>
      a.username.localeCompare(b.username),
    );
  }
  countUsers(): Promise<number> {
    return this.col('users').countDocuments();
  }
  saveUser(user: UserRecord) {
    return this.put('users', user.id, user);
  }

  async createClient(client: ClientRecord): Promise<void> {
    await this.claimName('client', client.name, client.id);
    await this.insert('clients', client.id, client);
  }
  findClient(id: string) {
    return this.get<ClientRecord>('clients', id);
  }
  async listClients(): Promise<ClientRecord[]> {
    return (await this.all<ClientRecord>('clients')).sort((a, b) => a.name.localeCompare(b.name));
  }
  saveClient(client: ClientRecord) {
    return this.put('clients', client.id, client);
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    await this.insert('api_keys', key.id, key, key.clientId);
  }
  findApiKey(id: string) {
    return this.get<ApiKeyRecord>('api_keys', id);
  }
  async listApiKeys(clientId: string): Promise<ApiKeyRecord[]> {
    return (await this.all<ApiKeyRecord>('api_keys', clientId)).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
  }
  saveApiKey(key: ApiKeyRecord) {
    return this.put('api_keys', key.id, key, key.clientId);
  }

  async createRefreshToken(token: RefreshTokenRecord): Promise<void> {
    await this.insert('refresh_tokens', token.id, token, token.userId);
  }
  findRefreshToken(id: string) {
    return this.get<RefreshTokenRecord>('refresh_tokens', id);
  }
  async revokeRefreshToken(id: string, at: string): Promise<boolean> {
    const token = await this.findRefreshToken(id);
    if (!token || token.revokedAt) return false;
    try {
      await this.db
        .collection<{ _id: string; at: string }>('auth_refresh_uses')
        .insertOne({ _id: id, at });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    await this.put('refresh_tokens', id, { ...token, revokedAt: at }, token.userId);
    return true;
  }
  async revokeUserRefreshTokens(userId: string, at: string): Promise<number> {
    let revoked = 0;
    for (const token of await this.all<RefreshTokenRecord>('refresh_tokens', userId)) {
      if (!token.revokedAt && (await this.revokeRefreshToken(token.id, at))) revoked++;
    }
    return revoked;
  }

  async revokeSession(revocation: SessionRevocationRecord): Promise<void> {
    const sessions = this.col<SessionRevocationRecord>('revoked_sessions');
    await sessions.deleteMany({ 'record.expiresAt': { $lte: revocation.revokedAt } });
    try {
      await sessions.insertOne({
        _id: revocation.sessionId,
        record: revocation,
        owner: revocation.userId,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  async listSessionRevocations(filter: {
    activeAt: string;
    userId?: string;
  }): Promise<SessionRevocationRecord[]> {
    const docs = await this.col<SessionRevocationRecord>('revoked_sessions')
      .find({
        ...(filter.userId !== undefined ? { owner: filter.userId } : {}),
        'record.expiresAt': { $gt: filter.activeAt },
      })
      .toArray();
    return docs.map((d) => d.record).sort((a, b) => a.revokedAt.localeCompare(b.revokedAt));
  }

  private failures(): mongo.Collection<FailureDocument> {
    return this.db.collection<FailureDocument>('auth_sign_in_failures');
  }

  async recordSignInFailure(key: SignInKey, at: string, since: string): Promise<SignInFailures> {
    // For MongoDB; FerretDB accepts it (and answers only `_id` lookups from an index anyway).
    this.failureIndex ??= this.failures()
      .createIndex({ username: 1, address: 1, at: 1 })
      .catch(() => undefined);
    await this.failureIndex;
    await this.failures().insertOne({
      _id: randomUUID(),
      username: key.username,
      address: key.address,
      at,
    });
    const now = Date.parse(at);
    if (now - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await this.failures().deleteMany({ at: { $lt: since } });
    }
    return this.countSignInFailures(key, since);
  }
  async countSignInFailures(key: SignInKey, since: string): Promise<SignInFailures> {
    const docs = await this.failures()
      .find(
        { username: key.username, address: key.address, at: { $gte: since } },
        { projection: { at: 1 } },
      )
      .toArray();
    const last = docs.reduce<string | undefined>(
      (max, d) => (max === undefined || d.at > max ? d.at : max),
      undefined,
    );
    return { failures: docs.length, ...(last ? { lastFailureAt: last } : {}) };
  }
  async listSignInFailures(since: string, username?: string): Promise<SignInFailureSummary[]> {
    const docs = await this.failures()
      .find({ at: { $gte: since }, ...(username !== undefined ? { username } : {}) })
      .toArray();
    const byKey = new Map<string, SignInFailureSummary>();
    for (const d of docs) {
      const id = JSON.stringify([d.username, d.address]);
      const summary = byKey.get(id) ?? {
        username: d.username,
        address: d.address,
        failures: 0,
        lastFailureAt: d.at,
      };
      summary.failures++;
      if (d.at > summary.lastFailureAt) summary.lastFailureAt = d.at;
      byKey.set(id, summary);
    }
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...byKey.values()].sort(
      (a, b) => order(a.username, b.username) || order(a.address, b.address),
    );
  }
  async clearSignInFailures(username: string, address?: string): Promise<void> {
    await this.failures().deleteMany({ username, ...(address !== undefined ? { address } : {}) });
  }

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }
}
