import type { ServiceInstance } from '../../support/scale-out/service-instance';
import { step } from './fault-report';
import type { HelpDeskLoad } from './help-desk-load';
import type { HelpDeskSystem } from './help-desk-system';

type Json = Record<string, unknown>;

/** What the views hold of a run, against the driver's ledger. */
export interface ViewComparison {
  /** Acknowledged commands missing from a view (requests, comments, reporting rows). */
  lost: string[];
  /** Commands found more than once in a view, or more comments than were sent. */
  duplicated: string[];
  /** Requests of the run in the help desk's view. */
  requestsInView: number;
  /** Rows of the run in reporting's service-requests view (undefined without reporting). */
  reportingRows?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The run's requests in the help desk's requests view, read on `instance` after the ledger's last write. */
async function helpDeskRequests(
  system: HelpDeskSystem,
  instance: ServiceInstance,
  load: HelpDeskLoad,
): Promise<Array<{ title: string; requestId: string }> | undefined> {
  const http = system.helpDesk(instance);
  const found: Array<{ title: string; requestId: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await http
      .get<{
        items: Json[];
        nextCursor?: string;
      }>(
        `/service-requests?minPosition=${load.ledger.highestPosition}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      .catch(() => undefined);
    if (page?.status !== 200) return undefined;
    for (const item of page.body.items) {
      const title = String(item['title']);
      if (title.includes(load.run)) found.push({ title, requestId: String(item['requestId']) });
    }
    cursor = page.body.nextCursor;
  } while (cursor);
  return found;
}

/** The request ids in reporting's service-requests view (all of them: its database is the run's own). */
export async function reportingRequestIds(system: HelpDeskSystem): Promise<string[] | undefined> {
  const http = system.reportingClient();
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const answer = await http
      .post<{
        columns: string[];
        rows: Array<Json | unknown[]>;
        total: number;
      }>('/views/service-requests/query', { select: ['requestId'], limit: 1000, offset })
      .catch(() => undefined);
    if (answer?.status !== 200) return undefined;
    const column = answer.body.columns.indexOf('requestId');
    for (const row of answer.body.rows) {
      ids.push(String(Array.isArray(row) ? row[column] : (row as Json)['requestId']));
    }
    if (offset + 1000 >= answer.body.total) return ids;
  }
}

/**
 * Compares the views with the ledger: every acknowledged request (HTTP 2xx or
 * broker-acknowledged on Kafka) once in the help desk's requests view and, with
 * reporting, once in reporting's service-requests view; every acknowledged
 * comment in its request; nothing there that was not sent. Waits up to
 * `timeoutMs` for the views to hold everything acknowledged, and returns as
 * soon as they do (`completeAt`), or what is missing when the bound passes.
 * `comments: false` skips the comments (one read per request): for a
 * recovery time, the final comparison reads them. `reporting: false` leaves
 * reporting's view out.
 */
export async function compareViews(
  system: HelpDeskSystem,
  load: HelpDeskLoad,
  options: { timeoutMs?: number; comments?: boolean; reporting?: boolean } = {},
): Promise<ViewComparison & { completeAt: number }> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const withReporting = system.reporting !== undefined && options.reporting !== false;
  const deadline = Date.now() + timeoutMs;
  const acknowledged = load.ledger.acknowledgedRequests();
  const bySignedCommand = [...system.department.sent];
  const attempted = new Set([
    ...load.ledger.requests.map((filed) => filed.title),
    ...Array.from(
      { length: load.kafkaAttempts },
      (_, n) => `Fault suite message ${n} (${load.run})`,
    ),
  ]);
  let lastReport = Date.now();
  for (;;) {
    const instance = system.live()[0];
    if (!instance) throw new Error('no help-desk instance is running');
    const requests = await helpDeskRequests(system, instance, load);
    const reportingIds = withReporting ? await reportingRequestIds(system) : [];
    const lost: string[] = [];
    const duplicated: string[] = [];
    let reportingRows: number | undefined;
    if (requests && reportingIds) {
      const count = new Map<string, number>();
      for (const { title } of requests) count.set(title, (count.get(title) ?? 0) + 1);
      for (const filed of acknowledged)
        if (!count.get(filed.title)) lost.push(`request ${filed.title}`);
      for (const title of bySignedCommand)
        if (!count.get(title)) lost.push(`request by message ${title}`);
      for (const [title, n] of count) {
        if (n > 1) duplicated.push(`request ${title} × ${n}`);
        if (!attempted.has(title)) duplicated.push(`request never sent: ${title}`);
      }
      if (withReporting) {
        const inReporting = new Map<string, number>();
        for (const id of reportingIds) inReporting.set(id, (inReporting.get(id) ?? 0) + 1);
        reportingRows = reportingIds.length;
        for (const { title, requestId } of requests) {
          const n = inReporting.get(requestId) ?? 0;
          const wasAcknowledged =
            acknowledged.some((filed) => filed.requestId === requestId) ||
            bySignedCommand.includes(title);
          if (n === 0 && wasAcknowledged) lost.push(`reporting row of ${title}`);
          if (n > 1) duplicated.push(`reporting row of ${title} × ${n}`);
        }
      }
      if (lost.length === 0 || Date.now() > deadline) {
        const completeAt = Date.now();
        if (lost.length) step(`views incomplete at the bound: ${lost.slice(0, 5).join('; ')}`);
        // Comments: checked once the requests are complete (one read per acknowledged request).
        if (options.comments !== false) {
          const problems = await mapConcurrently(acknowledged, 6, async (filed) => {
            const detail = await system
              .helpDesk(instance)
              .get<Json>(`/service-requests/${filed.requestId}`)
              .catch(() => undefined);
            const comments = ((detail?.body?.['comments'] as Json[] | undefined) ?? []).length;
            return {
              lost:
                detail?.status !== 200 || comments < filed.comments
                  ? `comments of ${filed.title}: ${comments} of ${filed.comments} acknowledged`
                  : undefined,
              duplicated:
                comments > filed.commentAttempts
                  ? `comments of ${filed.title}: ${comments}, ${filed.commentAttempts} sent`
                  : undefined,
            };
          });
          for (const problem of problems) {
            if (problem.lost) lost.push(problem.lost);
            if (problem.duplicated) duplicated.push(problem.duplicated);
          }
        }
        return { lost, duplicated, requestsInView: requests.length, reportingRows, completeAt };
      }
    } else if (Date.now() > deadline) {
      return {
        lost: ['the views did not answer'],
        duplicated: [],
        requestsInView: 0,
        completeAt: Date.now(),
      };
    }
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      step(
        `views: ${requests?.length ?? 'no answer'} requests in the help desk's, ${reportingIds?.length ?? 'no answer'} in reporting's; ` +
          `${acknowledged.length + bySignedCommand.length} acknowledged requests expected`,
      );
    }
    await pause(500);
  }
}

/** `work` over `items`, at most `limit` at a time, results in order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
