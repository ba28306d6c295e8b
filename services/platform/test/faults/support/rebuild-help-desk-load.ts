import { httpClient, signIn, type standaloneTestEnv } from '@sfp/testing';
import { CommandLedger, type FiledRequest } from '../../support/scale-out/command-ledger';
import { ServiceInstance } from '../../support/scale-out/service-instance';
import { createOperator, OPERATOR } from './fault-helpers';

export { eventually } from './fault-helpers';

/**
 * What scenarios 6 (rebuild under load) and 7 (slow consumer) share: one help
 * desk process in distributed mode on the shared servers, its administrator
 * and an operator, HTTP load recorded in a CommandLedger, and readers of the
 * requests view, the projection's status and its metrics.
 */
export type Client = ReturnType<typeof httpClient>;
export type Json = Record<string, unknown>;

export const HELP_DESK_MAIN = 'services/help-desk/src/main.ts';
export const REQUESTS_PROJECTION = 'help-desk-requests';
export interface HelpDeskUnderTest {
  instance: ServiceInstance;
  /** Signed in as the administrator, at /api (projections, metrics). */
  admin: Client;
  /** Signed in as an operator, at /api/help-desk (requests, comments, queries). */
  operator: Client;
}

/** Starts the help desk with `setup.env` (plus `env`), creates an operator and signs both in. */
export async function startHelpDesk(
  setup: ReturnType<typeof standaloneTestEnv>,
  adminPassword: string,
  env: Record<string, string> = {},
): Promise<HelpDeskUnderTest> {
  const instance = await ServiceInstance.start('help-desk', HELP_DESK_MAIN, {
    ...setup.env,
    ...env,
  });
  const admin = httpClient(
    `${instance.url}/api`,
    await signIn(instance.url, 'admin', adminPassword),
  );
  await createOperator(admin);
  const operator = httpClient(
    `${instance.url}/api/help-desk`,
    await signIn(instance.url, OPERATOR.username, OPERATOR.password),
  );
  return { instance, admin, operator };
}

/**
 * HTTP load in `lanes` concurrent loops: each files a request, then comments
 * on a random acknowledged one, all recorded in the ledger, until stopped.
 */
export class HelpDeskLoad {
  readonly ledger: CommandLedger;
  private next = 0;
  private stopping = false;
  private readonly running: Array<Promise<void>> = [];

  constructor(
    private readonly client: Client,
    run: string,
  ) {
    this.ledger = new CommandLedger(run);
  }

  /** Commands sent (requests filed and comments tried). */
  get sent(): number {
    return this.ledger.acknowledged + this.ledger.failed;
  }

  /** Sends about `count` commands in `lanes` loops, and resolves when they are answered (the view's starting content). */
  async send(count: number, lanes = 1): Promise<void> {
    const target = this.sent + count;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (this.sent < target) await this.one();
      }),
    );
  }

  start(lanes: number): void {
    this.stopping = false;
    for (let lane = 0; lane < lanes; lane++)
      this.running.push(
        (async () => {
          while (!this.stopping) await this.one();
        })(),
      );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.splice(0));
  }

  private async one(): Promise<void> {
    await this.ledger.file(this.client, this.next++);
    const acknowledged = this.ledger.acknowledgedRequests();
    const pick = acknowledged[Math.floor(Math.random() * acknowledged.length)];
    if (pick) await this.ledger.comment(this.client, pick);
  }
}

