import type { ArgumentsHost } from '@nestjs/common';
import { ErrorResponseFilter } from './error-response.filter';

/** What ErrorResponseFilter answered, and the messages it logged as errors. */
export interface FilterAnswer {
  status?: number;
  body?: Record<string, unknown>;
  headers: Record<string, string>;
  logged: string[];
}

/** Runs ErrorResponseFilter on `error` as for a request to `url` (tests of the answers it gives). */
export function filterAnswer(error: unknown, url: string): FilterAnswer {
  const headers: Record<string, string> = {};
  const answer: { status?: number; body?: Record<string, unknown> } = {};
  const res = {
    setHeader: (name: string, value: string) => void (headers[name] = value),
    status(code: number) {
      answer.status = code;
      return this;
    },
    type() {
      return this;
    },
    json(body: Record<string, unknown>) {
      answer.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: url, url }),
      getResponse: () => res,
    }),
  } as unknown as ArgumentsHost;
  const logged: string[] = [];
  new ErrorResponseFilter({}, { error: (_, message) => void logged.push(message) }).catch(
    error,
    host,
  );
  return { ...answer, headers, logged };
}
