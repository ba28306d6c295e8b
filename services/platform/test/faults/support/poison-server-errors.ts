import type { httpClient } from '@sfp/testing';

type Client = ReturnType<typeof httpClient>;

/**
 * The same client, counting in `tally` every answer ≥ 500 (what the fault
 * report calls responses ≥ 500 outside the fault: this scenario's fault is in
 * the messages, so none of its HTTP answers may be one).
 */
export function trackServerErrors(client: Client, tally: { count: number }): Client {
  const counted = <R extends { status: number }>(response: R): R => {
    if (response.status >= 500) tally.count++;
    return response;
  };
  return {
    get: async (...args) => counted(await client.get(...args)),
    post: async (...args) => counted(await client.post(...args)),
    patch: async (...args) => counted(await client.patch(...args)),
    put: async (...args) => counted(await client.put(...args)),
    delete: async (...args) => counted(await client.delete(...args)),
  } as Client;
}
