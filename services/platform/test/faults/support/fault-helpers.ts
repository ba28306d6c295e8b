import type { httpClient } from '@sfp/testing';

type Client = ReturnType<typeof httpClient>;
type Json = Record<string, unknown>;

/** The operator every scenario signs in as (created by the first administrator). */
export const OPERATOR = { username: 'operator-1', password: 'operator one secret' };

/** Polls `probe` every `everyMs` until it returns a value, or throws after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
  everyMs = 200,
  progress: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Waited ${timeoutMs} ms for ${what}; ${progress()}`.replace(/; $/, ''));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Creates the operator with the administrator's client (`…/api`); fails the test unless 201. */
export async function createOperator(admin: Client): Promise<void> {
  const created = await admin.post('/auth/users', {
    username: OPERATOR.username,
    displayName: 'Jane Kamau',
    roles: ['operator'],
    password: OPERATOR.password,
  });
  if (created.status !== 201) throw new Error(`operator not created: ${created.text}`);
}

/**
 * The run's items of the help desk's requests view (client at
 * `…/api/help-desk`), every page, read once the view has reached
 * `minPosition` (read your writes); `run` is the marker in the titles.
 */
export async function runRequests(
  client: Client,
  minPosition: number,
  run: string,
): Promise<Json[]> {
  const items: Json[] = [];
  let cursor: string | undefined;
  do {
    const page = await eventually('a page of the requests view', async () => {
      const response = await client.get<{ items: Json[]; nextCursor?: string }>(
        `/service-requests?minPosition=${minPosition}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      return response.status === 200 ? response.body : undefined;
    });
    items.push(...page.items.filter((item) => String(item['title']).includes(run)));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
