import type { httpClient } from '@sfp/testing';

type Client = ReturnType<typeof httpClient>;

/** One client's answer in a round. */
export interface RoundResponse {
  client: number;
  status: number;
  etag: string | null;
  code?: string;
}

export interface RoundResult {
  responses: RoundResponse[];
  /** The 2xx answers (a correct round has exactly one). */
  winners: RoundResponse[];
  summary: {
    won: number;
    /** 409 with the problem code WRONG_EXPECTED_VERSION. */
    conflicts: number;
    /** Anything else: another 4xx, a 409 with another code, a 5xx, no answer. */
    other: number;
  };
  /** Answers ≥ 500, and requests that got no answer at all. */
  serverErrors: number;
  elapsedMs: number;
}

/**
 * Sends the same command from `clients` clients at once, every one with the
 * same If-Match, spread over `hosts` (client i on host i mod n). All of them
 * are built first and released together, so they race for the one version.
 */
export async function concurrentRound(options: {
  hosts: Client[];
  clients: number;
  path: string;
  ifMatch: string;
  body: (client: number) => unknown;
}): Promise<RoundResult> {
  const started = Date.now();
  const responses = await Promise.all(
    Array.from({ length: options.clients }, async (_, client): Promise<RoundResponse> => {
      const host = options.hosts[client % options.hosts.length] as Client;
      try {
        const response = await host.post<{ code?: string }>(options.path, options.body(client), {
          'if-match': options.ifMatch,
        });
        return {
          client,
          status: response.status,
          etag: response.headers.get('etag'),
          ...(typeof response.body?.code === 'string' ? { code: response.body.code } : {}),
        };
      } catch {
        // No answer (connection refused or reset): counted as a server error.
        return { client, status: 0, etag: null };
      }
    }),
  );
  const winners = responses.filter((r) => r.status >= 200 && r.status < 300);
  const conflicts = responses.filter(
    (r) => r.status === 409 && r.code === 'WRONG_EXPECTED_VERSION',
  ).length;
  return {
    responses,
    winners,
    summary: {
      won: winners.length,
      conflicts,
      other: responses.length - winners.length - conflicts,
    },
    serverErrors: responses.filter((r) => r.status >= 500 || r.status === 0).length,
    elapsedMs: Date.now() - started,
  };
}