/** Every document of the requests view, page by page (throws on a non-200). */
export async function readRequestsView(operator: Client): Promise<Json[]> {
  const items: Json[] = [];
  let cursor: string | undefined;
  do {
    const page = await operator.get<{ items: Json[]; nextCursor?: string }>(
      `/service-requests?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (page.status !== 200) throw new Error(`the requests view answered ${page.status}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** The status of the requests projection (GET /api/help-desk/projections/:name). */
export async function requestsStatus(admin: Client): Promise<Json> {
  const response = await admin.get<Json>(`/help-desk/projections/${REQUESTS_PROJECTION}`);
  if (response.status !== 200) throw new Error(`projection status answered ${response.status}`);
  return response.body;
}

/** sfp_projection_stalled of the requests projection on /api/metrics, or undefined when absent. */
export async function requestsStalledGauge(admin: Client): Promise<number | undefined> {
  const response = await admin.get('/metrics');
  if (response.status !== 200) throw new Error(`metrics answered ${response.status}`);
  const match = new RegExp(
    `^sfp_projection_stalled\\{context="help-desk",projection="${REQUESTS_PROJECTION}"\\} (\\d+)$`,
    'm',
  ).exec(response.text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Checks the view against the ledger: each acknowledged request exactly once
 * (by its unique title), no title that was never sent. Returns the counts of
 * the scenario's figures.
 */
export function compareWithLedger(
  ledger: CommandLedger,
  view: Json[],
): { lost: string[]; duplicated: string[]; unknown: string[] } {
  const counts = new Map<string, number>();
  for (const item of view) {
    const title = String(item['title']);
    counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  const attempted = new Set(ledger.requests.map((filed) => filed.title));
  return {
    lost: ledger
      .acknowledgedRequests()
      .filter((filed) => !counts.has(filed.title))
      .map((filed) => filed.title),
    duplicated: [...counts].filter(([, n]) => n > 1).map(([title]) => title),
    unknown: [...counts.keys()].filter((title) => !attempted.has(title)),
  };
}

/** Counts the answers of a client by status (a thrown request counts as `error`). */
export class AnswerTally {
  readonly byStatus = new Map<number | 'error', number>();

  get total(): number {
    return [...this.byStatus.values()].reduce((sum, n) => sum + n, 0);
  }

  get serverErrors(): number {
    return [...this.byStatus].reduce(
      (sum, [status, n]) => sum + (status === 'error' || status >= 500 ? n : 0),
      0,
    );
  }

  get notSuccessful(): number {
    return [...this.byStatus].reduce(
      (sum, [status, n]) => sum + (status === 'error' || status < 200 || status > 299 ? n : 0),
      0,
    );
  }

  /** `client` with every answer counted here. */
  wrap(client: Client): Client {
    const count = async <T>(call: () => Promise<T & { status: number }>) => {
      try {
        const result = await call();
        this.add(result.status);
        return result;
      } catch (error) {
        this.add('error');
        throw error;
      }
    };
    return {
      ...client,
      get: (path, headers) => count(() => client.get(path, headers)),
      post: (path, body, headers) => count(() => client.post(path, body, headers)),
    } as Client;
  }

  describe(): string {
    return [...this.byStatus].map(([status, n]) => `${n}×${status}`).join(', ') || 'none';
  }

  private add(status: number | 'error'): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }
}

/**
 * Checks the view against the event store, through the request detail (folded
 * from the request's stream at each call, independent of the projection):
 * the view's document is at the position of the stream's last event, with its
 * status; and the comments the stream holds are between those acknowledged
 * and those sent (a comment whose answer was lost may be there, once).
 */
export async function compareWithStore(
  operator: Client,
  ledger: CommandLedger,
  view: Json[],
): Promise<{ mismatched: string[]; commentsLost: number; commentsDuplicated: number }> {
  const byId = new Map(view.map((item) => [String(item['requestId']), item]));
  const mismatched: string[] = [];
  let commentsLost = 0;
  let commentsDuplicated = 0;
  const check = async (filed: FiledRequest & { requestId: string }) => {
    const detail = await operator.get<Json>(`/service-requests/${filed.requestId}`);
    if (detail.status !== 200) throw new Error(`detail of ${filed.requestId}: ${detail.status}`);
    const history = detail.body['history'] as Array<{ position: number }>;
    const item = byId.get(filed.requestId);
    const last = history.at(-1)?.position;
    if (item && (item['position'] !== last || item['status'] !== detail.body['status']))
      mismatched.push(
        `${filed.requestId}: view at ${item['position']} (${item['status']}), stream at ${last} (${detail.body['status']})`,
      );
    const comments = (detail.body['comments'] as unknown[]).length;
    commentsLost += Math.max(0, filed.comments - comments);
    commentsDuplicated += Math.max(0, comments - filed.commentAttempts);
  };
  // A few reads at a time: the full version checks a thousand requests.
  const queue = ledger.acknowledgedRequests();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let filed = queue.shift(); filed; filed = queue.shift()) await check(filed);
    }),
  );
  return { mismatched, commentsLost, commentsDuplicated };
}
