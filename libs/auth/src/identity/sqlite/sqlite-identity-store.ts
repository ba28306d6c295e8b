import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ApiKeyRecord, ClientRecord, RefreshTokenRecord, UserRecord } from '../identity-records';
import { NameTakenError, type IdentityStore } from '../identity-store.port';

type Kind = 'user' | 'client' | 'api_key' | 'refresh_token';

/**
 * Embedded identities: one table of JSON records, `name` unique per kind for
 * users and clients, `owner` indexed (client of a key, user of a token).
 */
export class SqliteIdentityStore implements IdentityStore {
  private readonly db: Database.Database;

  constructor(options: { filename: string }) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS auth_records (
      kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT, owner TEXT, active INTEGER NOT NULL DEFAULT 1,
      data TEXT NOT NULL, PRIMARY KEY (kind, id));
      CREATE UNIQUE INDEX IF NOT EXISTS auth_records_name ON auth_records (kind, name) WHERE name IS NOT NULL;
      CREATE INDEX IF NOT EXISTS auth_records_owner ON auth_records (kind, owner);`);
  }

  private insert(kind: Kind, id: string, data: object, name?: string, owner?: string): void {
    try {
      this.db
        .prepare('INSERT INTO auth_records (kind, id, name, owner, data) VALUES (?, ?, ?, ?, ?)')
        .run(kind, id, name ?? null, owner ?? null, JSON.stringify(data));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' && name !== undefined && (kind === 'user' || kind === 'client')) {
        throw new NameTakenError(kind, kind === 'user' ? 'username' : 'name', name);
      }
      throw error;
    }
  }

  private update(kind: Kind, id: string, data: object): void {
    this.db.prepare('UPDATE auth_records SET data = ? WHERE kind = ? AND id = ?').run(JSON.stringify(data), kind, id);
  }

  private one<T>(sql: string, ...params: unknown[]): T | undefined {
    const row = this.db.prepare(sql).get(...params) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  private many<T>(sql: string, ...params: unknown[]): T[] {
    return (this.db.prepare(sql).all(...params) as Array<{ data: string }>).map((r) => JSON.parse(r.data) as T);
  }

  async createUser(user: UserRecord): Promise<void> {
    this.insert('user', user.id, user, user.username);
  }
  async findUser(id: string): Promise<UserRecord | undefined> {
    return this.one("SELECT data FROM auth_records WHERE kind = 'user' AND id = ?", id);
  }
  async findUserByName(username: string): Promise<UserRecord | undefined> {
    return this.one("SELECT data FROM auth_records WHERE kind = 'user' AND name = ?", username);
  }
  async listUsers(): Promise<UserRecord[]> {
    return this.many("SELECT data FROM auth_records WHERE kind = 'user' ORDER BY name");
  }
  async countUsers(): Promise<number> {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM auth_records WHERE kind = 'user'").get() as { n: number }).n;
  }
  async saveUser(user: UserRecord): Promise<void> {
    this.update('user', user.id, user);
  }

  async createClient(client: ClientRecord): Promise<void> {
    this.insert('client', client.id, client, client.name);
  }
  async findClient(id: string): Promise<ClientRecord | undefined> {
    return this.one("SELECT data FROM auth_records WHERE kind = 'client' AND id = ?", id);
  }
  async listClients(): Promise<ClientRecord[]> {
    return this.many("SELECT data FROM auth_records WHERE kind = 'client' ORDER BY name");
  }
  async saveClient(client: ClientRecord): Promise<void> {
    this.update('client', client.id, client);
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    this.insert('api_key', key.id, key, undefined, key.clientId);
  }
  async findApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    return this.one("SELECT data FROM auth_records WHERE kind = 'api_key' AND id = ?", id);
  }
  async listApiKeys(clientId: string): Promise<ApiKeyRecord[]> {
    return this.many("SELECT data FROM auth_records WHERE kind = 'api_key' AND owner = ? ORDER BY rowid", clientId);
  }
  async saveApiKey(key: ApiKeyRecord): Promise<void> {
    this.update('api_key', key.id, key);
  }

  async createRefreshToken(token: RefreshTokenRecord): Promise<void> {
    this.insert('refresh_token', token.id, token, undefined, token.userId);
  }
  async findRefreshToken(id: string): Promise<RefreshTokenRecord | undefined> {
    return this.one("SELECT data FROM auth_records WHERE kind = 'refresh_token' AND id = ?", id);
  }
  async revokeRefreshToken(id: string, at: string): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE auth_records SET active = 0, data = json_set(data, '$.revokedAt', ?)
         WHERE kind = 'refresh_token' AND id = ? AND active = 1`,
      )
      .run(at, id);
    return result.changes === 1;
  }
  async revokeUserRefreshTokens(userId: string, at: string): Promise<number> {
    return this.db
      .prepare(
        `UPDATE auth_records SET active = 0, data = json_set(data, '$.revokedAt', ?)
         WHERE kind = 'refresh_token' AND owner = ? AND active = 1`,
      )
      .run(at, userId).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
