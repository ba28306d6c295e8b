import type { Connection, mongo } from 'mongoose';
import type { ApiKeyRecord, ClientRecord, RefreshTokenRecord, UserRecord } from '../identity-records';
import { NameTakenError, type IdentityStore } from '../identity-store.port';

interface Stored<T> {
  _id: string;
  record: T;
  owner?: string;
}

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Distributed identities in MongoDB. Uniqueness is decided by `_id` alone —
 * names are claimed in `auth_names` (`user:<name>`), and the use of a refresh
 * token in `auth_refresh_uses` — because FerretDB v1 does not enforce unique
 * secondary indexes nor make read-modify-write updates atomic (see
 * docs/architecture.md), while a duplicate `_id` is refused everywhere.
 */
export class MongoIdentityStore implements IdentityStore {
  private readonly db: mongo.Db;

  constructor(connection: Connection) {
    if (!connection.db) throw new Error('The MongoDB connection is not open');
    this.db = connection.db;
  }

  private col<T>(name: string): mongo.Collection<Stored<T>> {
    return this.db.collection<Stored<T>>(`auth_${name}`);
  }

  private async claimName(kind: 'user' | 'client', name: string, id: string): Promise<void> {
    try {
      await this.db.collection<{ _id: string; id: string }>('auth_names').insertOne({ _id: `${kind}:${name}`, id });
    } catch (error) {
      if (isDuplicateKey(error)) throw new NameTakenError(kind, kind === 'user' ? 'username' : 'name', name);
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

  private async put<T>(collection: string, id: string, record: T, owner?: string): Promise<void> {
    await this.col<T>(collection).replaceOne(
      { _id: id },
      { record, ...(owner !== undefined ? { owner } : {}) } as Stored<T>,
    );
  }

  async createUser(user: UserRecord): Promise<void> {
    await this.claimName('user', user.username, user.id);
    await this.col<UserRecord>('users').insertOne({ _id: user.id, record: user });
  }
  findUser(id: string) {
    return this.get<UserRecord>('users', id);
  }
  async findUserByName(username: string): Promise<UserRecord | undefined> {
    const claim = await this.db.collection<{ _id: string; id: string }>('auth_names').findOne({ _id: `user:${username}` });
    return claim ? this.findUser(claim.id) : undefined;
  }
  async listUsers(): Promise<UserRecord[]> {
    return (await this.all<UserRecord>('users')).sort((a, b) => a.username.localeCompare(b.username));
  }
  countUsers(): Promise<number> {
    return this.col('users').countDocuments();
  }
  saveUser(user: UserRecord) {
    return this.put('users', user.id, user);
  }

  async createClient(client: ClientRecord): Promise<void> {
    await this.claimName('client', client.name, client.id);
    await this.col<ClientRecord>('clients').insertOne({ _id: client.id, record: client });
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
    await this.col<ApiKeyRecord>('api_keys').insertOne({ _id: key.id, record: key, owner: key.clientId });
  }
  findApiKey(id: string) {
    return this.get<ApiKeyRecord>('api_keys', id);
  }
  async listApiKeys(clientId: string): Promise<ApiKeyRecord[]> {
    return (await this.all<ApiKeyRecord>('api_keys', clientId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
  saveApiKey(key: ApiKeyRecord) {
    return this.put('api_keys', key.id, key, key.clientId);
  }

  async createRefreshToken(token: RefreshTokenRecord): Promise<void> {
    await this.col<RefreshTokenRecord>('refresh_tokens').insertOne({ _id: token.id, record: token, owner: token.userId });
  }
  findRefreshToken(id: string) {
    return this.get<RefreshTokenRecord>('refresh_tokens', id);
  }
  async revokeRefreshToken(id: string, at: string): Promise<boolean> {
    const token = await this.findRefreshToken(id);
    if (!token || token.revokedAt) return false;
    try {
      await this.db.collection<{ _id: string; at: string }>('auth_refresh_uses').insertOne({ _id: id, at });
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

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }
}
