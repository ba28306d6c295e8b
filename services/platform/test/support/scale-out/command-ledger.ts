import type { httpClient } from '@sfp/testing';
import { referralRequest } from './referral-request';

type Client = ReturnType<typeof httpClient>;

/** One HTTP answer the driver got (or `network` when none came), when it was sent and answered. */
export interface LedgerResponse {
  sentAt: number;
  at: number;
  status: number | 'network';
  retryAfter: string | null;
}

/** A request the driver filed: its title (unique), and its id once an instance acknowledged it. */
export interface FiledRequest {
  title: string;
  requestId?: string;
  /** Comments acknowledged on it (2xx). */
  comments: number;
  /** Comments sent, acknowledged or not. */
  commentAttempts: number;
}

/**
 * The load driver's own record of what the service acknowledged: every
 * request filed (attempted, by its unique title) and, for those answered
 * 2xx, the request id and the comments answered 2xx. A command whose
 * instance died before it answered counts as attempted only: its effect may
 * or may not be in the views, but at most once.
 */
export class CommandLedger {
  readonly requests: FiledRequest[] = [];
  highestPosition = 0;
  acknowledged = 0;
  failed = 0;
  /** Every answer, in the order they came: the fault suite counts 5xx and 503s with their Retry-After. */
  readonly responses: LedgerResponse[] = [];

  constructor(private readonly run: string) {}

  /** Files one request through `client`; true when it was acknowledged. */
  async file(client: Client, index: number): Promise<boolean> {
    const filed: FiledRequest = {
      title: `Scale-out request ${index} (${this.run})`,
      comments: 0,
      commentAttempts: 0,
    };
    this.requests.push(filed);
    const result = await this.attempt(() =>
      client.post<{ requestId: string; position: number }>(
        '/service-requests',
        referralRequest(this.run, filed.title),
      ),
    );
    if (!result) return false;
    filed.requestId = result.requestId;
    return true;
  }

  /** Comments on an acknowledged request through `client`; true when it was acknowledged. */
  async comment(client: Client, filed: FiledRequest): Promise<boolean> {
    if (!filed.requestId) return false;
    filed.commentAttempts++;
    const result = await this.attempt(() =>
      client.post<{ position: number }>(`/service-requests/${filed.requestId}/comments`, {
        text: `Comment ${filed.comments + 1} of the scale-out run`,
        visibility: 'internal',
      }),
    );
    if (!result) return false;
    filed.comments++;
    return true;
  }

  acknowledgedRequests(): Array<FiledRequest & { requestId: string }> {
    return this.requests.filter(
      (filed): filed is FiledRequest & { requestId: string } => filed.requestId !== undefined,
    );
  }

  private async attempt<T extends { position: number }>(
    send: () => Promise<{ status: number; body: T; headers: Headers }>,
  ): Promise<T | undefined> {
    const sentAt = Date.now();
    try {
      const response = await send();
      this.responses.push({
        sentAt,
        at: Date.now(),
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
      });
      if (response.status < 200 || response.status > 299) {
        this.failed++;
        return undefined;
      }
      this.acknowledged++;
      this.highestPosition = Math.max(this.highestPosition, response.body.position);
      return response.body;
    } catch {
      // The instance died (connection refused or reset): not acknowledged.
      this.responses.push({ sentAt, at: Date.now(), status: 'network', retryAfter: null });
      this.failed++;
      return undefined;
    }
  }
}
