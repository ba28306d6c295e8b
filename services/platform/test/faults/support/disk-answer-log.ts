import type { httpClient } from '@sfp/testing';

type Client = ReturnType<typeof httpClient>;

/** One answer to a command: when it was sent and answered, its status and problem code. */
export interface CommandAnswer {
  sentAt: number;
  answeredAt: number;
  /** 0 when the connection failed. */
  status: number;
  code?: string;
  detail?: string;
  retryAfter?: string | null;
}

/**
 * Every answer to the commands (POSTs) sent through the clients it wraps, so a
 * scenario can tell the fault's refusals from errors outside it.
 */
export class AnswerLog {
  readonly answers: CommandAnswer[] = [];

  /** `client`, its POSTs recorded here. */
  wrap(client: Client): Client {
    const post: Client['post'] = async (path, body, headers) => {
      const sentAt = Date.now();
      try {
        const response = await client.post(path, body, headers);
        const problem = response.body as { code?: unknown; detail?: unknown } | undefined;
        this.answers.push({
          sentAt,
          answeredAt: Date.now(),
          status: response.status,
          ...(response.status >= 400
            ? {
                code: String(problem?.code ?? ''),
                detail: String(problem?.detail ?? ''),
                retryAfter: response.headers.get('retry-after'),
              }
            : {}),
        });
        return response as never;
      } catch (error) {
        this.answers.push({ sentAt, answeredAt: Date.now(), status: 0 });
        throw error;
      }
    };
    return { ...client, post };
  }

  /** The answers sent within [from, to). */
  between(from: number, to: number): CommandAnswer[] {
    return this.answers.filter((answer) => answer.sentAt >= from && answer.sentAt < to);
  }
}
