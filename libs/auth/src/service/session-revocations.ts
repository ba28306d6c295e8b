import type { SessionRevocationRecord, UserRecord } from '../identity/identity-records';
import type { IdentityStore } from '../identity/identity-store.port';

/**
 * Signed-out sessions, so that their access tokens are refused at once in
 * every instance, at no cost per request:
 *
 * - a revocation is a record in the shared IdentityStore (an insert: never a
 *   lost update), kept until every access token of the session has expired;
 * - each instance holds the revoked session ids in memory: checking a token's
 *   `sid` is a Map lookup;
 * - the revoking instance adds the session to its own set at once, and writes
 *   a new `sessionRevocationMark` on the user record. Every instance reads that
 *   record on every request anyway (token generation, disabled, roles); one
 *   that meets a mark it has not loaded loads the user's revocations before it
 *   answers. So the revocation holds at the next request, in every instance;
 * - the mark is written by a read-then-replace of the user record, which a
 *   concurrent replace of the same record (an administrator's change at the
 *   same moment) can undo on FerretDB v1. Each instance therefore also reloads
 *   every revocation every `pullIntervalSeconds`: the worst case.
 */
export class SessionRevocations {
  /** Revoked session id → until when (ms) its tokens may still be presented. */
  private readonly revoked = new Map<string, number>();
  /** User id → the mark whose revocations this instance has loaded. */
  private readonly loadedMarks = new Map<string, string>();
  private pulledAt: number | undefined;
  private pulling: Promise<void> | undefined;

  constructor(
    private readonly store: IdentityStore,
    private readonly options: { keepSeconds: number; pullIntervalSeconds: number },
    private readonly now: () => Date,
  ) {}

  /** Ends one session: recorded, in this instance's set at once, and marked on the user record for the others. */
  async revoke(userId: string, sessionId: string): Promise<void> {
    const now = this.now();
    const revocation: SessionRevocationRecord = {
      sessionId,
      userId,
      revokedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.options.keepSeconds * 1000).toISOString(),
    };
    await this.store.revokeSession(revocation);
    this.add(revocation);
    const user = await this.store.findUser(userId);
    if (!user) return;
    const mark = `${revocation.revokedAt} ${sessionId}`;
    const wasLoaded =
      user.sessionRevocationMark === undefined ||
      this.loadedMarks.get(userId) === user.sessionRevocationMark;
    await this.store.saveUser({ ...user, sessionRevocationMark: mark });
    if (wasLoaded) this.loadedMarks.set(userId, mark);
  }

  /** True when the session was signed out; `user` is the record just read for this request. */
  async isRevoked(user: UserRecord, sessionId: string): Promise<boolean> {
    const now = this.now().getTime();
    if (
      this.pulledAt === undefined ||
      now - this.pulledAt >= this.options.pullIntervalSeconds * 1000
    ) {
      await this.pull();
    }
    const mark = user.sessionRevocationMark;
    if (mark !== undefined && this.loadedMarks.get(user.id) !== mark)
      await this.loadUser(user.id, mark);
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > now;
  }

  private async loadUser(userId: string, mark: string): Promise<void> {
    const records = await this.store.listSessionRevocations({
      userId,
      activeAt: this.now().toISOString(),
    });
    for (const record of records) this.add(record);
    this.loadedMarks.set(userId, mark);
  }

  private pull(): Promise<void> {
    this.pulling ??= (async () => {
      const startedAt = this.now();
      try {
        const records = await this.store.listSessionRevocations({
          activeAt: startedAt.toISOString(),
        });
        for (const [sessionId, until] of this.revoked)
          if (until <= startedAt.getTime()) this.revoked.delete(sessionId);
        for (const record of records) this.add(record);
        this.pulledAt = startedAt.getTime();
      } finally {
        this.pulling = undefined;
      }
    })();
    return this.pulling;
  }

  private add(record: SessionRevocationRecord): void {
    const until = new Date(record.expiresAt).getTime();
    if (until > (this.revoked.get(record.sessionId) ?? 0))
      this.revoked.set(record.sessionId, until);
  }
}
