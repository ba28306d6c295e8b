import type { httpClient } from '@sfp/testing';
import { concurrentRound, type RoundResult } from './concurrent-round';
import { referralRequest } from '../../support/scale-out/referral-request';

type Client = ReturnType<typeof httpClient>;
// Answers read loosely: the test checks the fields it needs, the contract suites the rest.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** What a contest sent and found, for the scenario's row. */
export interface ContestFigures {
  /** Commands sent: the filing and every client's attempt. */
  sent: number;
  /** 2xx answers: the filing and each round's winner. */
  acknowledged: number;
  /** Rounds whose winner's event is not in the history. */
  lost: number;
  /** Events beyond one per round. */
  duplicated: number;
  serverErrors: number;
  slowestRoundMs: number;
}

/**
 * Files one request, then `rounds` rounds in which `clients` clients (spread
 * over `hosts`) send the same command at once with If-Match set to the version
 * they all read: a comment in odd rounds, a triage (a change of its fields) in
 * even ones. Asserts, round by round, exactly one 2xx with the next ETag and
 * the rest 409 WRONG_EXPECTED_VERSION, and that the history grew by the
 * winner's event only; then a last round with a version already spent, which
 * no client may win.
 */
export async function contestOneRequest(options: {
  hosts: Client[];
  clients: number;
  rounds: number;
  run: string;
}): Promise<ContestFigures> {
  const { hosts, clients, run } = options;
  const http = hosts[0] as Client;
  const filed = await http.post<{ requestId: string; streamVersion: number }>(
    '/service-requests',
    referralRequest(run, `Contested request (${run})`),
  );
  expect(filed.status).toBe(201);
  const path = `/service-requests/${filed.body.requestId}`;
  const detail = async () => {
    const response = await http.get<Json>(path);
    expect(response.status).toBe(200);
    return response;
  };

  const results: RoundResult[] = [];
  let lost = 0;
  let duplicated = 0;
  for (let round = 1; round <= options.rounds; round++) {
    const before = await detail();
    const version = Number(before.body['streamVersion']);
    expect(before.headers.get('etag')).toBe(`"${version}"`);
    const action = round % 2 === 1 ? 'comments' : 'triage';
    const result = await concurrentRound({
      hosts,
      clients,
      path: `${path}/${action}`,
      ifMatch: `"${version}"`,
      body: (client) =>
        action === 'comments'
          ? { text: `Round ${round}, client ${client} (${run})`, visibility: 'internal' }
          : {
              kind: 'referral',
              themes: ['cooperatives'],
              priority: client % 2 === 0 ? 'high' : 'normal',
              note: `Round ${round}, client ${client} (${run})`,
            },
    });
    results.push(result);
    expect({ round, ...result.summary }).toEqual({
      round,
      won: 1,
      conflicts: clients - 1,
      other: 0,
    });
    const [winner] = result.winners;
    expect(winner?.etag).toBe(`"${version + 1}"`);
    // The store holds the winner's event, once: the history grew by exactly one.
    const after = await detail();
    const history = after.body['history'] as Json[];
    const added = history.filter((entry) => Number(entry['streamVersion']) > version);
    const mark = `Round ${round}, client ${winner?.client} (${run})`;
    const winners = added.filter((entry) => JSON.stringify(entry['data']).includes(mark));
    if (winners.length === 0) lost++;
    duplicated += Math.max(0, added.length - 1);
    expect(after.body['streamVersion']).toBe(version + 1);
    expect(added).toHaveLength(1);
    expect(winners).toHaveLength(1);
    expect(added[0]?.['event']).toBe(
      action === 'comments' ? 'ServiceRequestCommented' : 'ServiceRequestTriaged',
    );
  }

  // A version already spent wins nothing: every client refused, nothing appended.
  const final = await detail();
  const spent = await concurrentRound({
    hosts,
    clients,
    path: `${path}/comments`,
    ifMatch: `"${Number(final.body['streamVersion']) - 1}"`,
    body: (client) => ({ text: `Too late, client ${client} (${run})`, visibility: 'internal' }),
  });
  results.push(spent);
  expect(spent.summary).toEqual({ won: 0, conflicts: clients, other: 0 });
  const last = await detail();
  expect(last.body['streamVersion']).toBe(final.body['streamVersion']);
  // Filed, then one event per round.
  expect(last.body['history']).toHaveLength(1 + options.rounds);
  expect(last.body['comments']).toHaveLength(Math.ceil(options.rounds / 2));

  return {
    sent: 1 + results.reduce((sum, r) => sum + r.responses.length, 0),
    acknowledged: 1 + results.reduce((sum, r) => sum + r.summary.won, 0),
    lost,
    duplicated,
    serverErrors: results.reduce((sum, r) => sum + r.serverErrors, 0),
    slowestRoundMs: Math.max(...results.map((r) => r.elapsedMs)),
  };
}
