import type Database from 'better-sqlite3';
import { openSqliteDatabase } from '@sfp/event-sourcing';
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

type Kind = 'user' | 'client' | 'api_key' | 'refresh_token' | 'revoked_session';

/**
 * Embedded identities: one table of JSON records, `name` unique per kind for
 * users and clients, `owner` indexed (client of a key, user of a token or of a
 * revoked session); failed sign-ins one row each in `auth_sign_in_failures`,
 * counted in the transaction that inserts them.
 */
export class SqliteIdentityStore implements IdentityStore {
  private readonly db: Database.Database;

  constructor(options: { filename: string }) {
    this.db = openSqliteDatabase(options.filename, { synchronous: 'FULL' });
    this.db.exec(`CREATE TABLE IF NOT EXISTS auth_records (
      kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT, owner TEXT, active INTEGER NOT NULL DEFAULT 1,
      data TEXT NOT NULL, PRIMARY KEY (kind, id));
      CREATE UNIQUE INDEX IF NOT EXISTS auth_records_name ON auth_records (kind, name) WHERE name IS NOT NULL;
      CREATE INDEX IF NOT EXISTS auth_records_owner ON auth_records (kind, owner);
      CREATE TABLE IF NOT EXISTS auth_sign_in_failures (username TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS auth_sign_in_failures_key ON auth_sign_in_failures (username, address, at);
      CREATE INDEX IF NOT EXISTS auth_sign_in_failures_at ON auth_sign_in_failures (at);`);
  }

  private insert(kind: Kind, id: string, data: object, name?: string, owner?: string): void {
    try {
      this.db
        .prepare('INSERT INTO auth_records (kind, id, name, owner, data) VALUES (?, ?, ?, ?, ?)')
        .run(kind, id, name ?? null, owner ?? null, JSON.stringify(data));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (
        code === 'SQLITE_CONSTRAINT_UNIQUE' &&
        name !== undefined &&
        (kind === 'user' || kind === 'client')
      ) {
        throw new NameTakenError(kind, kind === 'user' ? 'username' : 'name', name);
      }
      throw error;
    }
  }

  private update(kind: Kind, id: string, data: object): void {
    this.db
      .prepare('UPDATE auth_records SET data = ? WHERE kind = ? AND id = ?')
      .run(JSON.stringify(data), kind, id);
  }

  private one<T>(sql: string, ...params: unknown[]): T | undefined {
    const row = this.db.prepare(sql).get(...params) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  private many<T>(sql: string, ...params: unknown[]): T[] {
    return (this.db.prepare(sql).all(...params) as Array<{ data: string }>).map(
      (r) => JSON.parse(r.data) as T,
    );
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
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM auth_records WHERE kind = 'user'").get() as {
        n: number;
      }
    ).n;
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
    return this.many(
      "SELECT data FROM auth_records WHERE kind = 'api_key' AND owner = ? ORDER BY rowid",
      clientId,
    );
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

  async revokeSession(revocation: SessionRevocationRecord): Promise<void> {
    this.db
      .prepare(
        "DELETE FROM auth_records WHERE kind = 'revoked_session' AND json_extract(data, '$.expiresAt') <= ?",
      )
      .run(revocation.revokedAt);
    this.db
      .prepare(
        "INSERT OR IGNORE INTO auth_records (kind, id, owner, data) VALUES ('revoked_session', ?, ?, ?)",
      )
      .run(revocation.sessionId, revocation.userId, JSON.stringify(revocation));
  }
  async listSessionRevocations(filter: {
    activeAt: string;
    userId?: string;
  }): Promise<SessionRevocationRecord[]> {
    return this.many(
      `SELECT data FROM auth_records WHERE kind = 'revoked_session' AND (@userId IS NULL OR owner = @userId)
       AND json_extract(data, '$.expiresAt') > @activeAt ORDER BY json_extract(data, '$.revokedAt')`,
      { userId: filter.userId ?? null, activeAt: filter.activeAt },
    );
  }

  async recordSignInFailure(key: SignInKey, at: string, since: string): Promise<SignInFailures> {
    // One write transaction (BEGIN IMMEDIATE): no other connection counts in between.
    return this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM auth_sign_in_failures WHERE at < ?').run(since);
        this.db
          .prepare('INSERT INTO auth_sign_in_failures (username, address, at) VALUES (?, ?, ?)')
          .run(key.username, key.address, at);
        return this.failuresOf(key, since);
      })
      .immediate();
  }
  async countSignInFailures(key: SignInKey, since: string): Promise<SignInFailures> {
    return this.failuresOf(key, since);
  }
  async listSignInFailures(since: string, username?: string): Promise<SignInFailureSummary[]> {
    return this.db
      .prepare(
        `SELECT username, address, COUNT(*) AS failures, MAX(at) AS lastFailureAt FROM auth_sign_in_failures
         WHERE at >= @since AND (@username IS NULL OR username = @username) GROUP BY username, address ORDER BY username, address`,
      )
      .all({ since, username: username ?? null }) as SignInFailureSummary[];
  }
  async clearSignInFailures(username: string, address?: string): Promise<void> {
    this.db
      .prepare(
        'DELETE FROM auth_sign_in_failures WHERE username = @username AND (@address IS NULL OR address = @address)',
      )
      .run({ username, address: address ?? null });
  }

  private failuresOf(key: SignInKey, since: string): SignInFailures {
    const row = this.db
      .prepare(
        'SELECT COUNT(*) AS failures, MAX(at) AS last FROM auth_sign_in_failures WHERE username = ? AND address = ? AND at >= ?',
      )
      .get(key.username, key.address, since) as { failures: number; last: string | null };
    return { failures: row.failures, ...(row.last ? { lastFailureAt: row.last } : {}) };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
